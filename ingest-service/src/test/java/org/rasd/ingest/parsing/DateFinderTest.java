package org.rasd.ingest.parsing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.rasd.ingest.DateFinding;
import org.rasd.ingest.extraction.ArticleExtractor;
import org.rasd.ingest.parsing.ArticleParser.RawArticle;
import org.rasd.ingest.parsing.DateFinder.DateMention;
import org.rasd.ingest.parsing.DateFinder.Precision;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One method per way news writes a date; every sentence is written for this test. */
class DateFinderTest {

    private static final DateFinding DATES = new DateFinding();
    /** A Wednesday. */
    private static final LocalDate PUBLISHED = LocalDate.of(2025, 6, 18);

    private static List<String> values(String text) {
        return DATES.find(text, PUBLISHED).stream().map(DateMention::value).toList();
    }

    /** The only date of {@code text}: its value and precision. */
    private static void assertOnlyDate(String text, String value, Precision precision) {
        List<DateMention> found = DATES.find(text, PUBLISHED);
        assertEquals(List.of(value), found.stream().map(DateMention::value).toList(), text);
        assertEquals(precision, found.getFirst().precision(), text);
    }

    @Test
    void howLongAnActLastedIsANumberOfDaysAfterAVerbOfLasting() {
        assertEquals(List.of(3), DATES.durations("اختتم الوزير زيارة إلى العراق استمرت ثلاثة أيام"));
        assertEquals(List.of(2), DATES.durations("زيارة رسمية إلى الجزائر دامت يومين"));
        assertEquals(List.of(1), DATES.durations("زيارته للعراق التي استمرت يوماً واحداً"));
        assertEquals(List.of(4), DATES.durations("ورشة امتدت 4 أيام"));
        assertEquals(List.of(), DATES.durations("استمرت المباحثات ساعتين"), "hours are no days");
        assertEquals(List.of(), DATES.durations("وصل الوفد منذ ثلاثة أيام"), "days ago are a date, no length");
    }

    @Test
    void aHijriDateBesideTheGregorianOneGivesOnlyTheGregorian() {
        assertEquals(List.of("2025-06-05"), values("صدر القرار في 9 ذو الحجة 1446 هـ الموافق 5 يونيو 2025م"));
        assertEquals(List.of("2024-03-22"), values("الجمعة 12 رمضان 1445هـ - 22 مارس 2024"));
        assertEquals(List.of(), values("تأسست الهيئة عام 1398هـ في المدينة"));
        assertEquals(List.of(), values("في 1447 هجرية تضاعف عدد الحجاج"));
    }

    @ParameterizedTest(name = "{0} → {1} ({2})")
    @CsvSource(delimiter = '|', value = {
            "أعلنت الوزارة أمس أن | 2025-06-17 | DAY",
            "قال الناطق بالأمس القريب | 2025-06-17 | DAY",
            "وصل الوفد البارحة إلى العاصمة | 2025-06-17 | DAY",
            "أعلن اليوم (الأربعاء) أن | 2025-06-18 | DAY",
            "عاد الوزير أول أمس من جولته | 2025-06-16 | DAY",
            "عاد الوزير أمس الأول من جولته | 2025-06-16 | DAY",
            "وقع الطرفان منذ يومين اتفاقا | 2025-06-16 | DAY",
            "زار الوفد المدينة قبل ثلاثة أيام | 2025-06-15 | DAY",
            "انطلقت الحملة منذ 4 أيام | 2025-06-14 | DAY",
            "اجتمع المجلس الثلاثاء الماضي | 2025-06-17 | DAY",
            "استقبل الرئيس، يوم الأربعاء، نظيره | 2025-06-18 | DAY",
            "أجرى الوزير، الجمعة، مباحثات مع نظيره | 2025-06-13 | DAY",
            "تنطلق الأشغال الأحد المقبل | 2025-06-22 | DAY",
            "يحل الوفد غدا الخميس بالعاصمة | 2025-06-19 | DAY",
            "اندلعت الاشتباكات الليلة الماضية | 2025-06-17 | DAY",
            "وصل مساء أمس إلى المطار | 2025-06-17 | DAY",
            "التقى صباح اليوم بالسفير | 2025-06-18 | DAY",
            "انعقد الاجتماع الأسبوع الماضي | 2025-06 | MONTH",
            "زار الرباط هذا الأسبوع | 2025-06 | MONTH",
            "استقبل على مدى اليومين الماضيين عددا من نظرائه | 2025-06 | MONTH",
            "التقى خلال الأيام الماضية سفراء عدة | 2025-06 | MONTH",
            "وقعت الاتفاقية الشهر الماضي | 2025-05 | MONTH",
            "ينطلق البرنامج مطلع الشهر الجاري | 2025-06 | MONTH",
            "اختتمت المناورات أواخر الشهر الماضي | 2025-05 | MONTH",
            "تستضيف المدينة القمة العام المقبل | 2026 | YEAR"})
    void datesRelativeToThePublicationDay(String text, String value, Precision precision) {
        assertOnlyDate(text, value, precision);
    }

    @Test
    void theseDaysAreNowadaysNoDate() {
        assertEquals(List.of(), values("تشهد المنطقة هذه الأيام توترا متصاعدا"));
    }

    @Test
    void aWeekdayNamedBesideYesterdayIsCheckedAgainstIt() {
        DateMention yesterday = DATES.find("غادر أمس (الخميس) البلاد", PUBLISHED).getFirst();
        assertEquals("2025-06-17", yesterday.value());
        assertTrue(yesterday.weekdayConflict(), "yesterday was a Tuesday");
    }

    @ParameterizedTest(name = "{0} → {1} ({2})")
    @CsvSource(delimiter = '|', value = {
            "يوم 9 فيفري 2024 | 2024-02-09 | DAY",
            "في 17 أفريل 2023 | 2023-04-17 | DAY",
            "يوم 2 ماي 2022 | 2022-05-02 | DAY",
            "في 19 جوان 2024 | 2024-06-19 | DAY",
            "منذ 25 جويلية 2021 | 2021-07-25 | DAY",
            "في 3 أوت 2024 | 2024-08-03 | DAY",
            "في 11 سبتمبر 2024 | 2024-09-11 | DAY",
            "في 11 شتنبر 2024 | 2024-09-11 | DAY",
            "يوم 8 أكتوبر 2023 | 2023-10-08 | DAY",
            "في 27 نونبر 2022 | 2022-11-27 | DAY",
            "في 27 نوفمبر 2022 | 2022-11-27 | DAY",
            "في 5 دجنبر 2023 | 2023-12-05 | DAY",
            "في 5 ديسمبر 2023 | 2023-12-05 | DAY",
            "في 20 كانون الثاني 2024 | 2024-01-20 | DAY",
            "في 20 شباط 2024 | 2024-02-20 | DAY",
            "في 20 آذار 2024 | 2024-03-20 | DAY",
            "في 20 نيسان 2024 | 2024-04-20 | DAY",
            "في 20 أيار 2024 | 2024-05-20 | DAY",
            "في 20 مايس 2024 | 2024-05-20 | DAY",
            "في 20 حزيران 2024 | 2024-06-20 | DAY",
            "في 20 يونيه 2024 | 2024-06-20 | DAY",
            "في 20 تموز 2024 | 2024-07-20 | DAY",
            "في 20 آب 2024 | 2024-08-20 | DAY",
            "في 20 أيلول 2024 | 2024-09-20 | DAY",
            "في 20 تشرين الأول 2024 | 2024-10-20 | DAY",
            "في 20 تشرين ثاني 2024 | 2024-11-20 | DAY",
            "في 20 كانون الأول 2024 | 2024-12-20 | DAY",
            "في 7 من شهر نيسان 2024 | 2024-04-07 | DAY",
            "خلال شهر تموز 2023 | 2023-07 | MONTH",
            "في أيلول من عام 2022 | 2022-09 | MONTH",
            "(آب 2021) | 2021-08 | MONTH",
            "في 4 مايو/أيار 2024 | 2024-05-04 | DAY",
            "في 4 أيار/ مايو 2024 | 2024-05-04 | DAY",
            "الجمعة 30 نوفمبر-تشرين الثاني 2018 | 2018-11-30 | DAY",
            "في 4 مايو - أيار 2024 | 2024-05-04 | DAY",
            "في أكتوبر (تشرين الأول) 2023 | 2023-10 | MONTH",
            "في كانون الثاني/يناير الماضي | 2025-01 | MONTH"})
    void everyRegionsMonthNames(String text, String value, Precision precision) {
        assertOnlyDate(text, value, precision);
    }

    @Test
    void twoMonthsApartByADashAreNoOtherNameOfOne() {
        // «نوفمبر-تشرين الثاني» is one month in two regions' names; «مايو - يونيو» two months, June kept
        assertTrue(values("في 4 مايو - يونيو 2024").contains("2024-06"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "التقيا يوم 20 يونيو في جنيف | 2025-06-20",
            "وصل الوفد في 3 مارس | 2025-03-03",
            "زار البلد في 28 يوليو | 2024-07-28",
            "انعقدت الدورة في 2 ديسمبر | 2024-12-02",
            "تنطلق يوم 30 يونيو الجاري | 2025-06-30",
            "تنعقد القمة في 5 مارس المقبل | 2026-03-05",
            "وقع الاتفاق يوم 25 يونيو الماضي | 2024-06-25",
            "وقعا في 10 مايو من العام الماضي | 2024-05-10"})
    void aDayAndMonthWithoutYearFallsInTheYearPublicationPutsIt(String text, String value) {
        assertOnlyDate(text, value, Precision.DAY);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "وقع الطرفان المذكرة (8 فبراير 2024) بالرباط | 2024-02-08",
            "وقع الاتفاق، يوم 8 فبراير، في الرباط | 2025-02-08",
            "تتواصل الدورة من 3 إلى 5 مارس 2024 | 2024-03-03",
            "خلال الفترة من 11 حتى 14 أبريل 2023 | 2023-04-11",
            "انعقد يومي 13 و14 مارس 2024 | 2024-03-13",
            "ما بين 21 - 23 نوفمبر 2022 | 2022-11-21",
            "تمتد الزيارة من 30 يونيو إلى 2 يوليو 2024 | 2024-06-30",
            "عطلة من 28 ديسمبر إلى 3 يناير 2024 | 2023-12-28",
            "في الأول من مارس 2024 | 2024-03-01",
            "يوم فاتح ماي 2023 | 2023-05-01",
            "منذ الفاتح من يناير 2022 | 2022-01-01",
            "في الخامس عشر من أكتوبر 2022 | 2022-10-15",
            "في الحادي والعشرين من شهر آذار الماضي | 2025-03-21"})
    void aDayInParenthesesInAppositionInARangeOrAsAnOrdinal(String text, String value) {
        assertOnlyDate(text, value, Precision.DAY);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "تنطلق الحملة في 5 من الشهر الجاري | 2025-06-05",
            "وصلت الشحنة في الثاني عشر من الشهر الماضي | 2025-05-12",
            "تبدأ المناورات يوم 3 من الشهر المقبل | 2025-07-03"})
    void aDayOfTheMonthPublicationPutsIt(String text, String value) {
        assertOnlyDate(text, value, Precision.DAY);
    }

    @Test
    void aDayOfTheSameMonthTakesTheMonthOfTheDateBefore() {
        assertEquals(List.of("2023-09-04", "2023-09-17"),
                values("حل الوفد بالعاصمة يوم 4 سبتمبر 2023، ثم عاد إليها يوم 17 من الشهر نفسه"));
        assertEquals(List.of("2024-01-02", "2024-01-09"),
                values("أوقفت الشرطة المشتبه به في الثاني من يناير 2024، وأحيل على القضاء ليلة التاسع إلى العاشر من الشهر ذاته"));
        assertEquals(List.of(), values("عاد إليها يوم 17 من الشهر نفسه"), "no date before it to take the month from");
    }

    @ParameterizedTest(name = "{0} → {1} ({2})")
    @CsvSource(delimiter = '|', value = {
            "٢٠٢٤/٣/١٢ | 2024-03-12 | DAY",
            "صدر بتاريخ ١٢/٣/٢٠٢٤ | 2024-03-12 | DAY",
            "في ١٧ نيسان ٢٠٢٤ | 2024-04-17 | DAY",
            "في عام ٢٠٢٤م | 2024 | YEAR",
            "الرباط في 06 أبريل 2021 (ومع) | 2021-04-06 | DAY",
            "(ومع) 06/04/2021 | 2021-04-06 | DAY",
            "تونس 14-05-2024 (وات) | 2024-05-14 | DAY",
            // a month's name between slashes or dashes, as Egyptian pages head their articles
            "الأحد 01/مارس/2020 - 03:52 م | 2020-03-01 | DAY",
            "الخميس 5-ديسمبر-2024 | 2024-12-05 | DAY"})
    void numericFormsEasternDigitsAndDatelines(String text, String value, Precision precision) {
        assertOnlyDate(text, value, precision);
    }

    /** A date line of day/month/year is no page counter (3 / 12) to drop: it dates the article. */
    @Test
    void aNumericDateLineDatesTheArticle() {
        String page = """
                وزير الداخلية يستقبل وفدا أمنيا من مالطا
                14/03/2024 - 11:20
                استقبل وزير الداخلية أمس وفدا أمنيا مالطيا.
                """;
        assertEquals("2024-03-14", new ArticleExtractor().extract(new RawArticle(null, null, null, null, page, null), null).publishedAt());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "تندرج المبادرة ضمن رؤية 2030",
            "تندرج المبادرة ضمن رؤية عام 2030",
            "أجندة 2063 للاتحاد الإفريقي",
            "نفذت الشرطة في 1200 مداهمة",
            "شارك 1500 عنصر في التمرين",
            "تنص المادة 12 من القانون",
            "طالب بتطبيق القرار 2254",
            "احتفلت المملكة باليوم الوطني",
            "في اليوم الثاني من الزيارة",
            "بعد صلاة الجمعة تجمع المحتجون",
            "تعقد الجلسة قبل يومين من الانتخابات",
            "يعيش البلد أزمة منذ ثلاثة عقود",
            "يتابع الأسبوع الأول من مارس"})
    void numbersAndDayWordsThatAreNoDates(String text) {
        assertEquals(List.of(), values(text));
    }

    @Test
    void aWeekdayBeforeADateInWordsIsPartOfIt() {
        assertEquals(List.of("2025-06-04", "2021-06-04"),
                values("استقبل الوزير يوم السبت 4 يونيو السيد ماندي. ووصل مساء السبت الرابع من يونيو 2021 قادما من بغداد"));
    }
}

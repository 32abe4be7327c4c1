package org.rasd.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rasd.ingest.extraction.ArticleExtractor;
import org.rasd.ingest.parsing.ArticleParser.RawArticle;
import org.rasd.ingest.parsing.DateFinder;
import org.rasd.ingest.parsing.DateFinder.DateMention;
import org.rasd.ingest.record.ArticleRecord;
import org.rasd.ingest.record.Event;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One sentence per phenomenon of the extraction issue, each written for this test. */
class ArabicPhenomenaTest {

    private static final ArticleExtractor EXTRACTOR = new ArticleExtractor();
    private static final DateFinding DATES = new DateFinding();
    /** A Wednesday. */
    private static final LocalDate PUBLISHED = LocalDate.of(2025, 6, 18);

    private static ArticleRecord extract(String text, String published) {
        return EXTRACTOR.extract(new RawArticle(null, null, published, null, text, null), null);
    }

    private static List<String> countries(String text) {
        return extract(text, null).countries().stream().map(ArticleRecord.CountryMention::code).toList();
    }

    private static DateMention firstDate(String text) {
        return DATES.find(text, PUBLISHED).getFirst();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "وصل الوفد يوم 3 ماي 2025 | 2025-05-03",
            "انعقد الاجتماع في 12 يوليوز 2024 | 2024-07-12",
            "وقعت الاتفاقية في 7 غشت 2023 | 2023-08-07",
            "زيارة يوم 9 شتنبر 2024 | 2024-09-09",
            "في 20 نونبر 2024 | 2024-11-20",
            "مساء 2 دجنبر 2022 | 2022-12-02",
            "يوم 15 جانفي 2025 | 2025-01-15",
            "في 4 جويلية 2024 | 2024-07-04",
            "بتاريخ 11 أوت 2023 | 2023-08-11",
            "في 30 أيلول 2024 | 2024-09-30",
            "في 6 تشرين الأول 2024 | 2024-10-06",
            "في 14 كانون الثاني 2025 | 2025-01-14",
            "في 10 أغسطس 2024 | 2024-08-10",
            "في ١٧ مارس ٢٠٢٥ | 2025-03-17",
            "2024/08/21 - 14:05 | 2024-08-21",
            "14-05-2024 | 2024-05-14",
            "Wednesday, May 28, 2025 | 2025-05-28",
            "Tuesday 16 September 2025 - 18:40 | 2025-09-16"})
    void everyRegionalAndNumericDateForm(String text, String expected) {
        assertEquals(expected, firstDate(text).value());
    }

    @ParameterizedTest(name = "{0} → {1} ({2})")
    @CsvSource(delimiter = '|', value = {
            "استقبل أمس الثلاثاء وفدا | 2025-06-17 | DAY",
            "أعلن اليوم الأربعاء | 2025-06-18 | DAY",
            "استقبل، يوم الاثنين، وفدا | 2025-06-16 | DAY",
            "زار الوفد، يوم الجمعة الماضي، المعهد | 2025-06-13 | DAY",
            "انعقدت يومي 13 و14 يونيو الجاري | 2025-06-13 | DAY",
            "التقاه في آذار الماضي | 2025-03 | MONTH",
            "في أيلول الماضي | 2024-09 | MONTH",
            "وقعا في يونيو من العام المنصرم | 2024-06 | MONTH",
            "خلال الأسبوع الجاري | 2025-06 | MONTH",
            "مقارنة مع العام الماضي | 2024 | YEAR"})
    void datesRelativeToThePublicationDay(String text, String expected, DateFinder.Precision precision) {
        DateMention date = firstDate(text);
        assertEquals(expected, date.value());
        assertEquals(precision, date.precision());
    }

    @Test
    void aNamedWeekdayIsCheckedAgainstTheDate() {
        assertFalse(firstDate("يوم الاثنين 13 ماي 2024").weekdayConflict());
        assertTrue(firstDate("يوم الأحد 13 ماي 2024").weekdayConflict());
        assertTrue(firstDate("أمس الخميس").weekdayConflict(), "yesterday was a Tuesday");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "صرح الوزير الإسباني | ES",
            "قالت الوزيرة البلجيكية | BE",
            "يقيم المغاربة في الخارج | MA",
            "التقى المسؤولين الأمريكيين | US",
            "حضر ضباط فرنسيون | FR",
            "وفد من المسؤولين الإيطاليين | IT",
            "وصل إلى مدريد | ES",
            "انعقد في فيينا | AT",
            "المؤتمر في غلاسكو | GB",
            "شرطة مدينة ليون | FR",
            "ميناء لشبونة | PT",
            "أوقف مكتب التحقيقات الفيدرالي FBI مشتبها | US",
            "أعلن الحرس المدني الإسباني Guardia Civil | ES",
            "العاصمة الأردنية عمان | JO",
            "سلطنة عمان | OM",
            "الأوضاع الأمنية في مالي | ML"})
    void countriesByNameDemonymCityAndBody(String text, String code) {
        assertEquals(List.of(code), countries(text));
    }

    @Test
    void organisationsAndCommonWordsAreNotCountries() {
        assertEquals(List.of(), countries("تعاون الإنتربول واليوروبول والأمم المتحدة والاتحاد الأوروبي"));
        assertEquals(List.of(), countries("رصد الغلاف المالي في دائرة نصف قطرها ثلاثة كيلومترات"));
        assertEquals(List.of(), countries("روى أب فقد ابنه معاناته"));
    }

    @Test
    void aReceptionByTheProtagonistNamesTheOfficialAndRole() {
        ArticleRecord record = extract("""
                استقبل المدير العام للأمن الوطني ومراقبة التراب الوطني عبد اللطيف حموشي، أمس الثلاثاء بالرباط، وزيرة العدل البلجيكية.
                وأشادت المسؤولة البلجيكية بالخبرة المغربية.
                """, "2025-06-18");
        Event host = record.events().stream().filter(e -> e.type().equals("HOST")).findFirst().orElseThrow();
        assertEquals("MA", host.subject().country());
        assertEquals("عبد اللطيف حموشي", host.subject().name());
        assertEquals("المدير العام للأمن الوطني ومراقبة التراب الوطني", host.subject().role());
        assertEquals(List.of("BE"), host.partners().stream().map(Event.Actor::country).toList());
        assertEquals("وزيرة العدل", host.partners().getFirst().role(), "an official named by title and nationality");
        assertNull(host.partners().getFirst().name());
        assertEquals("2025-06-17", host.date().value());
        Event praise = record.events().stream().filter(e -> e.type().equals("PRAISE")).findFirst().orElseThrow();
        assertEquals("MA", praise.subject().country(), "the praise is given by the partner");
        assertEquals(List.of("BE"), praise.partners().stream().map(Event.Actor::country).toList());
    }

    @ParameterizedTest(name = "{0} → {1} in {2} {3}")
    @CsvSource(delimiter = '|', value = {
            "أجرى عبد اللطيف حموشي مباحثات أمنية بالعاصمة النمساوية فيينا | VISIT | AT | فيينا",
            "حل عبد اللطيف حموشي في زيارة عمل إلى العاصمة الإسبانية مدريد | VISIT | ES | مدريد",
            "زار وزير الداخلية المغربي العاصمة الإسبانية مدريد حيث أعلنت وزارة الداخلية الإسبانية عن اتفاق | VISIT | ES | مدريد",
            "استقبل عبد اللطيف حموشي وفدا أمنيا إسبانيا بمقر المديرية العامة لمراقبة التراب الوطني | HOST | MA | ",
            "عقد وزير الداخلية التونسي لقاء مع نظيره الجزائري في مدينة وهران | VISIT | DZ | وهران",
            "الرباط – أجرى وزير الداخلية الإسباني مباحثات في مدريد مع نظيره المغربي | HOST | ES | مدريد",
            "مدريد – استقبل وزير الداخلية الإسباني نظيره المغربي | HOST | ES | مدريد"})
    void theWordsBeforeAPlaceSayWhereTheEventIs(String text, String type, String country, String place) {
        Event event = extract(text, "2025-06-18").events().getFirst();
        assertEquals(type, event.type());
        assertEquals(country, event.location().country());
        assertEquals(place, event.location().place());
    }

    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "استقبل عبد اللطيف حموشي بالرباط وزير العدل البلجيكي | BE | وزير العدل",
            "استقبل عبد اللطيف حموشي بالرباط مديرة أجهزة الاستخبارات الوطنية بالولايات المتحدة | US | مديرة أجهزة الاستخبارات الوطنية",
            "استقبل عبد اللطيف حموشي بالرباط السفير الإسباني | ES | السفير"})
    void anOfficialNamedByTitleAndNationalityHasThatRole(String text, String country, String role) {
        Event.Actor partner = extract(text, "2025-06-18").events().getFirst().partners().getFirst();
        assertEquals(country, partner.country());
        assertEquals(role, partner.role());
        assertNull(partner.name());
    }

    @Test
    void aForeignProtagonistVisitingAThirdCountry() {
        ArticleRecord record = extract("""
                التقى وزير الداخلية التونسي، يوم الثلاثاء 2 جويلية 2024 بروما، وزير الداخلية الإيطالي في إطار زيارة عمل إلى إيطاليا.
                """, "2024-07-03");
        Event visit = record.events().getFirst();
        assertEquals("VISIT", visit.type());
        assertEquals("TN", visit.subject().country());
        assertEquals("وزير الداخلية", visit.subject().role());
        assertEquals("IT", visit.location().country());
        assertEquals("2024-07-02", visit.date().value());
    }

    @Test
    void aHeadlineAndItsParagraphAreOneEvent() {
        ArticleRecord record = extract("""
                حموشي يحل بالدوحة في زيارة عمل إلى قطر
                حل المدير العام للأمن الوطني، أمس الثلاثاء، بالدوحة في زيارة عمل إلى دولة قطر.
                وخلال هذه الزيارة بحث مع المسؤولين القطريين تأمين التظاهرات الكبرى.
                """, "2025-06-18");
        assertEquals(1, record.events().size(), record.events().toString());
        assertEquals("2025-06-17", record.events().getFirst().date().value());
    }

    @Test
    void talksOnTheSidelinesOfAConferenceAreAMeetingAtItsPlace() {
        ArticleRecord record = extract("""
                شارك وفد أمني مغربي، يوم الخميس 5 يونيو 2025 بفيينا، في أشغال مؤتمر مكافحة الإرهاب. وعلى هامش المؤتمر، أجرى رئيس الوفد المغربي مباحثات مع مسؤولين من ألمانيا.
                """, "2025-06-10");
        Event conference = record.events().stream().filter(e -> e.type().equals("CONFERENCE")).findFirst().orElseThrow();
        assertEquals("AT", conference.location().country());
        Event meeting = record.events().stream().filter(e -> e.type().equals("MEET")).findFirst().orElseThrow();
        assertEquals(List.of("DE"), meeting.partners().stream().map(Event.Actor::country).toList());
        assertEquals("AT", meeting.location().country());
        assertEquals("2025-06-05", meeting.date().value());
    }

    @Test
    void aNonArabicArticleIsKeptAndSaysSo() {
        assertEquals("und", extract("The minister met his Spanish counterpart in Madrid on Monday.", null).language());
        assertEquals("ar", extract("التقى الوزير نظيره الإسباني في مدريد.", null).language());
    }

    private static List<String> eventsAsText(ArticleRecord record) {
        return record.events().stream().map(e -> e.type() + " " + e.partners().stream().map(Event.Actor::country).toList()
                + " " + (e.date() == null ? null : e.date().value()) + " " + (e.location() == null ? null : e.location().country())).toList();
    }

    @Test
    void meetingsListedByPlaceAreOneVisitToEachCountry() {
        ArticleRecord record = extract("""
                عزز المغرب تعاونه الأمني مع دول المنطقة.
                وشملت جولة حموشي لقاءات مع كبار المسؤولين الأمنيين في تونس، مصر، والأردن.
                """, null);
        assertEquals(List.of("VISIT [TN] null TN", "VISIT [EG] null EG", "VISIT [JO] null JO"), eventsAsText(record));
    }

    @Test
    void eachItemOfAListWithItsOwnCueIsItsOwnEvent() {
        ArticleRecord record = extract("""
                نشاط أمني مغربي مكثف خلال الخريف
                عرف نشاط حموشي لقاءات ثنائية في باريس، ثم قمة أمنية في روما، وأخيرا مؤتمرا دوليا في لشبونة.
                """, null);
        assertEquals(List.of("VISIT [FR] null FR", "CONFERENCE [] null IT", "CONFERENCE [] null PT"), eventsAsText(record));
        assertEquals(3, record.events().stream().map(Event::id).distinct().count(), "one id per event of the sentence");
    }

    @Test
    void talksHeldAtHomeAreAReception() {
        ArticleRecord record = extract("""
                عقد حموشي، يوم الاثنين 3 مارس 2025 بالرباط، لقاء مع وزير الداخلية البرتغالي.
                """, "2025-03-04");
        assertEquals(List.of("HOST [PT] 2025-03-03 MA"), eventsAsText(record));
        assertEquals("MA", record.events().getFirst().subject().country());
    }

    @Test
    void coordinatedYearsAreOneActEach() {
        ArticleRecord record = extract("""
                نال حموشي وسامين من فرنسا في سنتي 2016 و2021 تقديرا لجهوده في مكافحة الإرهاب.
                """, null);
        assertEquals(List.of("HONOR [FR] 2016 null", "HONOR [FR] 2021 null"), eventsAsText(record));
    }

    @Test
    void whatIsScheduledGivesTheReportedEventNeitherDateNorPlace() {
        ArticleRecord record = extract("""
                انتخب المغرب، خلال الدورة المنعقدة بلشبونة، لتنظيم الدورة المقبلة للجمعية العامة للأنتربول، المقررة بمراكش في عام 2026.
                """, null);
        assertEquals(List.of("ELECTION [] null PT"), eventsAsText(record));
    }

    @Test
    void aVerbSayingWhatTalksWereAboutReportsNoNewEvent() {
        ArticleRecord record = extract("""
                أجرى حموشي، يوم الاثنين 3 مارس 2025 بمدريد، مباحثات مع نظيره الإسباني.
                وتناولت المباحثات الوضع الأمني في ليبيا وتأمين كأس العالم.
                """, "2025-03-04");
        assertEquals(List.of("VISIT [ES] 2025-03-03 ES"), eventsAsText(record));
    }

    @Test
    void praiseWithoutADateIsDatedAndPlacedByTheMeetingItFollows() {
        ArticleRecord record = extract("""
                استقبل حموشي، يوم الاثنين 3 مارس 2025 بالرباط، وزير الداخلية الهولندي.
                وفي تصريح للصحافة، أشاد الوزير الهولندي بالتعاون الأمني مع المغرب.
                """, "2025-03-04");
        assertEquals(List.of("HOST [NL] 2025-03-03 MA", "PRAISE [NL] 2025-03-03 MA"), eventsAsText(record));
    }

    @Test
    void anActTheLeadReportsWithNoDateIsThePublicationDays() {
        ArticleRecord record = extract("""
                ميقاتي وكومبوس: الهجرة غير النظامية أولوية
                استقبل رئيس الحكومة في السرايا ببيروت وزير خارجية قبرص، وبحث معه ملف الهجرة غير النظامية.
                وسبق أن أجرى رئيس الحكومة مباحثات مع الوزير القبرصي في نيقوسيا.
                """, "2024-03-12");
        assertEquals(List.of("HOST [CY] 2024-03-12 LB", "VISIT [CY] null CY"), eventsAsText(record),
                "the lead's reception is the day's news; the talks recalled after it stay undated");
    }

    @Test
    void aHeadlineActIsThePublicationDaysButNoTipItReports() {
        ArticleRecord record = extract("""
                حموشي يستقبل وزير الداخلية الهولندي
                استقبل حموشي بالرباط وزير الداخلية الهولندي، وبحث معه التعاون الأمني.
                """, "2025-03-04");
        assertEquals(List.of("HOST [NL] 2025-03-04 MA"), eventsAsText(record));
        ArticleRecord tip = extract("""
                معلومات مغربية تمكن فرنسا من إحباط مخطط إرهابي
                وأفادت السلطات الفرنسية بأن التوقيف تم بناء على معلومات وفرتها المديرية العامة لمراقبة التراب الوطني.
                """, "2025-03-04");
        assertEquals(List.of("INTEL_SHARING [FR] null FR"), eventsAsText(tip), "the operation's day is not the news day");
    }

    @Test
    void aPraiseTweetedIsPlacedNowhere() {
        ArticleRecord record = extract("""
                استقبل حموشي، يوم الاثنين 3 مارس 2025 بالرباط، وزير الداخلية الهولندي.
                وبعيد اللقاء، غرد الوزير الهولندي مشيدا بالتعاون الأمني مع المغرب.
                """, "2025-03-04");
        assertEquals(List.of("HOST [NL] 2025-03-03 MA", "PRAISE [NL] 2025-03-03 null"), eventsAsText(record));
    }

    @Test
    void aLookBackArticleDatesItsUndatedEventsWithItsYear() {
        ArticleRecord record = extract("""
                في سنة 2023... حصيلة التعاون الأمني المغربي الإيطالي
                أجرى حموشي مباحثات مع نظيره الإيطالي حول مكافحة الجريمة المنظمة.
                """, null);
        Event meeting = record.events().getFirst();
        assertEquals("2023", meeting.date().value());
        assertEquals("year", meeting.date().precision());
    }

    @Test
    void aRegionNamedAfterAContinentIsNoCountry() {
        assertEquals(List.of("MA", "BR"), countries("عزز المغرب شراكاته مع أمريكا اللاتينية ومع البرازيل."));
    }
}

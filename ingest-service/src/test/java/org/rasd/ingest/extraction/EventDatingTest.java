package org.rasd.ingest.extraction;

import org.junit.jupiter.api.Test;
import org.rasd.ingest.record.Event.EventDate;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which of an article's dates each act took place on, and the year a look-back article covers. */
class EventDatingTest {

    /** The dates of each clause that reports an act, as «value precision» (null: none). */
    private static List<List<String>> dates(String text) {
        Staged s = Staged.of(text, "2025-06-18");
        return s.eventClauses().stream().map(c -> s.datesOf(c).stream()
                .map(d -> d == null ? null : d.value() + " " + d.precision()).toList()).toList();
    }

    private static List<String> none() {
        return Arrays.asList((String) null);
    }

    private static Optional<EventDate> frame(String text) {
        return Staged.of(text).dating.yearFrame();
    }

    /** The date of the operation each clause of intelligence shared enabled, as «value precision», or empty. */
    private static List<Optional<String>> operationDates(String text) {
        Staged s = Staged.of(text, "2025-06-18");
        return s.eventClauses().stream().filter(c -> c.type() == EventType.INTEL_SHARING)
                .map(c -> s.dating.operationNear(c).map(d -> d.value() + " " + d.precision())).toList();
    }

    @Test
    void intelligenceSharedIsDatedByTheOperationANearbySentenceDates() {
        // the seizure told after the information (ليل أمس), or before it (أواخر أيار الماضي)
        assertEquals(List.of(Optional.of("2025-06-17 day")), operationDates("""
                ورصدت الأجهزة شحنة من الحبوب المخدرة في ميناء العقبة.
                وجرى تزويد الجانب الأردني بكامل المعطيات المتوافرة عن الشحنة.
                وأسفر التفتيش، ليل أمس، عن العثور على مليوني حبة مخبأة في صناديق الفاكهة."""));
        assertEquals(List.of(Optional.of("2025-05 month")), operationDates("""
                أوقفت السلطات القطرية الشحنة في ميناء حمد أواخر أيار الماضي.
                وأكد الوزير اللبناني أن الشحنة كشفت بفضل معلومات دقيقة قدمتها الأجهزة الأمنية اللبنانية."""));
    }

    @Test
    void theDayAnActWasMadeKnownDoesNotDateItWhenTheClauseDatesItToo() {
        // published 2025-06-18, a Wednesday: the ministry told of it today, the call was yesterday
        assertEquals(List.of(List.of("2025-06-17 day")),
                dates("أفادت وزارة الداخلية، اليوم الأربعاء 18 جوان 2025، بأن الوزير تلقى مساء أمس مكالمة هاتفية من نظيره الإيطالي."));
        assertEquals(List.of(List.of("2025-06-18 day")),
                dates("أعلنت الوزارة اليوم الأربعاء أن الوزير استقبل نظيره الإيطالي."), "with no other date, the day it was told");
        assertEquals(List.of(List.of("2025-06-17 day")),
                dates("أفادت الوزارة بأن الوزير استقبل أمس الثلاثاء نظيره الإيطالي الذي كان قد زاره في مارس 2024."),
                "a date after «بأن» is of what was made known");
    }

    @Test
    void theDayADatelineFilesOnDoesNotDateTheActItsSentenceDates() {
        assertEquals(List.of(List.of("2025-06-17 day")),
                dates("الرباط 18-6-2025 (ومع) - استقبل الوزير، أمس الثلاثاء، نظيره الإسباني."));
        assertEquals(List.of(List.of("2025-06-17 day")),
                dates("تونس، 18 جوان 2025 (وات) – التقى الوزير أمس نظيره الليبي."));
        assertEquals(List.of(List.of("2025-06-18 day")),
                dates("الرباط 18 يونيو 2025 (ومع) - استقبل الوزير نظيره الإسباني."), "with no other date, the day it was filed");
        assertEquals(List.of(List.of("2025-06-18 day")),
                dates("استقبل الوزير 18 يونيو 2025 نظيره الإسباني، بعد لقائهما أمس."), "no dateline: no place and agency around the day");
    }

    @Test
    void theDayAnOperationWasAnnouncedDoesNotDateIt() {
        assertEquals(List.of(Optional.empty()), operationDates("""
                مكنت معلومات استخباراتية دقيقة قدمتها الأجهزة المغربية لنظيرتها البلجيكية من إحباط مخطط إرهابي.
                وأعلنت النيابة البلجيكية الخبر يوم الأربعاء، مشيرة إلى توقيف ثلاثة أشخاص."""));
        // the announcement named by its noun: «أرجئ الإعلان إلى اليوم»
        assertEquals(List.of(Optional.empty()), operationDates("""
                وأوضح الوزير أن الضبط تم قبل أسابيع، وأن الإعلان أرجئ إلى اليوم لملاحقة المتورطين.
                وكشف أن العملية انطلقت من معلومات دقيقة أرسلتها الأجهزة الإماراتية."""));
    }

    @Test
    void theDateWrittenInTheClauseDatesIt() {
        assertEquals(List.of(List.of("2024-05-12 day")), dates("أجرى الوزير الفرنسي، يوم 12 ماي 2024، مباحثات مع نظيره الإسباني."));
    }

    @Test
    void theFirstDateOfTheClauseDatesIt() {
        assertEquals(List.of(List.of("2016 year")), dates("نال الوزير الإسباني وساما من فرنسا عام 2016 وقبله عام 2012."));
    }

    @Test
    void aLaterDateOfTheClauseWithinTheFirstDatesItMoreNarrowly() {
        assertEquals(List.of(List.of("2024-05-27 day")),
                dates("ولم يكن هذا اللقاء الأول خلال سنة 2024، إذ سبق أن استقبل الوزير الفرنسي نظيره الإسباني يوم 27 ماي 2024."));
        assertEquals(List.of(List.of("2016 year")), dates("نال الوزير الإسباني وساما من فرنسا عام 2016 وقبله يوم 3 مارس 2012."),
                "a day outside the first date is another act's");
    }

    @Test
    void datesCoordinatedByWaAreOneActEach() {
        assertEquals(List.of(List.of("2016 year", "2021 year")), dates("نال الوزير الإسباني وسامين من فرنسا في سنتي 2016 و2021."));
        assertEquals(List.of(List.of("2025-03-03 day", "2025-05-09 day")), dates("زار الوزير الفرنسي مدريد يوم 3 مارس 2025 و9 ماي 2025."));
    }

    @Test
    void datesJoinedByAnotherWordAreNotCoordinated() {
        assertEquals(List.of(List.of("2025-03-03 day")), dates("زار الوزير الفرنسي مدريد يوم 3 مارس 2025 ثم 9 ماي 2025."));
    }

    @Test
    void aPrecisionIsWrittenInLowerCase() {
        assertEquals(List.of(List.of("2024-03 month")), dates("في مارس 2024 التقى الوزير الفرنسي نظيره الإسباني."));
    }

    @Test
    void aClauseWithoutADateTakesTheLastOneBeforeItInItsParagraph() {
        assertEquals(List.of(List.of("2024-05-14 day")),
                dates("في 12 ماي 2024 حل الوزير بمدريد، وفي 14 ماي 2024 عاد. وأجرى الوزير مباحثات مع نظيره الإسباني."));
    }

    @Test
    void aDateInAnotherParagraphDatesNothing() {
        assertEquals(List.of(none()), dates("في 12 ماي 2024 حل الوزير بمدريد.\nوأجرى الوزير مباحثات مع نظيره الإسباني."));
    }

    @Test
    void aDateAfterTheClauseDatesNothing() {
        assertEquals(List.of(none()), dates("أجرى الوزير مباحثات مع نظيره الإسباني. وذلك في 12 ماي 2024."));
    }

    @Test
    void theDateOfWhatIsScheduledDatesNothing() {
        assertEquals(List.of(none()), dates("أجرى الوزير الفرنسي مباحثات مع نظيره الإسباني، والمقرر أن يلتقيا في 12 ماي 2026."));
    }

    @Test
    void aScheduledDateEarlierInTheParagraphDatesNothingLater() {
        assertEquals(List.of(none()),
                dates("عاد الوزير، والمقرر أن يسافر في 12 ماي 2026. وأجرى الوزير مباحثات مع نظيره الإسباني."));
    }

    @Test
    void eachItemOfAListTakesTheDateWrittenInIt() {
        assertEquals(List.of(List.of("2025-03-03 day"), List.of("2025-03-05 day")),
                dates("عقد الوزير الفرنسي لقاء في مدريد يوم 3 مارس 2025، ثم اجتماعا في روما يوم 5 مارس 2025."));
    }

    @Test
    void anItemWithoutADateTakesTheDateOfTheItemBefore() {
        assertEquals(List.of(List.of("2025-03-03 day"), List.of("2025-03-03 day")),
                dates("عقد الوزير الفرنسي لقاء في مدريد يوم 3 مارس 2025، ثم اجتماعا في روما."));
    }

    @Test
    void aYearNamedInTheLeadOfALookBackArticleFramesIt() {
        assertEquals(Optional.of(new EventDate("2023", "year")),
                frame("حصيلة التعاون الأمني خلال سنة 2023\nأجرى الوزير الفرنسي مباحثات مع نظيره الإسباني."));
        assertEquals(Optional.of(new EventDate("2023", "year")), frame("حصيلة التعاون الأمني في عام 2023"));
    }

    @Test
    void aYearWithoutFiOrKhilalBeforeItFramesNothing() {
        assertEquals(Optional.empty(), frame("حصيلة التعاون الأمني سنة 2023"));
    }

    @Test
    void aDayOrMonthFramesNothing() {
        assertEquals(Optional.empty(), frame("حصيلة التعاون الأمني في 3 مارس 2023"));
        assertEquals(Optional.empty(), frame("حصيلة التعاون الأمني في مارس 2023"));
    }

    @Test
    void aYearFarIntoTheTextFramesNothing() {
        String lead = "تعاون أمني متواصل بين البلدين. ".repeat(40);
        assertEquals(Optional.empty(), frame(lead + "وذلك خلال سنة 2023."));
    }

    @Test
    void aScheduledYearFramesNothing() {
        assertEquals(Optional.empty(), frame("حصيلة التعاون الأمني، والمرتقب أن تتواصل خلال سنة 2026"));
    }

    @Test
    void aDateLaterInTheSentenceDatesItsClausesBeforeIt() {
        assertEquals(List.of(List.of("2024-01-23 day"), List.of("2024-01-23 day")),
                dates("منح الملك وزير الداخلية الباكستاني وساما رفيعا، وقلده الوسام ولي العهد يوم 23 يناير 2024 بالرياض."));
    }

    @Test
    void aDateAfterSinceSaysSinceWhenNotWhen() {
        assertEquals(List.of(List.of("2025-06-17 day")),
                dates("التقى الوزير الفرنسي أمس نظيره الإسباني، في أول لقاء بينهما منذ عام 2014."));
        assertEquals(List.of(none()), dates("التقى الوزير الفرنسي نظيره الإسباني، في أول لقاء بينهما منذ عام 2014."));
    }

    @Test
    void theDateAnOfficialTookOfficeDatesNoAct() {
        assertEquals(List.of(none()), dates("وزار الوزير الجزائر للمرة الأولى منذ تعيينه على رأس وزارة الداخلية في 6 سبتمبر 2017."));
        assertEquals(List.of(none()), dates("وزار الوزير بنغازي مرتين منذ تسلّمه رئاسة الجهاز في أكتوبر 2024."));
        assertEquals(List.of(List.of("2017-09-06 day")),
                dates("وزار الوزير الجزائر في 6 سبتمبر 2017، بعد أسابيع من تعيينه."), "a date before the word");
    }

    /** The day the lead's undated acts are dated with, when the article was published on 18 June 2025. */
    private static Optional<String> leadDay(String text) {
        Staged s = Staged.of(text, "2025-06-18");
        return s.dating.leadDay(s.clauses, null, LocalDate.parse("2025-06-18")).map(day -> day.day().value());
    }

    @Test
    void theLeadsUndatedActsAreThePublicationDaysNews() {
        assertEquals(Optional.of("2025-06-18"), leadDay("استقبل وزير الداخلية البرتغالي نظيره الإسباني.\nوتناولت المباحثات الهجرة."));
    }

    @Test
    void anOpeningThatSetsTheSceneBeforeTheLeadDatesIt() {
        assertEquals(Optional.of("2025-06-13"), leadDay("لم تكن الساعات التي قضاها الوزير الإسباني في لشبونة، الجمعة الماضية، "
                + "محطة بروتوكولية عادية.\nواستقبل وزير الداخلية البرتغالي نظيره الإسباني."));
    }

    @Test
    void aLeadThatDatesItsActDatesTheHeadlinesNews() {
        assertEquals(Optional.of("2025-06"), leadDay("استقبل وزير الداخلية البرتغالي، على مدى اليومين الماضيين، عددا من "
                + "نظرائه الأوروبيين.\nواستقبل الوزير نظيره الإسباني."));
        assertEquals(Optional.of("2025-06-17"), leadDay("استقبل وزير الداخلية البرتغالي، أمس الثلاثاء، نظيره الإسباني."));
    }
}

package org.rasd.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rasd.ingest.evaluation.ExtractionCli;
import org.rasd.ingest.evaluation.GoldArticle;
import org.rasd.ingest.extraction.ArticleExtractor;
import org.rasd.ingest.parsing.ArticleParser;
import org.rasd.ingest.parsing.ArticleParser.RawArticle;
import org.rasd.ingest.record.ArticleRecord;
import org.rasd.ingest.record.Event;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArticleExtractorTest {

    private static final ArticleExtractor EXTRACTOR = new ArticleExtractor();
    private static final DateFinding DATES = new DateFinding();

    private static ArticleRecord extract(String text) {
        return EXTRACTOR.extract(new RawArticle(null, null, null, null, text, null), null);
    }

    /** Every event message carries the title: a page's may be any length, the record's is bounded. */
    @Test
    void aTitleFoundInAPageIsNoLongerThanAPostedOneMayBe() {
        ArticleRecord record = EXTRACTOR.extract(new RawArticle(null, null, null, null, null,
                "<html><head><meta property=\"og:title\" content=\"" + "عنوان طويل ".repeat(500) + "\"></head>"
                        + "<body><p>استقبل وزير الداخلية المغربي نظيره الإسباني.</p></body></html>"), null);
        assertTrue(record.title().length() <= ArticleParser.MAX_TITLE, "title of " + record.title().length());
        assertTrue(record.title().startsWith("عنوان طويل"));
    }

    /** A reception in a headline and its lead, for the tests of how the words of a text are spaced. */
    private static final String RECEPTION = "وزير الداخلية يستقبل نظيره الإسباني\nاستقبل وزير الداخلية المغربي، يوم 13 مايو 2024 "
            + "بالرباط، نظيره الإسباني، وبحثا تعزيز التعاون في مكافحة الإرهاب والهجرة غير الشرعية.";

    /** What a record says of its acts, without the ids its article's id makes. */
    private static List<String> acts(ArticleRecord record) {
        return record.events().stream().map(event -> event.type() + " " + event.subject().country() + " "
                + event.partners().stream().map(Event.Actor::country).toList() + " " + event.date() + " " + event.location()
                + " " + event.themes()).toList();
    }

    /**
     * Pages write {@code &nbsp;} between words, texts copied from them keep it, and editors type two spaces, tabs or
     * a zero-width space: to the extractor each run of them is one space.
     */
    @Test
    void wordsSpacedOtherwiseAreReadAsSpacedOnce() {
        ArticleRecord spaced = extract(RECEPTION);
        assertEquals(List.of("HOST MA [ES] EventDate[value=2024-05-13, precision=day] Location[country=MA, place=الرباط] "
                + "[TERRORISM, ILLEGAL_MIGRATION]"), acts(spaced));
        for (String space : List.of("\u00A0", "\u2007", "\u202F", "  ", "\t", " \u200B", "\u00A0 ")) {
            ArticleRecord record = extract(RECEPTION.replace(" ", space));
            String written = space.chars().mapToObj(c -> "U+" + Integer.toHexString(c)).toList().toString();
            assertEquals(acts(spaced), acts(record), written);
            assertEquals(spaced.title(), record.title(), written + ": a headline as a reader sees it");
            assertEquals(spaced.countries(), record.countries(), written);
            assertEquals(spaced.themes(), record.themes(), written);
        }
        String[] lines = RECEPTION.replace(" ", "&nbsp;").split("\n");
        ArticleRecord page = EXTRACTOR.extract(new RawArticle(null, null, null, null, null,
                "<html><body><h1>" + lines[0] + "</h1><p>" + lines[1] + "</p></body></html>"), null);
        assertEquals(acts(spaced), acts(page));
        assertEquals(spaced.title(), page.title());
    }

    /** A text posted without a URL is known by its id: however it spaces its words, it keeps the id it was stored under. */
    @Test
    void aTextSpacedOtherwiseKeepsItsId() {
        // the ids rasd-rules/0.10.19 made, when no-break spaces were letters of no word and two spaces were two
        assertEquals("2f3b1395dbea0c9c", extract(RECEPTION).id());
        assertEquals("2f3b1395dbea0c9c", extract(RECEPTION.replace(" ", "  ")).id(), "its runs of whitespace were one already");
        assertEquals("c87274146fae852f", extract(RECEPTION.replace(' ', '\u00A0')).id());
        assertEquals("ee097f9d55ac195f", extract(RECEPTION.replace(" ", " \u200B")).id());
        assertEquals("34a6d2dfbcae137f", extract(RECEPTION.replace(" ", "\u00A0 ")).id());
    }

    /**
     * Scrapers post the headline in the title field and the body without it: the record is the one of the text with its
     * headline, below the outlet's name, and what the headline alone tells counts. The id is still made from the text
     * as posted, the one rasd-rules/0.10.22 made, before the headline was read into it.
     */
    @Test
    void aHeadlinePostedApartTellsWhatItTellsInAPage() {
        String headline = "وزير الداخلية يستقبل نظيره الإسباني بالرباط";
        String talks = "وبحث الجانبان، يوم 13 مايو 2024، تعزيز التعاون في مكافحة الإرهاب والهجرة غير الشرعية.";
        ArticleRecord page = extract("هسبريس\n" + headline + "\n" + talks);
        ArticleRecord apart = EXTRACTOR.extract(new RawArticle(null, headline, null, null, "هسبريس\n" + talks, null), null);
        assertEquals(List.of("HOST MA [ES] null Location[country=MA, place=الرباط] []"), acts(apart));
        assertEquals(acts(page), acts(apart));
        assertEquals(page.text(), apart.text());
        assertEquals(page.countries(), apart.countries());
        assertEquals("71fe0e688b67c9a3", apart.id());
    }

    /** PostgreSQL cannot store NUL: a page that writes one as a reference must not smuggle it into the record. */
    @Test
    void controlCharactersWrittenAsReferencesInAPageBecomeReplacementCharacters() {
        ArticleRecord record = EXTRACTOR.extract(new RawArticle(null, null, null, null, null,
                "<html><head><title>عنوان&#0;</title></head><body><p>استقبل وزير الداخلية المغربي&#0; نظيره الإسباني&#7;.</p></body></html>"),
                null);
        assertFalse(record.text().chars().anyMatch(c -> c < 0x20 && c != '\n'), record.text());
        assertTrue(record.text().contains("\uFFFD"), record.text());
        assertFalse(record.title().contains("\u0000"), record.title());
    }

    /** The catalog keys events by id: one record must never hold two events with the same id. */
    @Test
    void everyEventOfADevelopmentArticleHasItsOwnId() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Path> files = ExtractionCli.goldFiles(Path.of("src/test/resources/dev-set"));
        assertEquals(40, files.size());
        for (Path file : files) {
            ArticleRecord record = EXTRACTOR.extract(GoldArticle.read(file, json).rawArticle(), null);
            assertEquals(record.events().size(), record.events().stream().map(Event::id).distinct().count(), file.toString());
        }
    }

    @Test
    void regionalMonthNamesAndEasternDigitsAreDates() {
        assertEquals("2024-05-13", DATES.find("يوم 13 ماي 2024", null).getFirst().value());
        assertEquals("2023-01-05", DATES.find("الخميس ٥ جانفي ٢٠٢٣", null).getFirst().value());
        assertEquals("2022-09-01", DATES.find("1 أيلول 2022", null).getFirst().value());
        assertEquals("2024-11", DATES.find("في نونبر 2024", null).getFirst().value());
        assertEquals("2025-06-13", DATES.find("يومي 13 و14 يونيو الجاري", LocalDate.of(2025, 6, 20)).getFirst().value());
    }

    @Test
    void demonymsCitiesAndBodiesNameCountriesButOrganisationsDoNot() {
        ArticleRecord record = extract("التقى وزير العدل البلجيكي نظيره الإسباني في مدريد بحضور ممثل عن مكتب FBI والإنتربول.");
        var codes = record.countries().stream().map(ArticleRecord.CountryMention::code).toList();
        assertTrue(codes.containsAll(List.of("BE", "ES", "US")), codes.toString());
        assertFalse(codes.contains("INTERPOL"));
    }

    @Test
    void theFinancialSenseOfMaliIsNotACountry() {
        ArticleRecord record = extract("قدم المغرب الدعم المالي واللوجستي لدول الجوار.");
        assertTrue(record.countries().stream().noneMatch(c -> c.code().equals("ML")));
    }

    @Test
    void aReceptionAtHomeIsAHostEventWithItsSentenceAsEvidence() {
        String text = "مقدمة عامة عن التعاون.\nاستقبل المدير العام للأمن الوطني بالرباط، يوم 13 فبراير 2024، وفدا أمنيا بلجيكيا رفيع المستوى لبحث مكافحة الإرهاب.";
        ArticleRecord record = extract(text);
        Event host = record.events().stream().filter(e -> e.type().equals("HOST")).findFirst().orElseThrow();
        assertEquals("MA", host.subject().country());
        assertEquals("BE", host.partners().getFirst().country());
        assertEquals("MA", host.location().country());
        assertEquals("2024-02-13", host.date().value());
        assertTrue(host.themes().contains("TERRORISM"));
        assertTrue(record.text().substring(host.evidence().start(), host.evidence().end()).startsWith("استقبل"));
    }

    /** The agency that filed a story, named in its lead's dateline, says whose news it is: its guest is not the one acting. */
    @Test
    void theAgencyOfTheDatelineMakesItThatCountrysNews() {
        ArticleRecord record = extract("طهران (قنا) - التقى وزير الداخلية يوم 3 مارس 2025 في طهران نظيره الإيراني، "
                + "وبحث معه أمن الملاحة بين قطر وإيران. وتعد إيران شريكا. وتعرف إيران نموا.");
        assertEquals(List.of("VISIT QA [IR]"), record.events().stream().map(event -> event.type() + " " + event.subject().country()
                + " " + event.partners().stream().map(partner -> partner.country()).toList()).toList());
    }

    /** A paper's name several countries' papers share (الوطن) is the one of the city its dateline files from. */
    @Test
    void aSharedPaperNameIsThePaperOfTheCityItFilesFrom() {
        String story = "أجرى رئيس مكتب الأمن الوطني زيارة إلى مصر يوم 22 ديسمبر 2018، التقى خلالها رئيس المخابرات المصرية. "
                + "وتعد مصر شريكا. وتعرف مصر نموا.";
        assertEquals(List.of("VISIT SY [EG]"), subjectsAndPartners(extract("الوطن\n\nدمشق - الوطن\n\n" + story)));
        assertEquals(List.of("VISIT EG [SY]"), subjectsAndPartners(extract("الوطن\n\nالقاهرة - الوطن\n\n" + story.replace("مصر يوم", "سوريا يوم"))),
                "filed from Cairo, the Egyptian paper: its official went to Syria");
    }

    private static List<String> subjectsAndPartners(ArticleRecord record) {
        return record.events().stream().map(event -> event.type() + " " + event.subject().country()
                + " " + event.partners().stream().map(partner -> partner.country()).toList()).toList();
    }

    /**
     * A visit reported while it goes on is dated to its month, the annotation guide's date for a stay whose first
     * day is not told: also when the day comes from the lead's publication day or from a meeting in it, found to be
     * the visit; the visit's first day, told in another sentence, dates it.
     */
    @Test
    void aVisitUnderWayIsDatedToItsMonthUnlessItsFirstDayIsTold() {
        String underWay = "واصل وزير الداخلية البرتغالي زيارته الرسمية إلى مدريد، حيث عقد %s سلسلة لقاءات مع كبار "
                + "المسؤولين الإسبان تناولت التعاون الأمني ومكافحة الإرهاب.";
        assertEquals(List.of("VISIT PT [ES] 2025-03"), visits("الوزير البرتغالي في مدريد", underWay.formatted("")), "dated by the lead");
        assertEquals(List.of("VISIT PT [ES] 2025-03"), visits(null, underWay.formatted("اليوم")), "a meeting of the day, in the visit");
        assertEquals(List.of("VISIT PT [ES] 2025-03-03"), visits(null, "اختتم وزير الداخلية البرتغالي زيارته الرسمية إلى "
                + "مدريد بلقاء نظيره الإسباني. وكان الوزير قد وصل إلى مدريد يوم الاثنين 3 مارس 2025 في زيارة تستمر ثلاثة أيام."));
    }

    /** The same stay told by the host's national news is a reception, dated to its month too. */
    @Test
    void aReceptionOfAVisitorWhoseStayIsUnderWayIsDatedToItsMonth() {
        assertEquals(List.of("HOST ES [PT] 2025-03"), events("HOST", "https://news.example.es/visit", null,
                "اختتم وزير الداخلية البرتغالي، أمس الثلاثاء، زيارته الرسمية إلى مدريد، بلقاء مع وزير الداخلية "
                        + "فرناندو غراندي مارلاسكا تناول التعاون الأمني ومكافحة الإرهاب."));
    }

    /** The visits of an article published on 5 March 2025: kind, subject, partners and date. */
    private static List<String> visits(String title, String text) {
        return events("VISIT", "https://news.example.pt/visit", title, text);
    }

    /** The events of one type of an article published on 5 March 2025: kind, subject, partners and date. */
    private static List<String> events(String type, String url, String title, String text) {
        return EXTRACTOR.extract(new RawArticle(url, title, "2025-03-05", null, text, null), null)
                .events().stream().filter(e -> e.type().equals(type))
                .map(e -> e.type() + " " + e.subject().country() + " " + e.partners().stream().map(p -> p.country()).toList()
                        + " " + (e.date() == null ? null : e.date().value())).toList();
    }

    @Test
    void anUndatedEventHasNoDate() {
        ArticleRecord record = extract("استقبل المدير العام للأمن الوطني بالرباط وفدا أمنيا بلجيكيا.");
        assertNull(record.events().getFirst().date());
    }

    @Test
    void boilerplateGoesAndTheHeadlineAndDateLineAreFound() {
        ArticleRecord record = extract("""
                سياسة
                الخميس 6 فبراير 2025
                حموشي يستقبل وفدا أمنيا بلجيكيا بالرباط
                استقبل المدير العام للأمن الوطني وفدا أمنيا بلجيكيا.
                تابعوا آخر الأخبار على Google News
                مقالات ذات صلة
                خبر آخر لا علاقة له
                """);
        assertEquals("حموشي يستقبل وفدا أمنيا بلجيكيا بالرباط", record.title());
        assertEquals("2025-02-06", record.publishedAt());
        assertFalse(record.text().contains("Google News"));
        assertFalse(record.text().contains("خبر آخر"));
    }

    /** Each kind of furniture line, between two article lines: the rule at a line start matches whatever it begins with. */
    @ParameterizedTest
    @ValueSource(strings = {"تابعونا على فيسبوك", "شاركوا المقال:", "اقرأ أيضا: الأمن يحجز أطنانا من المخدرات",
            "Facebook", "3 / 12", "2025", "الوسوم: أمن، هجرة", "الرئيسية › سياسة", "عاجل", "© هسبريس 2025",
            "جميع الحقوق محفوظة"})
    void aFurnitureLineGoesAndTheLinesAroundItStay(String furniture) {
        ArticleRecord record = extract("""
                استقبل المدير العام للأمن الوطني وفدا أمنيا بلجيكيا بالرباط.
                %s
                وتناول اللقاء سبل تعزيز التعاون في مكافحة الإرهاب.
                """.formatted(furniture));
        assertEquals("استقبل المدير العام للأمن الوطني وفدا أمنيا بلجيكيا بالرباط.\nوتناول اللقاء سبل تعزيز التعاون في مكافحة الإرهاب.",
                record.text());
    }

    @Test
    void aLineThatOnlyBeginsLikeFurnitureStays() {
        String line = "شارك وفد أمني مغربي في أشغال مؤتمر مكافحة الإرهاب بفيينا.";
        assertEquals(line, extract(line).text());
    }

    /** The clean text is the kept lines joined, and evidence offsets point into it, marks and all. */
    @Test
    void evidencePointsAtItsSentenceAfterDroppedLinesAndMarks() {
        ArticleRecord record = extract("  مقدمةٌ عامةٌ عن التعاون.  \nتابعونا على فيسبوك\n\n   استقبلَ المديرُ العام للأمن الوطني بالرباط وفدا أمنيا بلجيكيا.  ");
        assertEquals("مقدمةٌ عامةٌ عن التعاون.\nاستقبلَ المديرُ العام للأمن الوطني بالرباط وفدا أمنيا بلجيكيا.", record.text());
        Event.Evidence evidence = record.events().getFirst().evidence();
        assertEquals("استقبلَ المديرُ العام للأمن الوطني بالرباط وفدا أمنيا بلجيكيا.",
                record.text().substring(evidence.start(), evidence.end()));
    }

    /** Folding drops diacritics and bidi marks for matching; the text people read keeps them, at line ends too. */
    @Test
    void marksAtTheEndsOfALineStayInTheText() {
        String text = "\u200Fاستقبل المديرُ العامُّ نظيرَه الإسبانيَّ.\nوتناول اللقاءُ التعاونَ الأمنيَّ";
        assertEquals(text, extract(text).text());
    }

    /** A day 0 is no date; the article around it is still extracted. */
    @Test
    void aDayZeroIsNoDate() {
        ArticleRecord record = EXTRACTOR.extract(new RawArticle(null, null, "2025-06-18", null,
                "استقبل وزير الداخلية المغربي في 0 يونيو نظيره الإسباني.", null), null);
        assertEquals(1, record.events().size());
        assertNull(record.events().getFirst().date());
    }

    /** A publication is dated to the day: a posted month dates nothing, and breaks nothing. */
    @Test
    void aPublicationDateOfAMonthIsNoPublicationDay() {
        ArticleRecord record = EXTRACTOR.extract(new RawArticle(null, null, "يونيو 2024", null,
                "استقبل وزير الداخلية المغربي أمس نظيره الإسباني.", null), null);
        assertNull(record.publishedAt());
        assertNull(record.events().getFirst().date(), "أمس resolves against no day");
    }
}

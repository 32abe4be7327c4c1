package org.rasd.ingest.parsing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rasd.ingest.extraction.Gazetteer;
import org.rasd.ingest.parsing.ArticleParser.ParsedArticle;
import org.rasd.ingest.parsing.ArticleParser.RawArticle;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rasd.ingest.parsing.NormalizedText.fold;

/** Page cleaning and the headline, one page phenomenon per test, each page written for it. */
class ArticleParserTest {

    private static final ArticleParser PARSER = parser();

    private static final String HEADLINE = "وزير الداخلية يستقبل سفير البرتغال لبحث التعاون الأمني";
    private static final String LEAD = "استقبل وزير الداخلية صباح اليوم سفير البرتغال المعتمد لدى بلادنا، وبحث معه تعزيز التعاون الأمني.";
    private static final String SECOND = "وتناول اللقاء تبادل المعلومات حول شبكات الهجرة غير النظامية.";

    private static ArticleParser parser() {
        Lexicon.Builder words = Lexicon.builder();
        DateFinder dates = new DateFinder(words);
        Gazetteer gazetteer = new Gazetteer(words);
        return new ArticleParser(words.build(), dates, gazetteer.places());
    }

    private static ParsedArticle text(String page) {
        return PARSER.parse(new RawArticle(null, null, null, null, page, null));
    }

    private static ParsedArticle html(String page) {
        return PARSER.parse(new RawArticle(null, null, null, null, null, page));
    }

    /** An agency, a paper or a site by its name, its editors, and a section: the headline comes below them; they stay in the text. */
    @ParameterizedTest
    @ValueSource(strings = {"وكالة الأنباء الوطنية", "صحيفة الفجر الإلكترونية", "وكالة أنباء الساحل (واس) | أمنية",
            "الوكالة الشرقية للأنباء - وشا", "وشا نت - وكالة الأنباء الشرقية", "الساحل نيوز", "بي بي سي نيوز عربي", "جوهرة أف أم", "الفجر.كوم", "الفجر دوت كوم", "اليوم 24",
            "مركز الساحل للبحوث والدراسات", "المركز الإعلامي للأنباء", "الفجر\nرئيس مجلسي الإدارة والتحرير",
            "رئيس مجلس الإدارة: سامي عادل", "الفجر\nرئيس التحرير: سامي عادل", "الفجر - البحرين", "صوت الساحل – اليمن"})
    void theOutletsNameAboveTheHeadlineIsNotTheHeadline(String masthead) {
        ParsedArticle parsed = text(masthead + "\nمحليات\n" + HEADLINE + "\n" + LEAD);
        assertEquals(HEADLINE, parsed.title());
        assertTrue(parsed.text().original().startsWith(masthead + "\n"), parsed.text().original());
    }

    /**
     * A scraper posts the headline in the title field and the body without it: the headline is read where a page has
     * it, below the outlet's name, and the text as posted, which a text's id is made from, is the body alone.
     */
    @Test
    void aHeadlinePostedApartIsReadWhereAPageHasIt() {
        ParsedArticle apart = PARSER.parse(new RawArticle(null, HEADLINE, null, null, "الفجر\n" + LEAD + "\n" + SECOND, null));
        assertEquals(HEADLINE, apart.title());
        assertEquals("الفجر\n" + HEADLINE + "\n" + LEAD + "\n" + SECOND, apart.text().original());
        assertEquals(text("الفجر\n" + HEADLINE + "\n" + LEAD + "\n" + SECOND).text().folded(), apart.text().folded());
        assertEquals("الفجر\n" + LEAD + "\n" + SECOND, apart.textAsPosted().original());
        int lead = apart.text().folded().indexOf(fold(LEAD));
        assertEquals(LEAD, apart.text().originalOf(new NormalizedText.Range(lead, lead + fold(LEAD).length())), "offsets past the headline");
        ParsedArticle alone = PARSER.parse(new RawArticle(null, HEADLINE, null, null, LEAD, null));
        assertEquals(HEADLINE + "\n" + LEAD, alone.text().original(), "no line above the article: the headline opens it");
        ParsedArticle held = PARSER.parse(new RawArticle(null, HEADLINE, null, null, "الفجر\n" + HEADLINE + "\n" + LEAD, null));
        assertEquals("الفجر\n" + HEADLINE + "\n" + LEAD, held.text().original(), "a text that holds its headline holds it once");
    }

    /** Sections and breadcrumbs between separators: not the headline, whatever the separator. */
    @ParameterizedTest
    @ValueSource(strings = {"الفجر | العالم العربي | الخليج", "الرئيسية › أمن › تونس", "الموقع ◂ محليات ◂ أمن",
            "الرئيسية / الوطني / ملفات", "الرئيسية » أخبار وطنية", "Arabic Daily | العالم العربي", "الرئيسية - الوطن"})
    void aNavigationLineAboveTheHeadlineIsNotTheHeadline(String navigation) {
        assertEquals(HEADLINE, text(navigation + "\n" + HEADLINE + "\n" + LEAD).title());
    }

    /** A headline with a label before a separator is still a headline: it is longer than a section's name. */
    @Test
    void aLabelledHeadlineIsAHeadline() {
        String labelled = "فيديو | " + HEADLINE;
        assertEquals(labelled, text("الفجر\n" + labelled + "\n" + LEAD).title());
    }

    /** A headline given twice, first behind its section (عام / …): the headline is the one alone, given once. */
    @Test
    void aHeadlineRepeatedWithoutItsSectionIsTheHeadline() {
        ParsedArticle parsed = text("الفجر\nعام / " + HEADLINE + "\n\n" + HEADLINE + "\n\n" + LEAD);
        assertEquals(HEADLINE, parsed.title());
        assertEquals(1, parsed.text().original().split(HEADLINE, -1).length - 1, "the bare repeat leaves the text");
    }

    /** A ticker item above the headline is neither the headline nor part of the text. */
    @Test
    void aTickerItemIsFurniture() {
        ParsedArticle parsed = text("الفجر\nعاجل | الأرصاد: أمطار رعدية مرتقبة على السواحل الشمالية\n" + HEADLINE + "\n" + LEAD);
        assertEquals(HEADLINE, parsed.title());
        assertFalse(parsed.text().original().contains("الأرصاد"), parsed.text().original());
    }

    /** A byline, wherever it stands, goes; a sentence that begins with the same verb stays. */
    @ParameterizedTest
    @ValueSource(strings = {"كتب: سامي العلوي", "كتب - سامي العلوي", "كتب- سامي العلوي:", "بقلم: هيئة التحرير"})
    void aBylineIsFurniture(String byline) {
        ParsedArticle parsed = text("الفجر\n" + byline + "\n" + HEADLINE + "\n" + LEAD);
        assertEquals(HEADLINE, parsed.title());
        assertEquals("الفجر\n" + HEADLINE + "\n" + LEAD, parsed.text().original());
        String sentence = "كتب الوزير على حسابه أن الزيارة فتحت صفحة جديدة في التعاون الأمني بين البلدين.";
        assertEquals(sentence, text(LEAD + "\n" + sentence).text().original().lines().toList().getLast());
    }

    /** A photo's caption by its label goes: it repeats what the article says. */
    @ParameterizedTest
    @ValueSource(strings = {"صورة: الوزيران خلال اللقاء بمقر الوزارة", "(الصورة: أرشيف)", "التعليق على الصورة، الوزيران في مقر الوزارة"})
    void aLabelledCaptionIsFurniture(String caption) {
        assertEquals(LEAD + "\n" + SECOND, text(LEAD + "\n" + caption + "\n" + SECOND).text().original());
    }

    /** A list of other articles goes with its header, bulleted or not; the article's sentence after it stays. */
    @ParameterizedTest
    @ValueSource(strings = {"اقرأ أيضا:", "📌 اقرأ أيضًا", "مواضيع ذات صلة", "أخبار ذات علاقة", "عناوين أخرى:", "الأكثر قراءة", "المزيد في: محليات",
            "في نفس السياق:", "قضايا ساخنة", "ذات صلة", "المحتوى ذو الصلة:", "قد يهمك أيضاً:", "تابع أيضا", "روابط ذات صلة"})
    void aListOfOtherArticlesGoesWithItsHeader(String header) {
        String page = LEAD + "\n" + header + "\n- مدريد تستضيف ملتقى حول الأمن السيبراني\n• ارتفاع أسعار الذهب في الأسواق المحلية\n"
                + "تونس تفوز بتنظيم البطولة القارية\n" + SECOND;
        assertEquals(LEAD + "\n" + SECOND, text(page).text().original());
    }

    /** «Read also» with its article on the same line: only that line goes. */
    @Test
    void aReadAlsoLineGoesAlone() {
        String subheading = "تنسيق في الاتجاهين";
        String page = LEAD + "\n• اقرأ أيضا: مدريد تستضيف ملتقى حول الأمن السيبراني\n" + subheading + "\n" + SECOND;
        assertEquals(LEAD + "\n" + subheading + "\n" + SECOND, text(page).text().original());
    }

    /** The publication and the update side by side, each with its time and zone, make one date line. */
    @Test
    void aDateLineOfThePublicationAndTheUpdateBetweenBarsIsADateLine() {
        ParsedArticle parsed = text("سكاي نيوز عربية\nنشر في: 24 أغسطس 2025 - 19:12 بتوقيت أبوظبي | آخر تحديث: 24 أغسطس 2025 - 20:05\n"
                + HEADLINE + "\n" + LEAD);
        assertEquals(HEADLINE, parsed.title());
        assertEquals("2025-08-24", parsed.publishedAt());
    }

    /** A date line may write the Hijri date beside the Gregorian one, or alone; neither is the headline. */
    @Test
    void aDateLineWithTheHijriDateIsADateLine() {
        ParsedArticle both = text("الفجر\nالخميس 5 رمضان 1446 هـ الموافق 6 مارس 2025م\n" + HEADLINE + "\n" + LEAD);
        assertEquals(HEADLINE, both.title());
        assertEquals("2025-03-06", both.publishedAt());
        ParsedArticle hijriAlone = text("الفجر\nالسبت 12 شوال 1445 هـ\n" + HEADLINE + "\n" + LEAD);
        assertEquals(HEADLINE, hijriAlone.title());
        assertNull(hijriAlone.publishedAt());
    }

    /** A Maghreb page's date line in French, with or without the accents of its month, is a date line. */
    @ParameterizedTest
    @ValueSource(strings = {"Publié le Mercredi 03 Decembre 2025 - 13:05", "Publié le 3 décembre 2025 à 13h05"})
    void aDateLineInFrenchIsADateLine(String dateLine) {
        ParsedArticle parsed = text("الفجر\n" + dateLine + "\n" + HEADLINE + "\n" + LEAD);
        assertEquals(HEADLINE, parsed.title());
        assertEquals("2025-12-03", parsed.publishedAt());
    }

    /** «Published … updated …»: the first day is the publication. */
    @Test
    void aPublishedAndUpdatedLineGivesThePublicationDay() {
        ParsedArticle parsed = text(HEADLINE + "\nنشر في: 3 مارس 2025 آخر تحديث: 4 مارس 2025\n" + LEAD);
        assertEquals("2025-03-03", parsed.publishedAt());
        assertEquals(HEADLINE + "\n" + LEAD, parsed.text().original());
    }

    /** A date line may name a time's half of the day, its zone and labels beside an outlet and a place. */
    @ParameterizedTest
    @ValueSource(strings = {"وهران - الفجر الخميس 5 يونيو 2025، 08:30 صباحا", "5/6/2025 | آخر تحديث: 5/6/2025 11:20 م (توقيت الرياض)",
            "الفجر نشر في 5 يونيو 2025 - 17:48 بتوقيت وهران", "الخميس 5 حزيران 2025 - 09:05 ص | المشاهدات: 2,310"})
    void aDateLineWithTimesOfDayZonesAndLabelsIsADateLine(String dateLine) {
        ParsedArticle parsed = text("الفجر\n" + HEADLINE + "\n" + dateLine + "\n" + LEAD);
        assertEquals("2025-06-05", parsed.publishedAt());
        assertEquals("الفجر\n" + HEADLINE + "\n" + LEAD, parsed.text().original());
    }

    /** A short sentence of the story with a date and a time of day is no date line: its words are not a date line's. */
    @Test
    void aShortSentenceWithADateIsNoDateLine() {
        String sentence = "وصل الوفد مساء 4 يونيو 2025 إلى المطار";
        ParsedArticle parsed = text(HEADLINE + "\n" + LEAD + "\n" + sentence);
        assertNull(parsed.publishedAt());
        assertTrue(parsed.text().original().endsWith(sentence), parsed.text().original());
    }

    /**
     * An agency's dateline opening the lead (place, day, agency, dash) dates the article when the page gives no
     * date; a date further into the lead is the story's; the page's date line and the posted date come first.
     */
    @Test
    void theLeadsDatelineDatesTheArticleWhenThePageDoesNot() {
        String lead = "وهران 12 مارس 2024 (وفج) - " + LEAD;
        assertEquals("2024-03-12", text("الفجر\n" + HEADLINE + "\n" + lead).publishedAt());
        assertEquals("2024-03-12", text("الفجر\n" + HEADLINE + "\nالجزائر - 12 مارس 2024 (وفج) - " + LEAD).publishedAt());
        assertNull(text(HEADLINE + "\nاستقبل وزير الداخلية يوم 12 مارس 2024 سفير البرتغال - وبحث معه التعاون الأمني.").publishedAt());
        assertNull(text(HEADLINE + "\n" + LEAD + "\n" + lead).publishedAt());
        assertEquals("2024-03-13", text(HEADLINE + "\nالأربعاء 13 مارس 2024\n" + lead).publishedAt());
        assertEquals("2024-03-14", PARSER.parse(new RawArticle(null, null, "2024-03-14", null, HEADLINE + "\n" + lead, null)).publishedAt());
    }

    /** A photo's caption between the headline and the lead, credited in brackets at its end, goes. */
    @Test
    void aCreditedCaptionAboveTheLeadIsFurniture() {
        String caption = "الوزير وسفير البرتغال خلال اللقاء بمقر الوزارة (وكالة الفجر)";
        assertEquals(HEADLINE + "\n" + LEAD, text(HEADLINE + "\n" + caption + "\n" + LEAD).text().original());
        String bracketsInTheStory = "وقال السفير إن بلاده تدعم الشراكة (الأمنية)";
        assertTrue(text(HEADLINE + "\n" + LEAD + "\n" + bracketsInTheStory).text().original().endsWith(bracketsInTheStory));
        String leadEndingInBrackets = "استقبل الوزير اليوم بالرباط سفير البرتغال. (تحديث)";
        assertEquals(HEADLINE + "\n" + leadEndingInBrackets, text(HEADLINE + "\n" + leadEndingInBrackets).text().original(),
                "a sentence is no caption, whatever ends it");
    }

    /** Font-size buttons (ع ع ع) are no headline. */
    @Test
    void lettersOneByOneAreFurniture() {
        assertEquals(HEADLINE, text("الفجر\nع ع ع\n" + HEADLINE + "\n" + LEAD).title());
    }

    /** A page that opens with its dateline has no headline in the text. */
    @Test
    void aPageOpeningWithItsDatelineHasNoHeadline() {
        ParsedArticle parsed = text("الرباط-سامي العلوي\n" + LEAD);
        assertNull(parsed.title());
        assertEquals("الرباط", parsed.datelinePlace());
    }

    /** A short line of a place and its outlet, author or agency names where the story was filed, whatever separates them. */
    @Test
    void aDatelineNamesItsPlaceBesideItsOutletOrAuthor() {
        assertEquals(fold("أبوظبي"), text(HEADLINE + "\nأبوظبي (الاتحاد)\n" + LEAD).datelinePlace());
        assertEquals(fold("مراكش"), text(HEADLINE + "\nمراكش / محمد الطاهر / الأناضول\n" + LEAD).datelinePlace());
        assertEquals(fold("الرياض"), text(HEADLINE + "\nسبق - الرياض\n" + LEAD).datelinePlace());
        assertEquals(fold("الدوحة"), text(HEADLINE + "\nالاثنين 22 يوليو 2019 | الدوحة - لوسيل\n" + LEAD).datelinePlace());
        assertNull(text(HEADLINE + "\nكتب - حسام شوقي\n" + LEAD).datelinePlace(), "an author alone names no place");
    }

    /** A lead that opens with a place before its day or agency was filed there. */
    @Test
    void aLeadOpeningWithAPlaceAndItsAgencyNamesTheDateline() {
        assertEquals(fold("الرياض"), text(HEADLINE + "\nالرياض 12 آب (واس) – " + LEAD).datelinePlace());
        assertEquals(fold("تونس"), text(HEADLINE + "\nتونس (وات) - " + LEAD).datelinePlace());
        assertEquals(fold("الصين"), text(HEADLINE + "\nليانيونقانغ، الصين 19 سبتمبر 2025 (شينخوا) " + LEAD).datelinePlace());
        assertEquals(fold("الدوحة"), text(HEADLINE + "\nالدوحة في 20 نوفمبر /قنا/ " + LEAD).datelinePlace());
        assertNull(text(HEADLINE + "\nتونس تستضيف اجتماعا لوزراء الداخلية العرب، ويحضره وزراء من عشرين دولة عربية.").datelinePlace(),
                "a country that opens the lead's sentence is no dateline");
    }

    /** A page whose first line is followed by its section and a date line, then a headline, opened with its outlet's name. */
    @Test
    void aFirstLineAboveTheDateAndAnotherHeadlineIsTheOutletsName() {
        ParsedArticle parsed = text("صوت الساحل الدولي\nأخبار محلية\nالأربعاء 8 أكتوبر 2025 | 13:05\n\n" + HEADLINE + "\n\n" + LEAD);
        assertEquals(HEADLINE, parsed.title());
        assertEquals("صوت الساحل الدولي", parsed.siteName());
        assertEquals(HEADLINE, text(HEADLINE + "\nالأربعاء 8 أكتوبر 2025 | 13:05\n" + LEAD).title(), "a headline above its date and lead");
    }

    /** The other parts of a dateline say who filed the story: its outlet, agency or author, not its place or day. */
    @Test
    void aDatelineNamesWhoFiledTheStory() {
        assertEquals(List.of(fold("العُمانية")), text(HEADLINE + "\nالدوحة – العُمانية: " + LEAD).filedBy());
        assertEquals(List.of(fold("ومع")), text(HEADLINE + "\nالرباط (ومع) - " + LEAD).filedBy());
        assertEquals(List.of(fold("واس")), text(HEADLINE + "\nالرياض 12 آب (واس) – " + LEAD).filedBy());
        assertEquals(List.of(fold("آخر لحظة")), text(HEADLINE + "\nالخرطوم: آخر لحظة\n" + LEAD).filedBy());
        assertEquals(List.of(), text(HEADLINE + "\nتونس - أكد وزير الداخلية التونسي، اليوم، أن التعاون قائم.").filedBy(),
                "the story's first words are no byline");
    }

    /** The article's h1 is its headline, not the social title an editor rewrote, nor the page title with the site. */
    @Test
    void theArticlesHeadingIsPreferredToThePageTitles() {
        ParsedArticle parsed = html("<html><head><title>" + HEADLINE + " | الفجر</title>"
                + "<meta property=\"og:title\" content=\"سفير البرتغال عند وزير الداخلية - عاجل\"></head><body>"
                + "<h1 class=\"logo\">الفجر</h1><article><h1>" + HEADLINE + "</h1><p>" + LEAD + "</p></article></body></html>");
        assertEquals(HEADLINE, parsed.title());
    }

    /** With no heading, the page title without the site's name: its own (og:site_name) or a short last part. */
    @ParameterizedTest
    @ValueSource(strings = {" | الفجر", " - الفجر 24", " – Al Fajr News"})
    void theSiteNameLeavesThePageTitle(String site) {
        assertEquals(HEADLINE, html("<html><head><title>" + HEADLINE + site + "</title></head><body><p>" + LEAD + "</p></body></html>").title());
        assertEquals(HEADLINE, html("<html><head><meta property=\"og:title\" content=\"" + HEADLINE + site + "\">"
                + "<meta property=\"og:site_name\" content=\"" + site.substring(3) + "\"></head><body><p>" + LEAD + "</p></body></html>").title());
    }

    /** A headline whose last part follows a dash is not cut when that part is long. */
    @Test
    void aDashInsideTheHeadlineStays() {
        String title = "تنسيق أمني مغربي - إسباني يطيح بشبكة دولية لتهريب المهاجرين";
        assertEquals(title, html("<html><head><title>" + title + "</title></head><body><p>" + LEAD + "</p></body></html>").title());
    }

    /** Tickers and latest-news blocks go by their class; a block of that name that holds the article stays. */
    @Test
    void tickersGoByTheirClassButNeverTheArticle() {
        ParsedArticle parsed = html("<html><body><div class=\"breaking\"><span>عاجل:</span><ul><li>حريق في ميناء المدينة</li></ul></div>"
                + "<div class=\"latest-news\"><h3>أحدث الأخبار</h3><ul><li>ارتفاع أسعار الذهب</li></ul></div>"
                + "<div class=\"flash-story\"><h1>" + HEADLINE + "</h1><p>" + LEAD + "</p></div></body></html>");
        assertEquals(HEADLINE + "\n" + LEAD, parsed.text().original());
    }

    /** A form wrapping the whole page, as ASP.NET pages write them, holds the article; a search or comment form goes. */
    @Test
    void aFormWrappingThePageIsNoFurniture() {
        ParsedArticle parsed = html("<html><body><form id=\"aspnetForm\"><div class=\"news\"><h2>" + HEADLINE + "</h2>"
                + "<p>" + LEAD + "</p><p>" + SECOND + "</p></div>"
                + "<form class=\"comment-box\"><p>أضف تعليقك</p><textarea></textarea></form></form></body></html>");
        assertEquals(HEADLINE + "\n" + LEAD + "\n" + SECOND, parsed.text().original());
    }

    /** Furniture named in camel case (RelatedNews, mostRead) or by the weather it shows goes by its name too. */
    @Test
    void furnitureNamedInCamelCaseOrAWeatherWidgetGoes() {
        ParsedArticle parsed = html("<html><body><span class=\"weather\">عمّان 29°</span><h1>" + HEADLINE + "</h1><p>" + LEAD + "</p>"
                + "<div id=\"RelatedNews\"><h3>أخبار</h3><ul><li>مدريد تستضيف ملتقى حول الأمن السيبراني</li></ul></div>"
                + "<div class=\"mostRead\"><ul><li>ارتفاع أسعار الذهب</li></ul></div></body></html>");
        assertEquals(HEADLINE + "\n" + LEAD, parsed.text().original());
    }

    /** The page's publication date from the metadata names pages use. */
    @ParameterizedTest
    @ValueSource(strings = {"pubdate", "publish-date"})
    void thePublicationDateFromThePagesMetadata(String name) {
        ParsedArticle parsed = html("<html><head><meta name=\"" + name + "\" content=\"2025-03-10T08:15:00+03:00\"></head>"
                + "<body><h1>" + HEADLINE + "</h1><p>" + LEAD + "</p></body></html>");
        assertEquals("2025-03-10", parsed.publishedDate().orElseThrow().toString());
    }

    /** A page may give its publication date only in its JSON-LD. */
    @Test
    void thePublicationDateFromThePagesJsonLd() {
        ParsedArticle parsed = html("<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
                + "\"datePublished\": \"2025-03-10T08:15:00+03:00\"}</script></head><body><h1>" + HEADLINE + "</h1><p>" + LEAD + "</p></body></html>");
        assertEquals("2025-03-10", parsed.publishedDate().orElseThrow().toString());
    }

    /** The outlet's name, which says whose news it is: the page's site name, else its title's site part. */
    @Test
    void theSiteNameFromThePagesMetadataOrItsTitle() {
        String body = "<body><h1>" + HEADLINE + "</h1><p>" + LEAD + "</p></body></html>";
        assertEquals("جريدة الساحل", html("<html><head><meta property=\"og:site_name\" content=\"جريدة الساحل\">"
                + "<title>" + HEADLINE + " | الساحل</title></head>" + body).siteName());
        assertEquals("جريدة الساحل", html("<html><head><title>" + HEADLINE + " - جريدة الساحل</title></head>" + body).siteName());
        assertNull(html("<html><head><title>" + HEADLINE + "</title></head>" + body).siteName());
        // a social name in Latin letters gives way to the Arabic name the title shows its readers
        assertEquals("الساحل", html("<html><head><meta property=\"og:site_name\" content=\"Assahil\">"
                + "<title>" + HEADLINE + " | الساحل</title></head>" + body).siteName());
        assertEquals("Assahil", html("<html><head><meta property=\"og:site_name\" content=\"Assahil\">"
                + "<title>" + HEADLINE + "</title></head>" + body).siteName());
    }

    /** In text, the masthead above the headline names the outlet; a line below it does not. */
    @Test
    void theSiteNameOfATextIsItsMasthead() {
        assertEquals("وكالة أنباء الساحل | أمنية", text("وكالة أنباء الساحل | أمنية\n" + HEADLINE + "\n" + LEAD).siteName());
        assertNull(text(HEADLINE + "\nالساحل نيوز\n" + LEAD).siteName());
    }

    /** A rule's escapes are read as written (\S is not \s), and a bullet or emoji does not hide a line's start. */
    @Test
    void rulesKeepTheirEscapesAndSeePastBullets() {
        LineRules nonSpaces = new LineRules(List.of("^عاجل\\S*$"));
        assertTrue(nonSpaces.match("عاجل!!"));
        assertFalse(nonSpaces.match("عاجل خبر"));
        LineRules readAlso = new LineRules(List.of("^اقرأ أيضا"));
        assertTrue(readAlso.match(NormalizedText.fold("📌 • اقرأ أيضا: خبر آخر")));
        assertFalse(readAlso.match(NormalizedText.fold("قال إنه اقرأ أيضا")));
    }
}

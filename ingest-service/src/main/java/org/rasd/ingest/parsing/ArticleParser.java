package org.rasd.ingest.parsing;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns posted HTML or plain text into clean article text and its metadata: page furniture (share bars,
 * comment forms, related-article lists, tickers, bylines, copyright and follow-us lines) goes, the headline
 * (below the outlet's name and section), the date line and the dateline place are recognised.
 */
public final class ArticleParser {

    /** Elements that are page furniture by their tag. */
    private static final String FURNITURE_TAGS = "script, style, noscript, template, nav, footer, aside, iframe, button, svg, select, marquee";
    /** Forms are furniture (search, comments, newsletter), unless one wraps the page, as ASP.NET pages do (aspnetForm). */
    private static final String FORM = "form";
    /** How many paragraphs make a form the page's wrapper rather than a form. */
    private static final int WRAPPER_PARAGRAPHS = 2;
    /**
     * Elements that are page furniture by their class or id: tickers, lists of other articles, the site's bars.
     * Not the logo: the outlet's name may be all that names the home country («وزير الداخلية» of a national agency).
     */
    private static final Pattern FURNITURE_NAMES = Pattern.compile(
            "(^|[-_ ])(comments?|share|sharing|social|related|breadcrumbs?|crumbs|tags?|newsletter|ticker|breaking|urgent|"
                    + "flash|latest|last-news|news-bar|read-more|menu|sidebar|footer|nav|navbar|top-?bar|advert|ads|"
                    + "widget|popular|most-read|most-viewed|subscribe|cookie|weather)([-_ ]|$)",
            Pattern.CASE_INSENSITIVE);
    /** Where a name written in camel case starts its next word: RelatedNews, mostRead. */
    private static final Pattern CAMEL_CASE_WORD = Pattern.compile("(?<=\\p{Ll})(?=\\p{Lu})");
    /** What an element holding the article is: furniture names never remove it. */
    private static final String ARTICLE = "article, h1, [itemprop=articleBody]";
    /** Where a page writes its headline, the article's own first. */
    private static final List<String> HEADLINES = List.of("article h1", "[itemprop=headline]", "h1");
    /** A site's name after the headline in a page title: «Headline | Site», «Headline - Site». */
    private static final Pattern SITE_SUFFIX = Pattern.compile("\\s+[|\\-–—]+\\s+([^|\\-–—]+)$");
    /** The most words a site's name has. */
    private static final int SITE_NAME_WORDS = 4;
    /** A bullet opening an item of a list. */
    private static final Pattern BULLET = Pattern.compile("[-–—•·▪◦*►●■✦]");
    /** The most words an unbulleted item of a list of other articles has: it is a headline, not a paragraph. */
    private static final int LIST_ITEM_WORDS = 15;
    private static final Pattern BLOCK_TAGS = Pattern.compile("p|div|h[1-6]|li|ul|ol|br|tr|td|th|blockquote|pre|section|article|header|figcaption|time|dd|dt|table");
    /** The most tokens a date line has: a weekday, dates, a time, an outlet, separators. */
    private static final int DATE_LINE_TOKENS = 12;
    /** The most words a date line has besides its dates, times and {@code date-line-words.tsv}: an outlet, a place. */
    private static final int DATE_LINE_OTHER_WORDS = 4;
    /** The most words a Hijri date beside the Gregorian one takes (الموافق لـ 10 رمضان 1446 هـ). */
    private static final int HIJRI_DATE_WORDS = 8;
    /** How far into the lead its dateline's day can end: «الجزائر - 1 فيفري 2024 (وأج) -». */
    private static final int LEAD_DATELINE_CHARS = 80;
    /** Before the day of a lead's dateline: its place, a word or three, then a comma or dash. */
    private static final Pattern LEAD_DATELINE_PLACE = Pattern.compile("\\s*\\p{L}+(?:\\s+\\p{L}+){0,2}\\s*[-–—:،,]?\\s*");
    /** After the day of a lead's dateline: the agency in brackets or slashes, then a dash. */
    private static final Pattern LEAD_DATELINE_END = Pattern.compile("\\s*(?:\\([^()]{1,30}\\)|/[^/]{1,20}/)?\\s*[-–—]");
    /** The most words a line naming the place, author or outlet of an article has (الرباط-سناء الجدني). */
    private static final int BYLINE_WORDS = 5;
    /**
     * What separates a dateline's place from its outlet, author or agency: «الرباط - سناء الجدني»، «أبوظبي (الاتحاد)»،
     * «مراكش / محمد الطاهر / الأناضول»، «تونس: «الشرق الأوسط»»، «ليانيونقانغ، الصين 19 سبتمبر».
     */
    private static final Pattern DATELINE_SEPARATORS = Pattern.compile("[-–—/:()«»\"،,]+");
    /** What closes a part of a dateline naming who filed the story: a dash, slash, colon or bracket, not a comma. */
    private static final Pattern BYLINE_SEPARATORS = Pattern.compile("[-–—/:()]+");
    /** How far into the lead, and in how many words, the place of its dateline ends: «تونس (وات) -»، «أنقرة - "القدس" -». */
    private static final int LEAD_PLACE_CHARS = 30;
    private static final int LEAD_PLACE_WORDS = 3;
    /** Where the place of a lead's dateline ends: a day, or a dash, bracket, slash or colon (a comma may be inside). */
    private static final Pattern LEAD_PLACE_END = Pattern.compile("[\\d\\-–—/:()«»\"]");
    /** A photo's credit in brackets at the end of its caption. */
    private static final Pattern PHOTO_CREDIT = Pattern.compile("\\(([^().]+)\\)$");
    private static final int CREDIT_WORDS = 3;
    /** A caption is no sentence: a full stop before the brackets makes the line a paragraph. */
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?؟]");
    private static final int CAPTION_WORDS = 30;
    /** A JSON-LD article's publication: {@code "datePublished": "2019-02-16T17:48:00+04:00"}. */
    private static final Pattern JSON_LD_PUBLISHED = Pattern.compile("\"datePublished\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern NOT_LETTERS = Pattern.compile("[^\\p{L}]+");

    private final Lexicon lexicon;
    private final DateFinder dates;
    private final LineRules lineBoilerplate;
    private final LineRules tailBoilerplate;
    private final LineRules listHeaders;
    private final LineRules mastheads;
    /** A Hijri date (9 شعبان 1443 هـ), which pages write beside the Gregorian one. */
    private final Pattern hijriDate;
    /** A time with the half of the day, period or zone written after it (09:40 صباحا، 02:35 م (توقيت مكة)). */
    private final Pattern time;
    /** The labels of {@code date-line-words.tsv} and the weekdays: what a date line writes beside its dates. */
    private final Pattern dateLineWords;
    private final Lexicon.Category<?> datelinePlaces;

    /**
     * @param lexicon what {@code dates} and {@code places} read from
     * @param places the places a dateline may name
     */
    public ArticleParser(Lexicon lexicon, DateFinder dates, Lexicon.Category<?> places) {
        this.lexicon = lexicon;
        this.dates = dates;
        this.datelinePlaces = places;
        List<Lexicons.Row> rules = Lexicons.table("boilerplate.tsv");
        lineBoilerplate = rulesOf(rules, "line");
        tailBoilerplate = rulesOf(rules, "tail");
        listHeaders = rulesOf(rules, "list");
        mastheads = rulesOf(rules, "masthead");
        String hijriMonths = Lexicons.table("hijri-months.tsv").stream()
                .map(row -> Pattern.quote(NormalizedText.fold(row.get("name")))).collect(Collectors.joining("|"));
        hijriDate = Pattern.compile("(?:الموافق\\s+(?:ل\\s*)?)?(?<![\\p{L}\\p{N}])\\d{1,2}\\s+(?:" + hijriMonths
                + ")\\s+\\d{3,4}\\s*(?:ه(?!\\p{L}))?(?:\\s+الموافق(?:\\s+ل(?!\\p{L}))?)?");
        List<Lexicons.Row> dateLine = Lexicons.table("date-line-words.tsv");
        String afterTime = alternatives(Stream.concat(wordsOf(dateLine, "TIME"), wordsOf(dateLine, "ZONE").map(zone -> zone + "\\s+\\p{L}+")));
        time = Pattern.compile("\\d{1,2}:\\d{2}(?::\\d{2})?(?:[\\s()]*" + afterTime + "(?!\\p{L}))*");
        dateLineWords = Pattern.compile("(?<!\\p{L})" + alternatives(Stream.concat(wordsOf(dateLine, "LABEL"),
                dates.weekdayNames().stream().map(Pattern::quote))) + "(?!\\p{L})");
    }

    /** The folded words of one kind of a table, quoted for a regex. */
    private static Stream<String> wordsOf(List<Lexicons.Row> table, String kind) {
        return table.stream().filter(row -> row.get("kind").equals(kind)).map(row -> Pattern.quote(NormalizedText.fold(row.get("word"))));
    }

    /** A non-capturing group of the alternatives, longest first so that a phrase is not read as its first word. */
    private static String alternatives(Stream<String> regexes) {
        return regexes.sorted(Comparator.comparingInt(String::length).reversed()).collect(Collectors.joining("|", "(?:", ")"));
    }

    private static LineRules rulesOf(List<Lexicons.Row> rules, String scope) {
        return new LineRules(rules.stream().filter(row -> row.get("scope").equals(scope)).map(row -> row.get("pattern")).toList());
    }

    /** The longest title, posted or found, in chars. */
    public static final int MAX_TITLE = 1000;

    /** What was posted: plain text or HTML, with whatever metadata the poster knew. */
    public record RawArticle(String url, String title, String publishedAt, String source, String text, String html) {
    }

    /**
     * The clean text, folded for matching, with its headline where a page has it (read into it when the text posted
     * does not hold it: {@code textAsPosted} is the clean text without it, which an article posted without a URL is
     * known by), and what the parser learnt about it; {@code datelinePlace}, folded, is
     * where the story was filed (a line «أبوظبي (الاتحاد)» or a lead opening «الرباط 6 أبريل 2021 (ومع) -»), or null;
     * {@code siteName} is the outlet's name as the page gives it (its og:site_name, the site's part of its
     * {@code <title>}, or the masthead line above a text's headline), or null; {@code filedBy}, folded, the other
     * parts of the dateline, who filed the story: an outlet, an agency or an author («الدوحة – العُمانية:»، «الرباط
     * (ومع) -»، «الخرطوم: آخر لحظة»).
     */
    public record ParsedArticle(String title, NormalizedText text, NormalizedText textAsPosted, String publishedAt,
                                String datelinePlace, String siteName, List<String> filedBy) {
        public Optional<LocalDate> publishedDate() {
            if (publishedAt == null) {
                return Optional.empty();
            }
            return Optional.of(LocalDate.parse(publishedAt.substring(0, 10)));
        }

        /**
         * Where the headline ends in the text (original offset), 0 when the text holds none; it may space its words
         * otherwise there (two spaces, no-break ones).
         */
        public int headlineEnd() {
            if (title == null) {
                return 0;
            }
            String folded = NormalizedText.fold(title);
            int at = text.folded().indexOf(folded);
            return at < 0 ? 0 : text.originalEnd(at + folded.length());
        }
    }

    public ParsedArticle parse(RawArticle raw) {
        String title = blankToNull(raw.title());
        String publishedAt = normalisePublished(raw.publishedAt());
        String body = raw.text();
        String siteName = null;
        if (raw.html() != null && !raw.html().isBlank()) {
            Document document = Jsoup.parse(raw.html());
            siteName = htmlSiteName(document);
            if (title == null) {
                title = controlsReplaced(htmlTitle(document));
            }
            if (publishedAt == null) {
                publishedAt = htmlPublished(document);
            }
            body = controlsReplaced(htmlText(document));
        }
        return cleanText(body == null ? "" : body, title, publishedAt, siteName);
    }

    private ParsedArticle cleanText(String body, String title, String publishedAt, String siteName) {
        NormalizedText page = NormalizedText.of(body.replace("\r", "")); // folded once, then read line by line
        String pageFolded = page.folded();
        List<NormalizedText.Range> kept = new ArrayList<>();
        String datelinePlace = null;
        List<String> filedBy = List.of();
        String foldedTitle = title == null ? null : NormalizedText.fold(title);
        boolean inListOfArticles = false;
        boolean articleStarted = false; // a line of the article is kept: no headline comes after it
        int articleStart = -1; // how many lines above the article are kept (a masthead): where its headline stands
        boolean leadRead = false; // the first paragraph below the headline was read for its dateline
        boolean titleOpensPage = false; // the headline found is the page's first line
        boolean datedAfterTitle = false; // a date line came between that line and the lead
        String leadDate = null;
        for (int lineStart = 0, lineEnd; lineStart < pageFolded.length(); lineStart = lineEnd + 1) {
            lineEnd = pageFolded.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = pageFolded.length();
            }
            NormalizedText.Range range = stripped(pageFolded, lineStart, lineEnd);
            if (range.start() == range.end()) {
                continue;
            }
            String folded = pageFolded.substring(range.start(), range.end());
            if (tailBoilerplate.match(folded)) {
                break;
            }
            if (inListOfArticles && isListItem(folded)) {
                continue;
            }
            inListOfArticles = listHeaders.match(folded);
            if (inListOfArticles) {
                continue;
            }
            Optional<DateLine> dateLine = asDateLine(folded);
            if (dateLine.isPresent()) {
                datedAfterTitle = title != null && !leadRead;
                if (publishedAt == null) {
                    publishedAt = dateLine.get().day();
                }
                if (datelinePlace == null && !leadRead) { // «الاثنين 22 يوليو 2019 | الدوحة - لوسيل»
                    datelinePlace = Arrays.stream(page.originalOf(range).split("\\|"))
                            .flatMap(part -> datelinePlace(part).stream()).findFirst().orElse(null);
                }
                continue;
            }
            if (lineBoilerplate.match(folded)) {
                continue;
            }
            String line = page.originalOf(range);
            if (!articleStarted) { // above the article: its first line is the headline or the dateline of its lead
                Optional<String> filedIn = datelinePlace(line);
                if (datelinePlace == null && filedIn.isPresent()) {
                    datelinePlace = filedIn.get();
                    filedBy = filedBy(folded, false, datelinePlace);
                }
                // «شرم الشيخ / المدى» above the headline is written like a masthead: the headline is still to come
                if (filedIn.isEmpty() || mastheads.match(folded)) {
                    if (isMasthead(folded)) {
                        kept.add(range); // the outlet's name stays in the text: it may be all that names the home country
                        if (siteName == null) {
                            siteName = line;
                        }
                        continue;
                    }
                    if (title == null && looksLikeHeadline(line)) {
                        title = line;
                        foldedTitle = folded;
                        titleOpensPage = kept.isEmpty();
                    }
                }
                articleStarted = true;
                articleStart = kept.size();
            } else if (title != null && !line.equals(title) && line.length() < title.length() + 12
                    && folded.endsWith(foldedTitle)) {
                continue; // the headline again behind a decoration (🔴 ▪︎ …)
            } else if (title != null && !line.equals(title) && title.length() < line.length() + 12
                    && foldedTitle.endsWith(folded) && !leadRead) {
                title = line; // the headline was behind a section label (عام / …), and here it is alone
                foldedTitle = folded;
                continue;
            } else if (titleOpensPage && datedAfterTitle && !leadRead && looksLikeHeadline(line) && !endsASentence(line)) {
                // «صوت بيروت إنترناشونال / أخبار لبنان / الأربعاء 8 تشرين الأول 2025 / the headline / the lead»: the
                // page's first line was its outlet's name, above the section and date of the headline that follows them
                if (siteName == null) {
                    siteName = title;
                }
                title = line;
                foldedTitle = folded;
                titleOpensPage = false;
                kept.add(range);
                continue;
            }
            // the lead is the first paragraph below the headline: not a short line naming a place, an author, an outlet
            if (!leadRead && !line.equals(title) && words(folded, BYLINE_WORDS) > BYLINE_WORDS) {
                if (isCaption(folded)) {
                    continue;
                }
                leadRead = true;
                leadDate = leadDateline(folded).orElse(null);
                if (datelinePlace == null) {
                    datelinePlace = leadPlace(folded).orElse(null);
                    filedBy = datelinePlace == null ? List.of() : filedBy(folded, true, datelinePlace);
                }
            } else if (!leadRead && datelinePlace == null && !line.equals(title)) {
                datelinePlace = datelinePlace(line).orElse(null);
                filedBy = datelinePlace == null ? List.of() : filedBy(folded, false, datelinePlace);
            }
            kept.add(range);
        }
        // the lead's dateline dates the story, not the page: the page's own date comes first
        String headline = headline(title);
        NormalizedText cleaned = page.joined(kept);
        NormalizedText text = headline == null || cleaned.folded().contains(NormalizedText.fold(headline)) ? cleaned
                : withHeadline(page, kept, articleStart < 0 ? kept.size() : articleStart, headline);
        return new ParsedArticle(headline, text, cleaned, publishedAt != null ? publishedAt : leadDate, datelinePlace, siteName, filedBy);
    }

    /**
     * Between the headline and the lead, a line that credits its photo in brackets at its end and is no sentence:
     * «الوزيران خلال اللقاء في مقر الوزارة (وكالة الأنباء)».
     */
    private static boolean isCaption(String folded) {
        Matcher credit = PHOTO_CREDIT.matcher(folded);
        return credit.find() && words(credit.group(1), CREDIT_WORDS) <= CREDIT_WORDS && words(folded, CAPTION_WORDS) <= CAPTION_WORDS
                && !SENTENCE_END.matcher(folded.substring(0, credit.start())).find();
    }

    /** The outlet's name or a section above the article (العمق المغربي، سياسة، وكالة الأنباء الجزائرية). */
    private boolean isMasthead(String folded) {
        return words(folded, 2) <= 2 || mastheads.match(folded);
    }

    /** An item of a list of other articles: a bulleted line, or a headline (a short line that is no sentence). */
    private static boolean isListItem(String folded) {
        return BULLET.matcher(folded).lookingAt() || (words(folded, LIST_ITEM_WORDS) <= LIST_ITEM_WORDS && !folded.endsWith("."));
    }

    /** {@code [start, end)} of {@code text} without the whitespace at both ends. */
    private static NormalizedText.Range stripped(String text, int start, int end) {
        while (start < end && NormalizedText.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && NormalizedText.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return new NormalizedText.Range(start, end);
    }

    /** A date line, with its day when it writes a Gregorian one (a Hijri date alone gives none). */
    private record DateLine(String day) {
    }

    /**
     * A short line that holds full dates and little else (an outlet name, a weekday, a time, labels such as
     * «نشر في») is a date line; the Hijri date written beside the Gregorian one counts as date, and of two days
     * (نشر في … آخر تحديث …) the first is the publication, also when each comes with its time between bars.
     */
    private Optional<DateLine> asDateLine(String folded) {
        Optional<DateLine> whole = asOneDateLine(folded);
        if (whole.isPresent() || folded.indexOf('|') < 0) {
            return whole;
        }
        List<Optional<DateLine>> parts = Arrays.stream(folded.split("\\|")).map(this::asOneDateLine).toList();
        return parts.stream().allMatch(Optional::isPresent) ? parts.getFirst() : Optional.empty();
    }

    /** One date line, of one or two days with at most {@value #DATE_LINE_TOKENS} words besides a Hijri date. */
    private Optional<DateLine> asOneDateLine(String folded) {
        if (!containsDigit(folded) || words(folded, DATE_LINE_TOKENS + HIJRI_DATE_WORDS) > DATE_LINE_TOKENS + HIJRI_DATE_WORDS) {
            return Optional.empty(); // a date is written with digits, and a paragraph is no date line: most lines end here
        }
        String gregorian = hijriDate.matcher(folded).replaceAll(" ");
        boolean hijri = gregorian.length() != folded.length();
        if (words(gregorian, DATE_LINE_TOKENS) > DATE_LINE_TOKENS || !(hijri || containsDigit(gregorian))) {
            return Optional.empty(); // a day is written with digits
        }
        List<DateFinder.DateMention> found = dates.find(lexicon.scan(gregorian), null);
        if ((found.isEmpty() && !hijri) || found.stream().anyMatch(date -> date.precision() != DateFinder.Precision.DAY)) {
            return Optional.empty();
        }
        StringBuilder rest = new StringBuilder();
        int from = 0;
        for (DateFinder.DateMention date : found) {
            rest.append(gregorian, from, date.start()).append(' ');
            from = date.end();
        }
        rest.append(gregorian.substring(from));
        String others = dateLineWords.matcher(NOT_LETTERS.matcher(time.matcher(rest).replaceAll(" ")).replaceAll(" ")).replaceAll(" ");
        return words(others, DATE_LINE_OTHER_WORDS) <= DATE_LINE_OTHER_WORDS
                ? Optional.of(new DateLine(found.isEmpty() ? null : found.getFirst().value())) : Optional.empty();
    }

    /**
     * The day of the dateline opening a lead, as agencies write it: «الجزائر - 1 فيفري 2024 (وأج) - وقّع…»,
     * «الرباط 6 أبريل 2021 (ومع) -». A date further in is the story's, not the dateline's.
     */
    private Optional<String> leadDateline(String folded) {
        String opening = folded.substring(0, Math.min(folded.length(), LEAD_DATELINE_CHARS));
        List<DateFinder.DateMention> found = dates.find(lexicon.scan(opening), null);
        if (found.isEmpty() || found.getFirst().precision() != DateFinder.Precision.DAY) {
            return Optional.empty();
        }
        DateFinder.DateMention day = found.getFirst();
        return datelineDay(opening, 0, day) ? Optional.of(day.value()) : Optional.empty();
    }

    /**
     * Whether {@code day} is the day of a dateline opening the line that starts at {@code lineStart}: after the
     * place, before the agency and a dash (القاهرة 8-7-2025 (سونا) - …). It dates the filing, not the act reported.
     */
    public static boolean datelineDay(String folded, int lineStart, DateFinder.DateMention day) {
        return LEAD_DATELINE_PLACE.matcher(folded).region(lineStart, day.start()).matches()
                && LEAD_DATELINE_END.matcher(folded).region(day.end(), folded.length()).lookingAt();
    }

    /**
     * The place of a line above the lead that names where the story was filed, with its author, outlet or agency
     * («الرباط-سناء الجدني»، «فيينا – رويترز»، «أبوظبي (الاتحاد)»، «سبق - الرياض»): one of its parts is a known
     * place and nothing else.
     */
    private Optional<String> datelinePlace(String line) {
        if (words(line, BYLINE_WORDS) > BYLINE_WORDS || !DATELINE_SEPARATORS.matcher(line).find()) {
            return Optional.empty();
        }
        return DATELINE_SEPARATORS.splitAsStream(NormalizedText.fold(line)).map(String::strip).filter(this::isPlace).findFirst();
    }

    /**
     * Who filed the story, by the parts of a dateline that are neither its place nor its day, each of {@link
     * #BYLINE_WORDS} words at most and closed by a separator, up to the first longer one, where the story starts
     * («الدوحة – العُمانية: شهد …»، «الرباط (ومع) - أكد …»، «جيبوتي – الموقع بوست:»).
     *
     * @param inLead whether the dateline opens the lead, whose story follows it, rather than being a short line of its own
     * @param place  the dateline's place, folded (a byline may look like one: العُمانية)
     */
    private List<String> filedBy(String folded, boolean inLead, String place) {
        String opening = inLead ? folded.substring(0, Math.min(folded.length(), LEAD_DATELINE_CHARS)) : folded;
        List<String> parts = new ArrayList<>();
        Matcher separator = BYLINE_SEPARATORS.matcher(opening);
        int partStart = 0;
        while (partStart <= opening.length()) {
            boolean closed = separator.find();
            int partEnd = closed ? separator.start() : opening.length();
            String part = opening.substring(partStart, partEnd).strip();
            if (!closed && inLead || words(part, BYLINE_WORDS) > BYLINE_WORDS) {
                break; // the story's first words, not the dateline's
            }
            if (!part.isEmpty() && !part.startsWith(place) && part.chars().noneMatch(Character::isDigit)) {
                parts.add(part);
            }
            if (!closed) {
                break;
            }
            partStart = separator.end();
        }
        return List.copyOf(parts);
    }

    /**
     * The place a lead opens with, before its day or its agency: «عمّان 12 آب (بترا) –»، «تونس (وات) -»،
     * «ليانيونقانغ، الصين 19 سبتمبر 2025 (شينخوا)»، «الدوحة في 20 نوفمبر /قنا/». Three words at most stand before
     * the first number or dash, bracket, slash or colon.
     */
    private Optional<String> leadPlace(String folded) {
        Matcher end = LEAD_PLACE_END.matcher(folded).region(0, Math.min(folded.length(), LEAD_PLACE_CHARS));
        if (!end.find() || end.start() == 0) {
            return Optional.empty();
        }
        String before = folded.substring(0, end.start());
        if (words(before, LEAD_PLACE_WORDS) > LEAD_PLACE_WORDS) {
            return Optional.empty();
        }
        // the place may be followed by a word before the day: «الدوحة في 20 نوفمبر»
        return DATELINE_SEPARATORS.splitAsStream(before).map(String::strip)
                .map(part -> isPlace(part) ? part : withoutLastWord(part)).filter(this::isPlace).findFirst();
    }

    private static String withoutLastWord(String text) {
        int space = text.lastIndexOf(' ');
        return space < 0 ? "" : text.substring(0, space).strip();
    }

    /** Whether {@code folded} is one known place, of two words at most, and nothing else. */
    private boolean isPlace(String folded) {
        if (folded.isEmpty() || words(folded, 2) > 2) {
            return false;
        }
        List<? extends Lexicon.Match<?>> matches = lexicon.scan(folded).matches(datelinePlaces);
        return matches.size() == 1 && matches.getFirst().start() == 0 && matches.getFirst().end() == folded.length();
    }

    private static boolean containsDigit(String folded) {
        for (int i = 0; i < folded.length(); i++) {
            if (NormalizedText.isDigit(folded.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a line ends as a sentence does, with a full stop or a question or exclamation mark: a lead, no headline. */
    private static boolean endsASentence(String line) {
        return SENTENCE_END.matcher(line.strip()).region(Math.max(0, line.strip().length() - 1), line.strip().length()).find();
    }

    private static boolean looksLikeHeadline(String line) {
        int words = words(line, 25);
        return words >= 3 && words <= 25;
    }

    /** The number of words in {@code text}, counted up to one more than {@code atMost}: the lines are long. */
    private static int words(String text, int atMost) {
        return NormalizedText.words(text, 0, text.length(), atMost);
    }

    private String normalisePublished(String published) {
        String value = blankToNull(published);
        if (value == null) {
            return null;
        }
        if (value.indexOf('T') > 0) { // an ISO instant (2024-05-13T10:00:00Z), which the date finder does not read
            try {
                OffsetDateTime instant = OffsetDateTime.parse(value);
                // years 1 to 9999 only: what an ISO date of four digits writes and PostgreSQL keeps
                return instant.getYear() >= 1 && instant.getYear() <= 9999 ? instant.toString() : null;
            } catch (DateTimeParseException notAnInstant) {
                // read as a date below
            }
        }
        // a publication is dated to the day: «يونيو 2024» dates no publication (and would date nothing relative)
        return dates.find(lexicon.scan(NormalizedText.fold(value)), null).stream()
                .filter(date -> date.precision() == DateFinder.Precision.DAY).findFirst().map(DateFinder.DateMention::value).orElse(null);
    }

    /**
     * The kept lines with the headline where a page has it, below the lines above the article (a masthead), for a text
     * that does not hold it: a scraper posts the headline in the title field and the body without it, and what the
     * headline alone tells (the act of the day, who received whom) is read as in a page.
     */
    private static NormalizedText withHeadline(NormalizedText page, List<NormalizedText.Range> kept, int articleStart, String headline) {
        NormalizedText line = NormalizedText.of(LINE_BREAKS.matcher(headline).replaceAll(" "));
        return NormalizedText.lines(Stream.of(page.joined(kept.subList(0, articleStart)), line,
                page.joined(kept.subList(articleStart, kept.size()))).filter(part -> !part.original().isEmpty()).toList());
    }

    private static final Pattern LINE_BREAKS = Pattern.compile("\\s*\\R\\s*");

    /**
     * A title as a reader sees it, a plain space between its words, and as long as a posted one may be
     * ({@link #MAX_TITLE}): a page's og:title or first line can be any length, and every event message of the
     * article carries its title.
     */
    private static String headline(String written) {
        if (written == null) {
            return null;
        }
        String title = NormalizedText.spacedPlainly(written).strip();
        if (title.length() <= MAX_TITLE) {
            return title;
        }
        int cut = title.lastIndexOf(' ', MAX_TITLE - 1);
        return title.substring(0, cut > 0 ? cut : MAX_TITLE - 1) + "…";
    }

    /**
     * A page can write control characters as references ({@code &#0;}, {@code &#7;}) that no posted text may
     * hold; they become U+FFFD, as browsers show a reference to NUL.
     */
    private static String controlsReplaced(String text) {
        if (text == null) {
            return null;
        }
        char[] chars = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (NormalizedText.isForbiddenControl(c)) {
                if (chars == null) {
                    chars = text.toCharArray();
                }
                chars[i] = '\uFFFD';
            }
        }
        return chars == null ? text : new String(chars);
    }

    /**
     * The page's headline: the article's {@code <h1>}, else its social title or its {@code <title>} without the
     * site's name.
     */
    private static String htmlTitle(Document document) {
        for (String selector : HEADLINES) {
            for (Element headline : document.select(selector)) {
                if (looksLikeHeadline(headline.text())) { // not a site's name set as a heading
                    return headline.text().strip();
                }
            }
        }
        String site = metaContent(document, "meta[property=og:site_name]");
        String social = metaContent(document, "meta[property=og:title], meta[name=twitter:title]");
        return withoutSiteName(social != null ? social : blankToNull(document.title()), site);
    }

    /**
     * The outlet's name: its social site name, its application's, else the site's part of the page's title; the
     * title's part too when the social name is written in Latin letters and the title's in Arabic (Hespress …
     * | هسبريس): the name its readers see, which the list of outlets holds.
     */
    private static String htmlSiteName(Document document) {
        String named = metaContent(document, "meta[property=og:site_name], meta[name=application-name]");
        Matcher suffix = SITE_SUFFIX.matcher(document.title());
        String titled = suffix.find() && words(suffix.group(1), SITE_NAME_WORDS) <= SITE_NAME_WORDS
                ? suffix.group(1).strip() : null;
        return named == null || titled != null && !hasArabic(named) && hasArabic(titled) ? titled : named;
    }

    private static boolean hasArabic(String text) {
        return text.chars().anyMatch(c -> NormalizedText.isArabicLetter((char) c));
    }

    private static String metaContent(Document document, String selector) {
        Element meta = document.selectFirst(selector);
        return meta == null ? null : blankToNull(meta.attr("content"));
    }

    /** «Headline | Site» → «Headline»: the page's own site name, or a short last part after a separator. */
    private static String withoutSiteName(String title, String site) {
        if (title == null) {
            return null;
        }
        if (site != null && title.endsWith(site) && title.length() > site.length()) {
            return title.substring(0, title.length() - site.length()).replaceFirst("[\\s|\\-–—]+$", "");
        }
        Matcher suffix = SITE_SUFFIX.matcher(title);
        if (suffix.find() && words(suffix.group(1), SITE_NAME_WORDS) <= SITE_NAME_WORDS
                && looksLikeHeadline(title.substring(0, suffix.start()))) {
            return title.substring(0, suffix.start()).strip();
        }
        return title;
    }

    private String htmlPublished(Document document) {
        Element meta = document.selectFirst("meta[property=article:published_time], meta[itemprop=datePublished], "
                + "meta[name=pubdate], meta[name=publish-date]");
        if (meta != null) {
            return normalisePublished(meta.attr("content"));
        }
        for (Element script : document.select("script[type=application/ld+json]")) {
            Matcher published = JSON_LD_PUBLISHED.matcher(script.data());
            if (published.find()) {
                return normalisePublished(published.group(1));
            }
        }
        Element time = document.selectFirst("time[datetime]");
        return time == null ? null : normalisePublished(time.attr("datetime"));
    }

    /** The text of the article element (or the body), one line per block, without page furniture. */
    private static String htmlText(Document document) {
        document.select(FURNITURE_TAGS).remove();
        document.select(FORM).stream().filter(form -> !holdsTheArticle(form) && form.select("p").size() < WRAPPER_PARAGRAPHS)
                .forEach(Element::remove);
        for (Element element : document.getAllElements()) {
            if (element.parent() != null && FURNITURE_NAMES.matcher(wordsOfNames(element)).find() && !holdsTheArticle(element)) {
                element.remove();
            }
        }
        Element root = Optional.ofNullable(document.selectFirst("article")).orElse(document.body());
        StringBuilder text = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    text.append(textNode.text());
                } else if (node instanceof Element element && BLOCK_TAGS.matcher(element.normalName()).matches()) {
                    text.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && BLOCK_TAGS.matcher(element.normalName()).matches()) {
                    text.append('\n');
                }
            }
        }, root);
        return text.toString();
    }

    /** Whether the element is or holds the article: furniture names and tags never remove it. */
    private static boolean holdsTheArticle(Element element) {
        return !element.select(ARTICLE).isEmpty();
    }

    /** An element's class and id, with the words of a camel-case name apart (RelatedNews: Related-News). */
    private static String wordsOfNames(Element element) {
        return CAMEL_CASE_WORD.matcher(element.className() + " " + element.id()).replaceAll("-");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

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
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns posted HTML or plain text into clean article text and its metadata: page furniture (share bars,
 * comment forms, related-article lists, copyright and follow-us lines) goes, the headline, the date line and
 * the dateline place are recognised.
 */
public final class ArticleParser {

    /** Elements that are page furniture by their tag. */
    private static final String FURNITURE_TAGS = "script, style, noscript, template, nav, footer, aside, form, iframe, button, svg, select";
    /** Elements that are page furniture by their class or id. */
    private static final Pattern FURNITURE_NAMES = Pattern.compile(
            "(^|[-_ ])(comments?|share|sharing|social|related|breadcrumbs?|tags?|newsletter|ticker|menu|sidebar|"
                    + "footer|nav|navbar|advert|ads|widget|popular|most-read|subscribe|cookie)([-_ ]|$)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BLOCK_TAGS = Pattern.compile("p|div|h[1-6]|li|ul|ol|br|tr|td|th|blockquote|pre|section|article|header|figcaption|time|dd|dt|table");
    private static final Pattern TIME = Pattern.compile("\\d{1,2}:\\d{2}");
    private static final Pattern NOT_LETTERS = Pattern.compile("[^\\p{L}]+");

    private final Lexicon lexicon;
    private final DateFinder dates;
    private final LineRules lineBoilerplate;
    private final LineRules tailBoilerplate;
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
        lineBoilerplate = new LineRules(rules.stream().filter(row -> row.get("scope").equals("line")).map(row -> row.get("pattern")).toList());
        tailBoilerplate = new LineRules(rules.stream().filter(row -> row.get("scope").equals("tail")).map(row -> row.get("pattern")).toList());
    }

    /** What was posted: plain text or HTML, with whatever metadata the poster knew. */
    /** The longest title, posted or found, in chars. */
    public static final int MAX_TITLE = 1000;

    public record RawArticle(String url, String title, String publishedAt, String source, String text, String html) {
    }

    /** The clean text, folded for matching, and what the parser learnt about it. */
    public record ParsedArticle(String title, NormalizedText text, String publishedAt, String datelinePlace) {
        public Optional<LocalDate> publishedDate() {
            if (publishedAt == null) {
                return Optional.empty();
            }
            return Optional.of(LocalDate.parse(publishedAt.substring(0, 10)));
        }
    }

    public ParsedArticle parse(RawArticle raw) {
        String title = blankToNull(raw.title());
        String publishedAt = normalisePublished(raw.publishedAt());
        String body = raw.text();
        if (raw.html() != null && !raw.html().isBlank()) {
            Document document = Jsoup.parse(raw.html());
            if (title == null) {
                title = controlsReplaced(htmlTitle(document));
            }
            if (publishedAt == null) {
                publishedAt = htmlPublished(document);
            }
            body = controlsReplaced(htmlText(document));
        }
        return cleanText(body == null ? "" : body, title, publishedAt);
    }

    private ParsedArticle cleanText(String body, String title, String publishedAt) {
        NormalizedText page = NormalizedText.of(body.replace("\r", "")); // folded once, then read line by line
        String pageFolded = page.folded();
        List<NormalizedText.Range> kept = new ArrayList<>();
        String datelinePlace = null;
        String foldedTitle = title == null ? null : NormalizedText.fold(title);
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
            if (lineBoilerplate.match(folded)) {
                continue;
            }
            Optional<String> dateLine = asDateLine(folded);
            if (dateLine.isPresent()) {
                if (publishedAt == null) {
                    publishedAt = dateLine.get();
                }
                continue;
            }
            String line = page.originalOf(range);
            boolean beforeTitle = title == null;
            if (beforeTitle && kept.isEmpty() && words(line, 1) == 1) {
                continue; // a section name above the headline (سياسة، Uncategorized)
            }
            if (datelinePlace == null && kept.isEmpty()) {
                datelinePlace = datelinePlace(line).orElse(null);
                if (datelinePlace != null) {
                    kept.add(range);
                    continue;
                }
            }
            if (beforeTitle && kept.isEmpty() && looksLikeHeadline(line)) {
                title = line;
                foldedTitle = folded;
            } else if (title != null && !line.equals(title) && line.length() < title.length() + 12
                    && folded.endsWith(foldedTitle)) {
                continue; // the headline again behind a decoration (🔴 ▪︎ …)
            }
            kept.add(range);
        }
        return new ParsedArticle(headline(title), page.joined(kept), publishedAt, datelinePlace);
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

    /** A short line that holds a full date and little else (an outlet name, a weekday, a time) is a date line. */
    private Optional<String> asDateLine(String folded) {
        if (words(folded, 9) > 9 || !containsDigit(folded)) { // a day is written with digits
            return Optional.empty();
        }
        List<DateFinder.DateMention> found = dates.find(lexicon.scan(folded), null);
        if (found.size() != 1 || found.getFirst().precision() != DateFinder.Precision.DAY) {
            return Optional.empty();
        }
        DateFinder.DateMention date = found.getFirst();
        String rest = folded.substring(0, date.start()) + " " + folded.substring(date.end());
        rest = NOT_LETTERS.matcher(TIME.matcher(rest).replaceAll(" ")).replaceAll(" ").strip();
        return words(rest, 4) <= 4 ? Optional.of(date.value()) : Optional.empty();
    }

    /** "الرباط-سناء الجدني", "فيينا – رويترز": a known place, a dash, an author or agency. */
    private Optional<String> datelinePlace(String line) {
        int dash = line.indexOf('-') >= 0 ? line.indexOf('-') : line.indexOf('–');
        if (dash <= 0 || words(line, 5) > 5) {
            return Optional.empty();
        }
        String place = line.substring(0, dash).strip();
        List<? extends Lexicon.Match<?>> matches = lexicon.scan(NormalizedText.fold(place)).matches(datelinePlaces);
        return matches.size() == 1 && words(place, 2) <= 2 ? Optional.of(place) : Optional.empty();
    }

    private static boolean containsDigit(String folded) {
        for (int i = 0; i < folded.length(); i++) {
            if (NormalizedText.isDigit(folded.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean looksLikeHeadline(String line) {
        int words = words(line, 25);
        return words >= 3 && words <= 25;
    }

    /** The number of words in {@code text}, counted up to one more than {@code atMost}: the lines are long. */
    private static int words(String text, int atMost) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length() && words <= atMost; i++) {
            boolean space = NormalizedText.isWhitespace(text.charAt(i));
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return words;
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
        List<DateFinder.DateMention> found = dates.find(lexicon.scan(NormalizedText.fold(value)), null);
        return found.isEmpty() ? null : found.getFirst().value();
    }

    /**
     * A title as long as a posted one may be ({@link #MAX_TITLE}): a page's og:title or first line can be any
     * length, and every event message of the article carries its title.
     */
    private static String headline(String title) {
        if (title == null || title.length() <= MAX_TITLE) {
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

    private static String htmlTitle(Document document) {
        Element og = document.selectFirst("meta[property=og:title]");
        if (og != null && !og.attr("content").isBlank()) {
            return og.attr("content").strip();
        }
        Element h1 = document.selectFirst("h1");
        if (h1 != null && !h1.text().isBlank()) {
            return h1.text().strip();
        }
        return blankToNull(document.title());
    }

    private String htmlPublished(Document document) {
        Element meta = document.selectFirst("meta[property=article:published_time], meta[itemprop=datePublished]");
        if (meta != null) {
            return normalisePublished(meta.attr("content"));
        }
        Element time = document.selectFirst("time[datetime]");
        return time == null ? null : normalisePublished(time.attr("datetime"));
    }

    /** The text of the article element (or the body), one line per block, without page furniture. */
    private static String htmlText(Document document) {
        document.select(FURNITURE_TAGS).remove();
        for (Element element : document.getAllElements()) {
            if (element.parent() != null && FURNITURE_NAMES.matcher(element.className() + " " + element.id()).find()) {
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

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

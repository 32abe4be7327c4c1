package org.rasd.ingest.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.rasd.ingest.extraction.ArticleExtractor;
import org.rasd.ingest.parsing.ArticleParser.RawArticle;
import org.rasd.ingest.record.ArticleRecord;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The extractor offline, without Kafka or HTTP ({@code deploy/extraction}):
 * <ul>
 *   <li>{@code extract FILE} prints the article record of a .txt, .html, posted-JSON or gold file;</li>
 *   <li>{@code score DIR...} scores each directory of gold files on its own and prints every miss;</li>
 *   <li>{@code score --spaced-otherwise SHARE DIR...} the same, with that share of the spaces between words written
 *   as pages and texts copied from them write some: no-break spaces ({@code &nbsp;}), two spaces, tabs, zero-width
 *   spaces;</li>
 *   <li>{@code score --title-apart DIR...} the same, with each text (not a page) posted as scrapers post one: its
 *   headline in the title field and not in the text;</li>
 *   <li>{@code score --one-line DIR...} the same, with each text's lines also joined into one, as some scrapers post
 *   a body.</li>
 * </ul>
 */
public final class ExtractionCli {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws IOException {
        if (args.length >= 2 && args[0].equals("extract")) {
            ArticleExtractor extractor = new ArticleExtractor();
            System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(
                    extractor.extract(readArticle(Path.of(args[1])), null)));
        } else if (args.length >= 4 && args[0].equals("score") && args[1].equals("--spaced-otherwise")) {
            ArticleExtractor extractor = new ArticleExtractor();
            double share = Double.parseDouble(args[2]);
            for (int i = 3; i < args.length; i++) {
                Random draw = new Random(i); // the same spaces every run
                score(extractor, Path.of(args[i]), raw -> spacedOtherwise(raw, share, draw))
                        .print(System.out, args[i] + ", " + share + " of the spaces written otherwise");
                System.out.println();
            }
        } else if (args.length >= 3 && args[0].equals("score") && args[1].equals("--one-line")) {
            ArticleExtractor extractor = new ArticleExtractor();
            for (int i = 2; i < args.length; i++) {
                score(extractor, Path.of(args[i]), raw -> oneLine(titleApart(extractor, raw)))
                        .print(System.out, args[i] + ", each text posted with its headline apart and its paragraphs on one line");
                System.out.println();
            }
        } else if (args.length >= 3 && args[0].equals("score") && args[1].equals("--title-apart")) {
            ArticleExtractor extractor = new ArticleExtractor();
            for (int i = 2; i < args.length; i++) {
                score(extractor, Path.of(args[i]), raw -> titleApart(extractor, raw))
                        .print(System.out, args[i] + ", each text posted as a scraper posts it: the headline in the title field, not in the text");
                System.out.println();
            }
        } else if (args.length >= 2 && args[0].equals("score")) {
            ArticleExtractor extractor = new ArticleExtractor();
            for (int i = 1; i < args.length; i++) {
                score(extractor, Path.of(args[i])).print(System.out, args[i]);
                System.out.println();
            }
        } else {
            System.err.println("usage: extract FILE | score [--spaced-otherwise SHARE | --title-apart | --one-line] DIR [DIR...]");
            System.exit(2);
        }
    }

    public static Scorecard score(ArticleExtractor extractor, Path directory) throws IOException {
        return score(extractor, directory, UnaryOperator.identity());
    }

    /** The directory's score with each article as {@code posted} turns it. */
    private static Scorecard score(ArticleExtractor extractor, Path directory, UnaryOperator<RawArticle> posted) throws IOException {
        Scorecard scorecard = new Scorecard();
        for (Path file : goldFiles(directory)) {
            GoldArticle gold = GoldArticle.read(file, JSON);
            ArticleRecord record = extractor.extract(posted.apply(gold.rawArticle()), null);
            scorecard.add(gold, record);
        }
        return scorecard;
    }

    /** How pages and texts copied from them space words otherwise: a no-break space, two spaces, a tab, a zero-width space. */
    private static final List<String> SPACES_IN_TEXTS = List.of("\u00A0", "  ", "\t", " \u200B");
    private static final List<String> SPACES_IN_PAGES = List.of("&nbsp;", "&nbsp; ", "\t", " &#8203;");

    /** The article with a share of the spaces between its words written otherwise, each way as often (a seeded draw). */
    private static RawArticle spacedOtherwise(RawArticle raw, double share, Random random) {
        return new RawArticle(raw.url(), raw.title(), raw.publishedAt(), raw.source(),
                spacedOtherwise(raw.text(), SPACES_IN_TEXTS, false, share, random),
                spacedOtherwise(raw.html(), SPACES_IN_PAGES, true, share, random));
    }

    private static String spacedOtherwise(String written, List<String> spaces, boolean page, double share, Random random) {
        if (written == null) {
            return null;
        }
        StringBuilder spaced = new StringBuilder(written.length());
        boolean inTag = false;
        for (char c : written.toCharArray()) {
            inTag = page && (c == '<' || inTag && c != '>');
            if (c == ' ' && !inTag && random.nextDouble() < share) {
                spaced.append(spaces.get(random.nextInt(spaces.size())));
            } else {
                spaced.append(c);
            }
        }
        return spaced.toString();
    }

    /**
     * A text as a scraper posts it: its headline in the title field and not in the text, its date in its field, its
     * text the body the page cleaner keeps without the headline's line. A page is posted as it is: its own markup
     * names its headline and its outlet.
     */
    private static RawArticle titleApart(ArticleExtractor extractor, RawArticle raw) {
        if (raw.text() == null) {
            return raw;
        }
        ArticleRecord record = extractor.extract(raw, null);
        String title = record.title() == null ? null : record.title().strip();
        List<String> lines = new ArrayList<>(List.of(record.text().split("\n", -1)));
        if (title != null) {
            lines.stream().filter(line -> line.strip().equals(title)).findFirst().ifPresent(lines::remove);
        }
        return new RawArticle(raw.url(), title, record.publishedAt(), record.source(), String.join("\n", lines), null);
    }

    /** The text with its lines joined by spaces into one line. */
    private static RawArticle oneLine(RawArticle raw) {
        return raw.text() == null ? raw : new RawArticle(raw.url(), raw.title(), raw.publishedAt(), raw.source(),
                raw.text().replaceAll("\\s*\\n\\s*", " "), null);
    }

    public static List<Path> goldFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    /** A gold file, a JSON body as POST /api/articles takes it, an HTML page or plain text. */
    private static RawArticle readArticle(Path file) throws IOException {
        String content = Files.readString(file, StandardCharsets.UTF_8);
        if (file.toString().endsWith(".json")) {
            JsonNode root = JSON.readTree(content);
            if (root.has("raw")) {
                return GoldArticle.read(file, JSON).rawArticle();
            }
            return new RawArticle(text(root, "url"), text(root, "title"), text(root, "publishedAt"), text(root, "source"),
                    text(root, "text"), text(root, "html"));
        }
        boolean html = file.toString().endsWith(".html") || file.toString().endsWith(".htm");
        return new RawArticle(null, null, null, null, html ? null : content, html ? content : null);
    }

    private static String text(JsonNode root, String field) {
        return root.hasNonNull(field) ? root.get(field).asText() : null;
    }

    private ExtractionCli() {
    }
}

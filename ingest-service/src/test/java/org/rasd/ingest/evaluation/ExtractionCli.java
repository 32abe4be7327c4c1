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
import java.util.List;
import java.util.stream.Stream;

/**
 * The extractor offline, without Kafka or HTTP ({@code deploy/extraction}):
 * <ul>
 *   <li>{@code extract FILE} prints the article record of a .txt, .html, posted-JSON or gold file;</li>
 *   <li>{@code score DIR...} scores each directory of gold files on its own and prints every miss.</li>
 * </ul>
 */
public final class ExtractionCli {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws IOException {
        if (args.length >= 2 && args[0].equals("extract")) {
            ArticleExtractor extractor = new ArticleExtractor();
            System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(
                    extractor.extract(readArticle(Path.of(args[1])), null)));
        } else if (args.length >= 2 && args[0].equals("score")) {
            ArticleExtractor extractor = new ArticleExtractor();
            for (int i = 1; i < args.length; i++) {
                score(extractor, Path.of(args[i])).print(System.out, args[i]);
                System.out.println();
            }
        } else {
            System.err.println("usage: extract FILE | score DIR [DIR...]");
            System.exit(2);
        }
    }

    public static Scorecard score(ArticleExtractor extractor, Path directory) throws IOException {
        Scorecard scorecard = new Scorecard();
        for (Path file : goldFiles(directory)) {
            GoldArticle gold = GoldArticle.read(file, JSON);
            ArticleRecord record = extractor.extract(gold.rawArticle(), null);
            scorecard.add(gold, record);
        }
        return scorecard;
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

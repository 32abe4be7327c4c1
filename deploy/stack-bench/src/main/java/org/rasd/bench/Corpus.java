package org.rasd.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.rasd.ingest.parsing.ArticleParser.RawArticle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The articles the bench posts, cycled through under new URLs; the baselines work on the same ones. */
public record Corpus(Kind kind, List<Payload> payloads) {

    public enum Kind {
        /** The five seed articles of {@code shared/gold}: 2.5–6.5 kB of text, about ten events each. */
        SEED("../shared/gold"),
        /** The extraction dev set: forty articles, text and HTML pages. */
        DEV("ingest-service/src/test/resources/dev-set");

        private final String directory;

        Kind(String directory) {
            this.directory = directory;
        }
    }

    /**
     * One article as it is posted. Gold files hold the raw page in {@code raw}: HTML when it starts with a tag,
     * plain text otherwise (the rule of the extraction tests' {@code GoldArticle}).
     */
    public record Payload(String name, String publishedAt, String text, String html) {

        public RawArticle raw(String url) {
            return new RawArticle(url, null, publishedAt, null, text, html);
        }

        /** The JSON body of {@code POST /api/articles}. */
        public byte[] body(String url, ObjectMapper json) {
            ObjectNode body = json.createObjectNode().put("url", url);
            if (publishedAt != null) {
                body.put("publishedAt", publishedAt);
            }
            if (html != null) {
                body.put("html", html);
            } else {
                body.put("text", text);
            }
            try {
                return json.writeValueAsBytes(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static Corpus load(Kind kind, Path home, ObjectMapper json) {
        Path directory = home.resolve(kind.directory).normalize();
        List<Payload> payloads = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode gold = json.readTree(file.toFile());
                String raw = gold.path("raw").asText();
                String published = gold.hasNonNull("published") ? gold.get("published").asText() : null;
                boolean html = raw.stripLeading().startsWith("<");
                payloads.add(new Payload(file.getFileName().toString(), published, html ? null : raw, html ? raw : null));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the " + kind + " corpus in " + directory, e);
        }
        if (payloads.isEmpty()) {
            throw new IllegalStateException("No article in " + directory);
        }
        return new Corpus(kind, List.copyOf(payloads));
    }

    public Payload get(long n) {
        return payloads.get((int) (n % payloads.size()));
    }
}

package org.rasd.ingest.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.rasd.ingest.parsing.ArticleParser.RawArticle;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One hand-annotated article in the {@code shared/gold} format; {@code story} names the act it reports with other
 * articles of its corpus (several outlets, one act), or is null.
 */
public record GoldArticle(String id, String story, String published, String raw, String title, Set<String> countries,
                          Set<String> themes, List<GoldEvent> events) {

    /**
     * An annotated event: {@code date} is YYYY, YYYY-MM or YYYY-MM-DD or null, {@code location} a country code or null.
     * {@code act} names the real-world act (the same occasion) in every article of the corpus that reports it, when
     * more than one does and a story group alone would not say so: an act an article recalls outside its story, told
     * at another date precision, or told by the other side (the guest's visit that the host's outlet reports as its
     * hosting); null otherwise.
     */
    public record GoldEvent(String type, Set<String> partners, String date, String location, String act) {
    }

    public static GoldArticle read(Path file, ObjectMapper json) throws IOException {
        JsonNode root = json.readTree(file.toFile());
        JsonNode gold = root.path("gold");
        List<GoldEvent> events = new ArrayList<>();
        for (JsonNode event : gold.path("events")) {
            events.add(new GoldEvent(event.path("type").asText(), strings(event.path("partners")),
                    textOrNull(event.path("date")), textOrNull(event.path("location")), textOrNull(event.path("act"))));
        }
        return new GoldArticle(root.path("id").asText(file.getFileName().toString()), textOrNull(root.path("story")),
                textOrNull(root.path("published")),
                root.path("raw").asText(), textOrNull(gold.path("title")), strings(gold.path("countries_mentioned")),
                strings(gold.path("themes")), List.copyOf(events));
    }

    /** The raw text as it was posted: HTML when it starts with a tag, plain text otherwise. */
    public RawArticle rawArticle() {
        boolean html = raw.stripLeading().startsWith("<");
        return new RawArticle(null, null, published, null, html ? null : raw, html ? raw : null);
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new TreeSet<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static String textOrNull(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }
}

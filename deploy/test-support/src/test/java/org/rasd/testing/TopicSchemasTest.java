package org.rasd.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rasd.support.messaging.DeadLetters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The schemas of deploy/spec/topics against their own samples and against the written taxonomy: every valid
 * sample passes, every {@code *.invalid.json} fails, and the schemas list exactly the taxonomy's codes.
 */
class TopicSchemasTest {

    @ParameterizedTest
    @ValueSource(strings = {TopicContracts.ARTICLES, TopicContracts.EVENTS, TopicContracts.INCIDENTS})
    void everyValidSampleFollowsItsTopicsSchemaAndEveryInvalidOneBreaksIt(String topic) {
        assertTrue(TopicContracts.validSamples(topic).size() >= 3, "several samples of " + topic);
        assertTrue(TopicContracts.invalidSamples(topic).size() >= 3, "several invalid samples of " + topic);
        for (Path sample : TopicContracts.validSamples(topic)) {
            TopicContracts.assertValid(topic, TopicContracts.read(sample), TopicContracts.name(sample));
        }
        for (Path sample : TopicContracts.invalidSamples(topic)) {
            TopicContracts.assertInvalid(topic, TopicContracts.read(sample), TopicContracts.name(sample));
        }
    }

    /** Readers ignore fields they do not know: a field added later must not break a message, but on a removal. */
    @Test
    void anUnknownFieldIsAllowedButOnARemoval() {
        ObjectNode article = (ObjectNode) TopicContracts.read(TopicContracts.validSamples(TopicContracts.ARTICLES).getFirst());
        article.put("addedLater", "x");
        ((ObjectNode) article.path("events").get(0)).put("addedLater", 1);
        TopicContracts.assertValid(TopicContracts.ARTICLES, article, "an article with fields added later");

        ObjectNode removal = new ObjectMapper().createObjectNode().put("id", "0123456789abcdef").put("version", 2)
                .put("articleId", "fedcba9876543210").put("removed", true);
        TopicContracts.assertValid(TopicContracts.EVENTS, removal, "a removal");
        TopicContracts.assertInvalid(TopicContracts.EVENTS, removal.deepCopy().put("type", "HOST"), "a removal with a type");
    }

    /** A nullable field takes null or its shape, nothing else; a field the producer always writes may not be left out. */
    @Test
    void nullableFieldsTakeNullOrTheirShapeAndRequiredOnesMustBeThere() {
        ObjectNode article = (ObjectNode) TopicContracts.read(TopicContracts.validSamples(TopicContracts.ARTICLES).stream()
                .filter(sample -> sample.getFileName().toString().equals("host-spain-rabat.json")).findFirst().orElseThrow());
        ObjectNode event = (ObjectNode) article.path("events").get(0);
        for (String field : List.of("subject", "date", "location", "cameo")) {
            ObjectNode nulled = article.deepCopy();
            ((ObjectNode) nulled.path("events").get(0)).putNull(field);
            TopicContracts.assertValid(TopicContracts.ARTICLES, nulled, "an event with " + field + " null");
            ObjectNode missing = article.deepCopy();
            ((ObjectNode) missing.path("events").get(0)).remove(field);
            TopicContracts.assertInvalid(TopicContracts.ARTICLES, missing, "an event without " + field);
        }
        for (String field : List.of("subject", "date", "location")) {
            ObjectNode text = article.deepCopy();
            ((ObjectNode) text.path("events").get(0)).put(field, "MA");
            TopicContracts.assertInvalid(TopicContracts.ARTICLES, text, "an event whose " + field + " is a string");
        }
        for (String field : List.of("url", "source", "title", "publishedAt")) {
            TopicContracts.assertValid(TopicContracts.ARTICLES, article.deepCopy().putNull(field), "an article with " + field + " null");
        }
        TopicContracts.assertValid(TopicContracts.ARTICLES, article.deepCopy().put("publishedAt", "2024-02-13T14:15+01:00"),
                "an article published at an instant written without seconds, as OffsetDateTime writes it");
        TopicContracts.assertInvalid(TopicContracts.ARTICLES, article.deepCopy().put("publishedAt", "13 فبراير 2024"),
                "an article published at a written date");
        assertEquals("day", event.path("date").path("precision").asText());
    }

    @Test
    void theSchemasListTheEventTypesAndThemesOfTheWrittenTaxonomy() throws IOException {
        String taxonomy = Files.readString(TopicContracts.specDirectory().resolve("taxonomy.md"));
        assertEquals(codesOfTable(taxonomy, "## Event types"), TopicContracts.enumAt(TopicContracts.ARTICLES, "/$defs/eventType"));
        assertEquals(codesOfTable(taxonomy, "## Themes"), TopicContracts.enumAt(TopicContracts.ARTICLES, "/$defs/theme"));
    }

    @Test
    void theHeadersADeadLetterCarriesFollowTheirSchema() {
        Path schema = TopicContracts.topicsDirectory().resolve("dead-letter-headers.schema.json");
        ObjectNode headers = new ObjectMapper().createObjectNode().put(DeadLetters.REASON, "not an article record")
                .put(DeadLetters.TOPIC, "articles").put(DeadLetters.PARTITION, "2").put(DeadLetters.OFFSET, "1041");
        assertEquals(List.of(), TopicContracts.violations(TopicContracts.schema(schema), headers));
        assertFalse(TopicContracts.violations(TopicContracts.schema(schema), headers.deepCopy().without(DeadLetters.REASON)).isEmpty());
    }

    /** The codes in the first column of the table under a heading of taxonomy.md, in order. */
    private static List<String> codesOfTable(String markdown, String heading) {
        int start = markdown.indexOf(heading);
        assertTrue(start >= 0, heading);
        int end = markdown.indexOf("\n## ", start + heading.length());
        String section = markdown.substring(start, end < 0 ? markdown.length() : end);
        List<String> codes = new ArrayList<>();
        Matcher row = Pattern.compile("(?m)^\\| ([A-Z][A-Z_]+) \\|").matcher(section);
        while (row.find()) {
            codes.add(row.group(1));
        }
        assertFalse(codes.isEmpty(), "codes under " + heading);
        return codes;
    }
}

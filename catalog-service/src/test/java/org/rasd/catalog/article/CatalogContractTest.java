package org.rasd.catalog.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.rasd.catalog.event.EventRemoval;
import org.rasd.catalog.event.EventVersion;
import org.rasd.testing.TopicContracts;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Both sides of the catalog against the topic contracts of deploy/spec/topics, without a broker: it reads every
 * article sample as its consumer does, and the event messages it builds from them (CatalogRows' EventVersions, stored
 * and read back, filed under an incident as JoinRelay publishes them, and EventRemovals) follow the schema of
 * {@code events} and are the event samples, field for field and in their order. EventTopicsContractTest checks what
 * reaches the broker, and the incidents, built in SQL.
 */
class CatalogContractTest {

    /** Jackson's defaults but for the java.time module, which Quarkus registers: the records pin the rest themselves. */
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    /** Each sample reads into the typed records whole (they write it back unchanged), and is stored as it came. */
    @Test
    void theConsumerReadsEveryArticleSample() throws Exception {
        for (Path sample : TopicContracts.validSamples(TopicContracts.ARTICLES)) {
            JsonNode record = TopicContracts.read(sample);
            ArticleDocument document = ArticleDocument.parse(JSON, TopicContracts.text(sample), null, null);
            assertEquals(record.path("id").asText(), document.id(), TopicContracts.name(sample));
            assertEquals(record.path("events").size(), document.record().events().size(), TopicContracts.name(sample));
            assertEquals(TopicContracts.text(sample), document.payload(), "kept as it came: " + TopicContracts.name(sample));
            assertWritten(record, JSON.writeValueAsString(document.record()), "read whole: " + TopicContracts.name(sample));
            for (int i = 0; i < record.path("events").size(); i++) {
                assertWritten(record.path("events").get(i), JSON.writeValueAsString(document.record().events().get(i)),
                        "its event " + i + " read whole: " + TopicContracts.name(sample));
            }
        }
    }

    /**
     * A tolerant reader: the fields a newer extractor adds to an event, or to a part of one, reach its message and
     * come back from storage, after the fields the catalog knows; one named like a field of the catalog's does not
     * replace the catalog's. The article record itself is stored as it came, its new fields with it.
     */
    @Test
    void theFieldsANewerExtractorAddsReachTheEventMessages() {
        Path sample = TopicContracts.validSamples(TopicContracts.ARTICLES).stream()
                .filter(path -> path.endsWith("host-spain-rabat.json")).findFirst().orElseThrow();
        ObjectNode newer = (ObjectNode) TopicContracts.read(sample);
        newer.put("paywalled", false);
        ObjectNode event = (ObjectNode) newer.path("events").get(0);
        event.put("version", 99).put("modality", "reported").putArray("sources").add("وكالة المغرب العربي للأنباء");
        ((ObjectNode) event.path("subject")).put("wikidata", "Q2825218");
        ((ObjectNode) event.path("date")).put("calendar", "gregorian");
        ((ObjectNode) event.path("location")).putObject("point").put("lat", 34.02).put("lon", -6.84);
        ((ObjectNode) event.path("evidence")).put("paragraph", 1);

        ArticleDocument document = ArticleDocument.parse(JSON, newer.toString(), null, null);
        assertEquals(newer, TopicContracts.parse(document.payload()), "stored as it came");
        EventVersion built = eventMessages(document, 1).getFirst();
        String published = EventVersion.stored(JSON, built.json(JSON)).filedUnder(UUID.randomUUID().toString(), 0).json(JSON);
        TopicContracts.assertValid(TopicContracts.EVENTS, published, "an event message with fields the catalog does not know");
        JsonNode message = TopicContracts.parse(published);
        assertEquals(1, message.path("version").asInt(), "the catalog's version, not the event's field of that name");
        assertEquals("reported", message.path("modality").asText());
        assertEquals(event.path("sources"), message.path("sources"));
        assertEquals("Q2825218", message.path("subject").path("wikidata").asText());
        assertEquals("gregorian", message.path("date").path("calendar").asText());
        assertEquals(event.path("location").path("point"), message.path("location").path("point"));
        assertEquals(1, message.path("evidence").path("paragraph").asInt());
        List<String> names = fieldNames(message);
        assertEquals(List.of("confidence", "modality", "sources", "incidentId"), names.subList(names.size() - 4, names.size()),
                "the unknown fields after the known ones, in name order, before the incident");
        assertEquals(List.of("country", "name", "role", "wikidata"), fieldNames(message.path("subject")));
    }

    @Test
    void theEventMessagesBuiltFromEveryArticleSampleFollowTheEventsSchema() {
        int messages = 0;
        for (Path sample : TopicContracts.validSamples(TopicContracts.ARTICLES)) {
            ArticleDocument document = ArticleDocument.parse(JSON, TopicContracts.text(sample), OffsetDateTime.now(ZoneOffset.ofHours(1)), null);
            ArticleDocument unknownAcceptance = ArticleDocument.parse(JSON, TopicContracts.text(sample), null, null);
            for (EventVersion message : eventMessages(document, 1)) {
                TopicContracts.assertValid(TopicContracts.EVENTS, message.filedUnder(UUID.randomUUID().toString(), 0).json(JSON),
                        "an event message of " + TopicContracts.name(sample));
                TopicContracts.assertValid(TopicContracts.EVENTS, message.filedUnder(UUID.randomUUID().toString(), 2).json(JSON),
                        "an event message of " + TopicContracts.name(sample) + " moved twice to another incident");
                messages++;
            }
            for (EventVersion message : eventMessages(unknownAcceptance, 3)) {
                TopicContracts.assertValid(TopicContracts.EVENTS, message.filedUnder(UUID.randomUUID().toString(), 0).json(JSON),
                        "a third version's event message, acceptance unknown, of " + TopicContracts.name(sample));
                TopicContracts.assertValid(TopicContracts.EVENTS, new EventRemoval(message.id(), 4, document.id()).json(JSON),
                        "a removal of an event of " + TopicContracts.name(sample));
            }
        }
        assertTrue(messages >= 5, messages + " messages");
    }

    /**
     * The event samples are what the catalog makes of the article samples: a version with its incident (or, for one
     * sent before incidents, without), or a removal. A change to the message's shape shows here, and the samples it
     * makes stale are the ones analytics is tested on.
     */
    @Test
    void everyEventSampleIsWhatTheCatalogBuildsFromItsArticle() {
        Map<String, ArticleDocument> articles = new HashMap<>();
        for (Path sample : TopicContracts.validSamples(TopicContracts.ARTICLES)) {
            ArticleDocument document = ArticleDocument.parse(JSON, TopicContracts.text(sample), null, null);
            articles.put(document.id(), document);
        }
        for (Path sample : TopicContracts.validSamples(TopicContracts.EVENTS)) {
            JsonNode expected = TopicContracts.read(sample);
            String name = TopicContracts.name(sample);
            String articleId = expected.path("articleId").asText();
            int version = expected.path("version").asInt();
            assertTrue(articles.containsKey(articleId), name + ": its article is a sample");
            if (expected.path("removed").asBoolean(false)) {
                assertWritten(expected, new EventRemoval(expected.path("id").asText(), version, articleId).json(JSON), name);
                continue;
            }
            JsonNode acceptedAt = expected.path("acceptedAt");
            ArticleDocument document = ArticleDocument.parse(JSON, articles.get(articleId).payload(),
                    acceptedAt.isNull() ? null : Instant.parse(acceptedAt.asText()).atOffset(ZoneOffset.UTC), null);
            EventVersion built = eventMessages(document, version).stream()
                    .filter(message -> message.id().equals(expected.path("id").asText())).findFirst()
                    .orElseThrow(() -> new AssertionError(name + ": no such event in its article"));
            // as it is published: stored, read back and filed under its incident (none before incidents existed)
            EventVersion published = EventVersion.stored(JSON, built.json(JSON)).filedUnder(expected.path("incidentId").textValue(),
                    expected.path("filing").asInt(0));
            assertWritten(expected, published.json(JSON), name);
        }
    }

    /** The JSON written is the sample's, field for field and in the sample's order. */
    private static void assertWritten(JsonNode expected, String json, String name) {
        JsonNode written = TopicContracts.parse(json);
        assertEquals(expected, written, name);
        assertEquals(fieldNames(expected), fieldNames(written), name + ": the order of the fields");
    }

    private static List<String> fieldNames(JsonNode message) {
        List<String> names = new ArrayList<>();
        message.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The messages CatalogRows builds for an article stored as the given version. */
    private static List<EventVersion> eventMessages(ArticleDocument document, int version) {
        CatalogRows rows = new CatalogRows(JSON, version == CatalogRows.FIRST_VERSION ? Map.of() : Map.of(document.id(), version));
        rows.addEventsOf(List.of(document));
        return rows.messages();
    }
}

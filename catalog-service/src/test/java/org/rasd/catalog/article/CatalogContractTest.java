package org.rasd.catalog.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.rasd.catalog.event.CatalogEvent;
import org.rasd.testing.TopicContracts;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Both sides of the catalog against the topic contracts of deploy/spec/topics, without a broker: it reads every
 * article sample as its consumer does, and the event messages it builds from them (CatalogRows, with the incident
 * JoinRelay adds, and CatalogEvent's removals) follow the schema of {@code events} and are the event samples,
 * field for field. The incidents, built in SQL, are checked on the topic by EventTopicsContractTest.
 */
class CatalogContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theConsumerReadsEveryArticleSample() {
        for (Path sample : TopicContracts.validSamples(TopicContracts.ARTICLES)) {
            JsonNode record = TopicContracts.read(sample);
            ArticleDocument document = ArticleDocument.parse(JSON, TopicContracts.text(sample), null, null);
            assertEquals(record.path("id").asText(), document.id(), TopicContracts.name(sample));
            assertEquals(record.path("events").size(), document.events().size(), TopicContracts.name(sample));
            assertEquals(record, document.json(), "kept as it came: " + TopicContracts.name(sample));
        }
    }

    @Test
    void theEventMessagesBuiltFromEveryArticleSampleFollowTheEventsSchema() {
        int messages = 0;
        for (Path sample : TopicContracts.validSamples(TopicContracts.ARTICLES)) {
            ArticleDocument document = ArticleDocument.parse(JSON, TopicContracts.text(sample), OffsetDateTime.now(ZoneOffset.ofHours(1)), null);
            ArticleDocument unknownAcceptance = ArticleDocument.parse(JSON, TopicContracts.text(sample), null, null);
            for (ObjectNode message : eventMessages(document, 1)) {
                TopicContracts.assertValid(TopicContracts.EVENTS, CatalogEvent.published(message, UUID.randomUUID().toString()),
                        "an event message of " + TopicContracts.name(sample));
                messages++;
            }
            for (ObjectNode message : eventMessages(unknownAcceptance, 3)) {
                TopicContracts.assertValid(TopicContracts.EVENTS, CatalogEvent.published(message, UUID.randomUUID().toString()),
                        "a third version's event message, acceptance unknown, of " + TopicContracts.name(sample));
                ObjectNode removal = CatalogEvent.removal(JSON, message.path("id").asText(), 4, document.id());
                TopicContracts.assertValid(TopicContracts.EVENTS, removal, "a removal of an event of " + TopicContracts.name(sample));
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
                assertEquals(expected, CatalogEvent.removal(JSON, expected.path("id").asText(), version, articleId), name);
                continue;
            }
            JsonNode acceptedAt = expected.path("acceptedAt");
            ArticleDocument document = ArticleDocument.parse(JSON, articles.get(articleId).payload(),
                    acceptedAt.isNull() ? null : Instant.parse(acceptedAt.asText()).atOffset(ZoneOffset.UTC), null);
            ObjectNode built = eventMessages(document, version).stream()
                    .filter(message -> message.path("id").asText().equals(expected.path("id").asText())).findFirst()
                    .orElseThrow(() -> new AssertionError(name + ": no such event in its article"));
            if (expected.has("incidentId")) {
                CatalogEvent.published(built, expected.path("incidentId").asText());
            }
            assertEquals(expected, built, name);
        }
    }

    /** The messages CatalogRows builds for an article stored as the given version. */
    private static List<ObjectNode> eventMessages(ArticleDocument document, int version) {
        CatalogRows rows = new CatalogRows(JSON, version == CatalogRows.FIRST_VERSION ? Map.of() : Map.of(document.id(), version));
        rows.addEventsOf(List.of(document));
        return rows.messages();
    }
}

package org.rasd.analytics.counting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.rasd.testing.TopicContracts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The consuming side of the {@code events} topic against its contract (deploy/spec/topics/events.schema.json and
 * its samples, which the catalog's contract test shows are what the catalog sends): every sample is an event
 * message analytics can count, and every message the schema accepts has what counting needs.
 */
class EventMessageContractTest {

    /** As the service's ObjectMapper reads (Quarkus registers the java.time module). */
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    @Test
    void everyEventSampleIsAnEventMessageAnalyticsCanCount() throws Exception {
        List<Path> samples = TopicContracts.validSamples(TopicContracts.EVENTS);
        assertTrue(samples.size() >= 3);
        for (Path sample : samples) {
            String name = TopicContracts.name(sample);
            JsonNode json = TopicContracts.read(sample);
            EventMessage message = JSON.readValue(TopicContracts.text(sample), EventMessage.class);
            assertTrue(message.isComplete(), name);
            assertEquals(json.path("id").asText(), message.id(), name);
            assertEquals(json.path("version").asInt(), message.version(), name);
            assertEquals(json.path("filing").asInt(0), message.filing(), name);
            assertEquals(json.path("removed").asBoolean(false), message.removed(), name);
            if (!message.removed()) {
                assertEquals(strings(json.path("countries")), message.countries(), name);
                assertEquals(strings(json.path("themes")), message.themes(), name);
                assertEquals(json.path("incidentId").asText(json.path("id").asText()), message.incident(), name);
                assertEquals(json.path("date").path("value").asText(null), message.dateValue(), name);
                assertEquals(json.path("acceptedAt").isNull(), message.acceptedAt() == null, name);
            }
        }
    }

    @Test
    void theSchemaRejectsEveryInvalidEventSample() {
        List<Path> invalid = TopicContracts.invalidSamples(TopicContracts.EVENTS);
        assertFalse(invalid.isEmpty());
        for (Path sample : invalid) {
            TopicContracts.assertInvalid(TopicContracts.EVENTS, TopicContracts.read(sample), TopicContracts.name(sample));
        }
    }

    /** What EventMessage.isComplete needs, the schema requires: a message the catalog may send is one analytics counts. */
    @Test
    void theSchemaRequiresWhatCountingNeeds() {
        for (Path sample : TopicContracts.validSamples(TopicContracts.EVENTS)) {
            ObjectNode json = (ObjectNode) TopicContracts.read(sample);
            List<String> needed = json.path("removed").asBoolean(false)
                    ? List.of("id", "version", "articleId")
                    : List.of("id", "version", "articleId", "type", "countries", "themes");
            for (String field : needed) {
                ObjectNode without = json.deepCopy();
                without.remove(field);
                TopicContracts.assertInvalid(TopicContracts.EVENTS, without, TopicContracts.name(sample) + " without " + field);
                TopicContracts.assertInvalid(TopicContracts.EVENTS, json.deepCopy().putNull(field), TopicContracts.name(sample) + " with " + field + " null");
            }
            TopicContracts.assertInvalid(TopicContracts.EVENTS, json.deepCopy().put("version", 0), TopicContracts.name(sample) + " at version 0");
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}

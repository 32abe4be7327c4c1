package org.rasd.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.rasd.support.messaging.AcceptedAt;
import org.rasd.testing.KafkaTestResource;
import org.rasd.testing.PostgresTestResource;
import org.rasd.testing.TopicContracts;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the catalog sends on {@code events} and {@code incidents} through its outbox, from article records that
 * follow the {@code articles} contract, follows the contracts of those topics: event versions and a removal, an
 * incident and an incident's removal. The incidents are built in SQL, so only the running catalog shows them. The
 * event API gives an event as the topic carries it. The acts reported here (Morocco with Chile and Uruguay) are no
 * other test's.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class EventTopicsContractTest {

    private static final String ARTICLE = "c0a7ac7000000001";
    private static final String HOSTING = "c0a7ac70000000e1";
    private static final String AGREEMENT = "c0a7ac70000000e2";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static String article(String revision, String... events) {
        return """
                {"id":"%s","url":"https://contract.example/%s","source":"contract.example","title":"عنوان",
                 "publishedAt":"2024-04-03T10:00+01:00","language":"ar","text":"نص المقال","countries":[{"code":"CL","mentions":1},
                 {"code":"MA","mentions":1}],"themes":[{"code":"TRAINING","score":0.5}],"events":[%s],
                 "extractor":"contract-test/1","revision":"%s"}""".formatted(ARTICLE, ARTICLE, String.join(",", events), revision);
    }

    private static String event(String id, String type, String cameo, String partner) {
        return """
                {"id":"%s","type":"%s","cameo":"%s","subject":{"country":"MA","name":null,"role":"وزير"},
                 "partners":[{"country":"%s","name":null,"role":null}],"organisations":[],
                 "date":{"value":"2024-04-02","precision":"day"},"location":{"country":"MA","place":null},"themes":["TRAINING"],
                 "evidence":{"start":0,"end":3},"confidence":0.8}""".formatted(id, type, cameo, partner);
    }

    private static ProducerRecord<String, String> version(String value, Instant acceptedAt) {
        TopicContracts.assertValid(TopicContracts.ARTICLES, value, "the article record sent");
        ProducerRecord<String, String> record = new ProducerRecord<>("articles", 0, ARTICLE, value);
        record.headers().add(AcceptedAt.HEADER, acceptedAt.toString().getBytes(StandardCharsets.UTF_8));
        return record;
    }

    @Test
    void theEventsAndIncidentsSentFollowTheirTopicsContracts() {
        Instant accepted = Instant.parse("2024-04-03T09:12:30.250Z");
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            kafka.produceStrings().fromRecords(version(article("00000000000000a1", event(HOSTING, "HOST", "043", "CL"),
                    event(AGREEMENT, "AGREEMENT", "057", "UY")), accepted)).awaitCompletion(Duration.ofSeconds(20));
            String agreementIncident = awaitIncidentOf(AGREEMENT);
            String hostingIncident = awaitIncidentOf(HOSTING);

            // a corrected version no longer reports the agreement: its event and its incident are removed
            kafka.produceStrings().fromRecords(version(article("00000000000000a2", event(HOSTING, "HOST", "043", "CL")),
                    accepted.plusSeconds(60))).awaitCompletion(Duration.ofSeconds(20));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/events/" + AGREEMENT).then().statusCode(404));

            List<ConsumerRecord<String, String>> incidents = await().atMost(Duration.ofSeconds(60)).until(
                    () -> read(kafka, "incidents", Set.of(hostingIncident, agreementIncident)),
                    records -> records.stream().anyMatch(record -> record.key().equals(agreementIncident) && isRemoval(record)));
            List<ConsumerRecord<String, String>> events = await().atMost(Duration.ofSeconds(60)).until(
                    () -> read(kafka, "events", Set.of(HOSTING, AGREEMENT)),
                    records -> records.stream().anyMatch(record -> record.key().equals(AGREEMENT) && isRemoval(record))
                            && records.stream().anyMatch(record -> record.key().equals(HOSTING) && record.value().contains("\"version\":2")));

            for (ConsumerRecord<String, String> record : events) {
                TopicContracts.assertValid(TopicContracts.EVENTS, record.value(), "the events record keyed " + record.key());
                assertEquals(record.key(), TopicContracts.parse(record.value()).path("id").asText(), "keyed by the event id");
            }
            for (ConsumerRecord<String, String> record : incidents) {
                TopicContracts.assertValid(TopicContracts.INCIDENTS, record.value(), "the incidents record keyed " + record.key());
                assertEquals(record.key(), TopicContracts.parse(record.value()).path("id").asText(), "keyed by the incident id");
            }
            assertTrue(events.stream().anyMatch(record -> !isRemoval(record)
                    && TopicContracts.parse(record.value()).path("incidentId").asText().equals(hostingIncident)), "an event version");
            assertTrue(incidents.stream().anyMatch(record -> record.key().equals(hostingIncident) && !isRemoval(record)), "an incident");

            String lastOfHosting = events.stream().filter(record -> record.key().equals(HOSTING)).toList().getLast().value();
            assertEquals(TopicContracts.parse(lastOfHosting),
                    TopicContracts.parse(given().get("/api/events/" + HOSTING).then().statusCode(200).extract().asString()),
                    "the event API gives the event as published");
        }
    }

    private static String awaitIncidentOf(String eventId) {
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> given().get("/api/events/" + eventId).then().extract().<String>path("incidentId"), notNullValue());
    }

    /** The records of a topic with these keys, all of them from the topic's start. */
    private static List<ConsumerRecord<String, String>> read(KafkaCompanion kafka, String topic, Set<String> keys) {
        return kafka.consumeStrings().fromTopics(topic, Duration.ofSeconds(3)).awaitCompletion(Duration.ofSeconds(30)).getRecords()
                .stream().filter(record -> keys.contains(record.key())).toList();
    }

    private static boolean isRemoval(ConsumerRecord<String, String> record) {
        JsonNode value = TopicContracts.parse(record.value());
        return value.path("removed").asBoolean(false);
    }
}

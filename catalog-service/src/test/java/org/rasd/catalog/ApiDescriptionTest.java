package org.rasd.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.rasd.support.messaging.AcceptedAt;
import org.rasd.testing.KafkaTestResource;
import org.rasd.testing.OpenApiContracts;
import org.rasd.testing.PostgresTestResource;
import org.rasd.testing.SseClient;
import org.rasd.testing.TopicContracts;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /q/openapi} describes what the catalog really answers, the JSON it passes through untouched included, and
 * gives the topics' sample messages the shapes their contracts give them. The article stored here is a sample of
 * {@code articles} (Morocco's minister in Senegal, a visit and an honour), then a correction of it without the
 * honour; no other test sends it, nor reports anything of Senegal.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class ApiDescriptionTest {

    private static final ObjectNode VISIT = (ObjectNode) TopicContracts.read(TopicContracts.validSamples(TopicContracts.ARTICLES)
            .stream().filter(sample -> sample.endsWith("visit-senegal-honor.json")).findFirst().orElseThrow());
    private static final String ARTICLE = VISIT.path("id").asText();
    private static final String VISITING = VISIT.path("events").get(0).path("id").asText();
    private static final String HONOURING = VISIT.path("events").get(1).path("id").asText();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    /** @param acceptedAt when ingest accepted it: a later version replaces an earlier one */
    private static void send(KafkaCompanion kafka, JsonNode record, String acceptedAt) {
        ProducerRecord<String, String> message = new ProducerRecord<>("articles", ARTICLE, record.toString());
        message.headers().add(AcceptedAt.HEADER, acceptedAt.getBytes(StandardCharsets.UTF_8));
        kafka.produceStrings().fromRecords(message).awaitCompletion(Duration.ofSeconds(20));
    }

    @Test
    void theCatalogsAnswersFollowTheSchemasTheDescriptionGives() throws Exception {
        ObjectNode corrected = VISIT.deepCopy().put("revision", "00000000000000c2");
        ((ArrayNode) corrected.path("events")).remove(1);
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            send(kafka, VISIT, "2024-03-04T09:00:00Z");
            await().atMost(Duration.ofSeconds(30)).until(
                    () -> given().get("/api/events/" + HONOURING).then().extract().path("incidentId"), notNullValue());
            send(kafka, corrected, "2024-03-04T11:30:00Z");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/events/" + HONOURING).then().statusCode(404));
        }
        String incident = await().atMost(Duration.ofSeconds(30)).until(
                () -> given().get("/api/events/" + VISITING).then().extract().path("incidentId"), notNullValue());

        OpenApiContracts api = OpenApiContracts.served();
        api.assertAnswerFollows("GET", "/api/articles/{id}", given().get("/api/articles/" + ARTICLE));
        api.assertAnswerFollows("GET", "/api/articles/{id}", given().get("/api/articles/0000000000000000"));
        api.assertAnswerFollows("GET", "/api/articles", given().queryParam("source", VISIT.path("source").asText()).get("/api/articles"));
        api.assertAnswerFollows("GET", "/api/articles/ids", given().queryParam("limit", 1).get("/api/articles/ids"));
        api.assertAnswerFollows("GET", "/api/articles/ids", given().queryParam("storedFrom", "today").get("/api/articles/ids"));
        api.assertAnswerFollows("GET", "/api/events", given().queryParam("country", "SN").get("/api/events"));
        api.assertAnswerFollows("GET", "/api/events", given().queryParam("cursor", "not-one").get("/api/events"));
        api.assertAnswerFollows("GET", "/api/events/changes", given().queryParam("limit", 500).get("/api/events/changes"));
        api.assertAnswerFollows("GET", "/api/events/changes", given().queryParam("after", "none").get("/api/events/changes"));
        api.assertAnswerFollows("GET", "/api/events/{id}", given().get("/api/events/" + VISITING));
        api.assertAnswerFollows("GET", "/api/events/{id}", given().get("/api/events/" + HONOURING));
        api.assertAnswerFollows("GET", "/api/events/export.ndjson", given().queryParam("country", "SN").get("/api/events/export.ndjson"));
        api.assertAnswerFollows("GET", "/api/incidents", given().queryParam("country", "SN").get("/api/incidents"));
        api.assertAnswerFollows("GET", "/api/incidents/{id}", given().get("/api/incidents/" + incident));
        api.assertAnswerFollows("GET", "/api/incidents/export.ndjson",
                given().queryParam("country", "SN").get("/api/incidents/export.ndjson"));

        // the stream from its start: every event of Senegal, and every removal
        try (SseClient reader = SseClient.open("http://localhost:" + RestAssured.port + "/api/events/stream?country=SN",
                "0-0")) {
            List<String> streamed = reader.more(Duration.ofSeconds(3)).stream().map(SseClient.Received::data).toList();
            assertTrue(streamed.stream().anyMatch(data -> data.contains(VISITING)) && streamed.stream()
                    .anyMatch(data -> data.contains(HONOURING) && data.contains("\"removed\":true")), streamed.toString());
            api.assertStreamedFollows("GET", "/api/events/stream", "text/event-stream", streamed);
        }
        api.assertExamplesFollow();
    }

    @Test
    void theTopicsSamplesHaveTheShapesTheDescriptionGivesThem() {
        OpenApiContracts api = OpenApiContracts.served();
        for (Path sample : TopicContracts.validSamples(TopicContracts.ARTICLES)) {
            api.assertFollows(api.component("ArticleRecord"), TopicContracts.read(sample), TopicContracts.name(sample));
        }
        for (Path sample : TopicContracts.validSamples(TopicContracts.EVENTS)) {
            api.assertFollows(api.responseSchema("GET", "/api/events/stream", 200, "text/event-stream"), TopicContracts.read(sample),
                    TopicContracts.name(sample));
        }
        // an incident as the topic carries it is one as the API gives it; its removals are the topic's alone
        TopicContracts.validSamples(TopicContracts.INCIDENTS).stream().filter(sample -> !TopicContracts.read(sample).has("removed"))
                .forEach(sample -> api.assertFollows(api.component("Incident"), TopicContracts.read(sample), TopicContracts.name(sample)));
    }
}

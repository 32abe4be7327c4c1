package org.rasd.analytics;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.rasd.testing.KafkaTestResource;
import org.rasd.testing.OpenApiContracts;
import org.rasd.testing.PostgresTestResource;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /q/openapi} describes what the aggregate and series endpoints really answer. The act counted here (Paraguay
 * hosting Bolivia in 2018, seen then too) is no other test's and falls in no rolling window.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "analytics"))
class ApiDescriptionTest {

    private static final String EVENT = """
            {"id":"a9d1c0de00000001","version":1,"articleId":"a9d1c0de000000a1","articleTitle":"الباراغواي تستضيف وفدا أمنيا بوليفيا",
             "publishedAt":"2018-09-12","acceptedAt":"2018-09-12T10:00:00Z","incidentId":"5d2c4f6e-1b1a-3c3d-9e8f-0a1b2c3d4e5f",
             "countries":["PY","BO"],"type":"HOST","cameo":"043","subject":{"country":"PY","name":null,"role":null},
             "partners":[{"country":"BO","name":null,"role":null}],"organisations":[],"date":{"value":"2018-09-11","precision":"day"},
             "location":{"country":"PY","place":"أسونسيون"},"themes":["TRAINING"],"evidence":{"start":0,"end":40},"confidence":0.8}""";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void theAdminCallsAskForTheKeyAndOpenReadsDoNot() {
        OpenApiContracts api = OpenApiContracts.served();
        assertTrue(api.asksForTheKey("POST", "/api/admin/recount"));
        assertFalse(api.asksForTheKey("GET", "/api/aggregates/countries"), "reads are open unless the service protects them");
        assertFalse(api.asksForTheKey("GET", "/api/series"));
    }

    @Test
    void theAggregateAndSeriesAnswersFollowTheSchemasTheDescriptionGives() {
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            kafka.produceStrings().fromRecords(new ProducerRecord<>("events", "a9d1c0de00000001", EVENT)).awaitCompletion();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/aggregates/countries/PY").then().statusCode(200));

        OpenApiContracts api = OpenApiContracts.served();
        api.assertAnswerFollows("GET", "/api/aggregates/countries", given().get("/api/aggregates/countries"));
        api.assertAnswerFollows("GET", "/api/aggregates/countries/{code}", given().get("/api/aggregates/countries/PY"));
        api.assertAnswerFollows("GET", "/api/aggregates/countries/{code}", given().get("/api/aggregates/countries/ZZ"));
        api.assertAnswerFollows("GET", "/api/aggregates/countries/{code}/partners", given().get("/api/aggregates/countries/PY/partners"));
        api.assertAnswerFollows("GET", "/api/aggregates/themes", given().get("/api/aggregates/themes"));
        api.assertAnswerFollows("GET", "/api/aggregates/recent", given().queryParam("days", 30).get("/api/aggregates/recent"));
        api.assertAnswerFollows("GET", "/api/series", given().queryParam("interval", "month").queryParam("country", "PY")
                .queryParam("from", "2018-01-01").queryParam("to", "2018-12-31").get("/api/series"));
        api.assertAnswerFollows("GET", "/api/series", given().queryParam("interval", "month").queryParam("from", "2018-01-01")
                .queryParam("to", "2018-12-31").get("/api/series"));
        api.assertAnswerFollows("GET", "/api/series", given().queryParam("interval", "fortnight").get("/api/series"));
        api.assertDescribed(api.responseSchema("GET", "/api/aggregates/stream", 200, "text/event-stream"), "the aggregate stream");
        try (StreamClient stream = StreamClient.open("?country=PY&series=year", null)) {
            api.assertStreamedFollows("GET", "/api/aggregates/stream", "text/event-stream",
                    List.of(stream.await(message -> true).data().toString()));
        }
        api.assertExamplesFollow();
    }
}

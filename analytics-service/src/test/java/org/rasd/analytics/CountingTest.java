package org.rasd.analytics;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.rasd.testing.KafkaTestResource;
import org.rasd.testing.PostgresTestResource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "analytics"))
class CountingTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static String event(String id, String article, String type, String countries, String themes) {
        return """
                {"id":"%s","version":1,"articleId":"%s","type":"%s","countries":[%s],"themes":[%s]}"""
                .formatted(id, article, type, countries, themes);
    }

    /** An event the catalog joined into an incident with others. */
    private static String mention(String id, String incident, String article, String type, String countries, String themes) {
        return event(id, article, type, countries, themes).replace("\"version\":1,", "\"version\":1,\"incidentId\":\"" + incident + "\",");
    }

    @Test
    void eachActIsCountedOncePerCountryThemeAndTypeWithItsReportsBeside() {
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            kafka.produceStrings().fromRecords(
                    new ProducerRecord<>("events", "e1", mention("e1", "host-es", "a1", "HOST", "\"MA\",\"ES\"", "\"TERRORISM\"")),
                    new ProducerRecord<>("events", "e2", event("e2", "a1", "VISIT", "\"MA\",\"FR\"", "\"TERRORISM\",\"CYBERSECURITY\"")),
                    new ProducerRecord<>("events", "e1", mention("e1", "host-es", "a1", "HOST", "\"MA\",\"ES\"", "\"TERRORISM\"")),
                    // another outlet's report of the same hosting: one act more reported, not one act more
                    new ProducerRecord<>("events", "e4", mention("e4", "host-es", "a4", "HOST", "\"MA\",\"ES\"", "\"TERRORISM\"")),
                    new ProducerRecord<>("events", "bad", "not json"),
                    // PostgreSQL text cannot hold NUL: no retry can count this one.
                    new ProducerRecord<>("events", "nul", event("nul", "a3", "MEET", "\"M\\u0000A\"", "")),
                    new ProducerRecord<>("events", "e3", event("e3", "a2", "MEET", "\"ES\"", ""))).awaitCompletion();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/aggregates/countries").then().statusCode(200).body("totals.events", equalTo(4)));
        given().get("/api/aggregates/countries").then()
                .body("totals.incidents", equalTo(3))
                .body("totals.articles", equalTo(3))
                .body("countries[0].code", equalTo("ES"))
                .body("countries.find { it.code == 'MA' }.incidents", equalTo(2))
                .body("countries.find { it.code == 'MA' }.events", equalTo(3))
                .body("countries.find { it.code == 'MA' }.articles", equalTo(2))
                .body("countries.find { it.code == 'ES' }.incidents", equalTo(2))
                .body("countries.find { it.code == 'ES' }.articles", equalTo(3))
                .body("countries.find { it.code == 'FR' }.incidents", equalTo(1))
                .body("countries.find { it.code == 'MA' }.byType.HOST", equalTo(1));
        given().get("/api/aggregates/themes").then()
                .body("themes[0].code", equalTo("TERRORISM")).body("themes[0].incidents", equalTo(2))
                .body("themes[0].events", equalTo(3));
        given().get("/api/aggregates/countries/ma").then().statusCode(200)
                .body("incidents", equalTo(2))
                .body("themes.find { it.code == 'TERRORISM' }.incidents", equalTo(2))
                .body("themes.find { it.code == 'CYBERSECURITY' }.events", equalTo(1));
        given().get("/api/aggregates/countries/ZZ").then().statusCode(404).contentType("application/problem+json");

        Map<String, String> reasons = new HashMap<>();
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            kafka.consumeStrings().fromTopics("events.dlq").awaitRecords(2, Duration.ofSeconds(30)).getRecords()
                    .forEach(dead -> reasons.put(dead.key(),
                            new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8)));
        }
        assertTrue(reasons.get("bad").startsWith("not an event message"), reasons.toString());
        assertTrue(reasons.get("nul").contains("SQLSTATE 22021"), reasons.toString());
        given().get("/q/health/ready").then().statusCode(200);
    }
}

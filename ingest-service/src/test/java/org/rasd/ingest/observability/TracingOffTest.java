package org.rasd.ingest.observability;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.rasd.support.messaging.AcceptedAt;
import org.rasd.support.tracing.Traces;
import org.rasd.testing.KafkaTestResource;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tracing as it is by default, off (no collector named): no span, and no trace context on the records. */
@QuarkusTest
@TestProfile(TracingOffTest.Off.class)
@QuarkusTestResource(KafkaTestResource.class)
class TracingOffTest {

    public static class Off implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("%test.rasd.otel.enabled", "false");
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    InMemorySpanExporter spans;

    @Test
    void aPostedArticlesRecordCarriesNoTraceAndNoSpanIsMade() {
        String id = given().header("Authorization", "Bearer rasd-test-key").contentType("application/json")
                .body(Map.of("url", "https://news.example.ma/untraced/" + System.nanoTime(),
                        "text", "استقبل وزير الداخلية المغربي، أمس بالرباط، نظيره الإسباني لبحث مكافحة الإرهاب."))
                .when().post("/api/articles")
                .then().statusCode(202).extract().path("id");
        ConsumerRecord<String, String> published;
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            published = kafka.consumeStrings().fromTopics("articles", records -> records.select().where(record -> id.equals(record.key()))
                    .select().first()).awaitCompletion(Duration.ofSeconds(20)).getRecords().getFirst();
        }
        assertTrue(AcceptedAt.of(published.headers()).isPresent(), "the record is ingest's");
        assertNull(published.headers().lastHeader(Traces.TRACEPARENT), "no traceparent header");
        assertTrue(spans.getFinishedSpanItems().isEmpty(), spans.getFinishedSpanItems().toString());
    }
}

package org.rasd.ingest.observability;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.MDC;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;
import org.rasd.ingest.submission.IngestionService;
import org.rasd.support.logging.LogContext;
import org.rasd.support.tracing.Traces;
import org.rasd.testing.KafkaTestResource;
import org.rasd.testing.LogCapture;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An article's trace from the post to the record it publishes, and the article id in the MDC of its log lines. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class ObservabilityTest {

    private static final String ARTICLE = """
            الرباط - و م ع
            استقبل المدير العام للأمن الوطني عبد اللطيف حموشي، يوم الثلاثاء 13 فبراير 2024 بالرباط، المفوض العام للاستعلامات بالشرطة الإسبانية.
            """;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    InMemorySpanExporter spans;

    @Inject
    Vertx vertx;

    private static String post(String url) {
        return given().header("Authorization", "Bearer rasd-test-key").contentType("application/json")
                .body(Map.of("url", url, "text", ARTICLE))
                .when().post("/api/articles")
                .then().statusCode(202).extract().path("id");
    }

    @Test
    void aPostIsOneTraceFromItsServerSpanToTheRecordItPublishesWhichCarriesIt() {
        String id = post("https://news.example.ma/traced/" + System.nanoTime());
        ConsumerRecord<String, String> published;
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            published = kafka.consumeStrings().fromTopics("articles", records -> records.select().where(record -> id.equals(record.key()))
                    .select().first()).awaitCompletion(Duration.ofSeconds(20)).getRecords().getFirst();
        }
        String traceparent = Traces.traceparent(published.headers());
        assertNotNull(traceparent, "the record carries a traceparent header");
        SpanContext carried = Traces.spanContext(traceparent);
        assertTrue(carried.isSampled(), traceparent);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<SpanData> trace = spans.getFinishedSpanItems().stream()
                    .filter(span -> span.getTraceId().equals(carried.getTraceId())).toList();
            SpanData server = trace.stream().filter(span -> span.getKind() == SpanKind.SERVER).findFirst()
                    .orElseThrow(() -> new AssertionError("no server span in " + trace));
            assertTrue(server.getName().contains("/api/articles"), server.getName());
            assertFalse(server.getParentSpanContext().isValid(), "the post starts the trace");
            SpanData producer = trace.stream().filter(span -> span.getKind() == SpanKind.PRODUCER).findFirst()
                    .orElseThrow(() -> new AssertionError("no producer span in " + trace));
            assertEquals("articles", producer.getAttributes().get(AttributeKey.stringKey("messaging.destination.name")));
            assertEquals(producer.getSpanId(), carried.getSpanId(), "the record carries the producer span's context");
        });
    }

    @Test
    void theLinesLoggedAboutAPostedArticleHaveItsIdInTheirMdcAndJson() {
        try (LogCapture log = new LogCapture(IngestionService.class)) {
            String id = post("https://news.example.ma/logged/" + System.nanoTime());
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                ExtLogRecord accepted = log.records().stream()
                        .filter(record -> record.getFormattedMessage().equals("Article " + id + " accepted, 1 event(s)"))
                        .findFirst().orElseThrow(() -> new AssertionError("no line about " + id + " in " + log.records().stream()
                                .map(ExtLogRecord::getFormattedMessage).toList()));
                assertEquals(id, accepted.getMdc(LogContext.ARTICLE_ID));
                assertNotNull(accepted.getMdc("traceId"), "with tracing on, a line names its trace");
                String json = LogCapture.json(accepted);
                assertTrue(json.contains("\"articleId\":\"" + id + "\""), json);
            });
        }
    }

    @Test
    void aFieldPutForARequestStaysWithItsDuplicatedContextAcrossAsynchronousStepsAndGoesNowhereElse() throws Exception {
        Context request = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        Context another = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        CompletableFuture<Boolean> put = new CompletableFuture<>();
        CompletableFuture<Object> later = new CompletableFuture<>();
        request.runOnContext(ignored -> {
            put.complete(LogContext.forContext(LogContext.ARTICLE_ID, "a-request's"));
            vertx.setTimer(20, timer -> later.complete(MDC.get(LogContext.ARTICLE_ID)));
        });
        assertTrue(put.get(5, TimeUnit.SECONDS));
        assertEquals("a-request's", later.get(5, TimeUnit.SECONDS), "the timer's callback runs on the request's context");
        CompletableFuture<Object> elsewhere = new CompletableFuture<>();
        another.runOnContext(ignored -> elsewhere.complete(MDC.get(LogContext.ARTICLE_ID)));
        assertNull(elsewhere.get(5, TimeUnit.SECONDS));

        assertFalse(LogContext.forContext(LogContext.ARTICLE_ID, "a thread's"), "off a duplicated context nothing is put");
        assertNull(MDC.get(LogContext.ARTICLE_ID));
    }
}

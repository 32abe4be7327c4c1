package org.rasd.catalog.observability;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.rasd.support.tracing.Traces;
import org.rasd.testing.KafkaTestResource;
import org.rasd.testing.PostgresTestResource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The outbox keeps an article's trace: the events its record brings go on to analytics in that trace. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class TraceThroughOutboxTest {

    /** As ingest's producer span would write it: trace 4bf9..., span 00f0..., sampled. */
    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    InMemorySpanExporter spans;

    @Test
    void theEventsOfARecordThatCameWithATraceAreSentOnInThatTrace() {
        String id = "tr" + Long.toHexString(System.nanoTime());
        String article = """
                {"id":"%s","url":"https://news.example/%s","source":"news.example","title":"عنوان","publishedAt":"2024-02-14",
                 "language":"ar","text":"نص المقال","countries":[{"code":"MA","mentions":2}],"themes":[],
                 "events":[{"id":"%s-e1","type":"HOST","cameo":null,"subject":{"country":"MA","name":null,"role":null},
                   "partners":[{"country":"ES","name":null,"role":null}],"organisations":[],
                   "date":{"value":"2024-02-13","precision":"day"},"location":null,"themes":[],"evidence":{"start":0,"end":3},
                   "confidence":0.8}],
                 "extractor":"test/1"}""".formatted(id, id, id);
        SpanContext fromIngest = Traces.spanContext(TRACEPARENT);
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            ProducerRecord<String, String> record = new ProducerRecord<>("articles", id, article);
            record.headers().add(Traces.TRACEPARENT, TRACEPARENT.getBytes(StandardCharsets.UTF_8));
            kafka.produceStrings().fromRecords(record).awaitCompletion(Duration.ofSeconds(20));

            ConsumerRecord<String, String> event = kafka.consumeStrings().fromTopics("events", records -> records
                    .select().where(published -> (id + "-e1").equals(published.key())).select().first())
                    .awaitCompletion(Duration.ofSeconds(30)).getRecords().getFirst();
            String traceparent = Traces.traceparent(event.headers());
            assertNotNull(traceparent, "the event's record carries a traceparent");
            SpanContext carried = Traces.spanContext(traceparent);
            assertEquals(fromIngest.getTraceId(), carried.getTraceId(), "the event's record is in its article's trace");
            assertNotEquals(fromIngest.getSpanId(), carried.getSpanId(), "it names the relay's producer span");
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<SpanData> ended = spans.getFinishedSpanItems();
            SpanData received = ended.stream().filter(span -> span.getKind() == SpanKind.CONSUMER
                            && span.getParentSpanContext().getSpanId().equals(fromIngest.getSpanId()))
                    .findFirst().orElseThrow(() -> new AssertionError("no receive span under the article's in " + ended));
            assertEquals(fromIngest.getTraceId(), received.getTraceId());
            SpanData published = ended.stream().filter(span -> span.getKind() == SpanKind.PRODUCER
                            && span.getTraceId().equals(fromIngest.getTraceId()))
                    .findFirst().orElseThrow(() -> new AssertionError("no producer span in the article's trace in " + ended));
            assertEquals(fromIngest.getSpanId(), published.getParentSpanId(), "the relay sends on from the article's record");
            SpanData stored = ended.stream().filter(span -> span.getName().equals("articles store")
                            && span.getLinks().stream().map(LinkData::getSpanContext).anyMatch(linked ->
                            linked.getTraceId().equals(fromIngest.getTraceId()) && linked.getSpanId().equals(fromIngest.getSpanId())))
                    .findFirst().orElseThrow(() -> new AssertionError("no poll span linked to the article's trace in " + ended));
            assertTrue(stored.getTotalAttributeCount() > 0);
        });
    }
}

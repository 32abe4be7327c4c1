package org.rasd.analytics.observability;

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
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;
import org.rasd.analytics.messaging.EventConsumer;
import org.rasd.support.logging.LogContext;
import org.rasd.support.tracing.Traces;
import org.rasd.testing.KafkaTestResource;
import org.rasd.testing.LogCapture;
import org.rasd.testing.PostgresTestResource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Counting an event joins its article's trace, and the line about it names the event and the article. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "analytics"))
class CountedInTraceTest {

    /** As the catalog's relay would write it: the article's trace, the relay's producer span, sampled. */
    private static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    InMemorySpanExporter spans;

    @Test
    void anEventIsCountedInItsArticlesTraceAndLoggedWithItsIds() {
        String id = "traced-" + System.nanoTime();
        String event = """
                {"id":"%s","version":1,"articleId":"a-traced","type":"HOST","countries":["MA","JP"],"themes":[]}""".formatted(id);
        SpanContext relayed = Traces.spanContext(TRACEPARENT);
        try (LogCapture log = new LogCapture(EventConsumer.class); KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            ProducerRecord<String, String> record = new ProducerRecord<>("events", id, event);
            record.headers().add(Traces.TRACEPARENT, TRACEPARENT.getBytes(StandardCharsets.UTF_8));
            kafka.produceStrings().fromRecords(record).awaitCompletion(Duration.ofSeconds(20));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                ExtLogRecord counted = log.records().stream()
                        .filter(line -> line.getFormattedMessage().equals("Counted event " + id + " of article a-traced"))
                        .findFirst().orElseThrow(() -> new AssertionError("no line about " + id));
                assertEquals(id, counted.getMdc(LogContext.EVENT_ID));
                assertEquals("a-traced", counted.getMdc(LogContext.ARTICLE_ID));
                String json = LogCapture.json(counted);
                assertTrue(json.contains("\"eventId\":\"" + id + "\"") && json.contains("\"articleId\":\"a-traced\""), json);
            });
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<SpanData> ended = spans.getFinishedSpanItems();
            SpanData received = ended.stream().filter(span -> span.getKind() == SpanKind.CONSUMER
                            && span.getParentSpanContext().getSpanId().equals(relayed.getSpanId()))
                    .findFirst().orElseThrow(() -> new AssertionError("no receive span under the relay's in " + ended));
            assertEquals(relayed.getTraceId(), received.getTraceId());
            assertTrue(ended.stream().anyMatch(span -> span.getName().equals("events count") && span.getLinks().stream()
                            .map(LinkData::getSpanContext).anyMatch(linked -> linked.getSpanId().equals(relayed.getSpanId()))),
                    "the poll's span links to the event's trace");
        });
    }
}

package org.rasd.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.rasd.embedded.Topics;
import org.rasd.stack.ServiceMetrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether counting an event costs the same however many were counted before: puts a long history of event
 * messages ({@link SyntheticHistory}: acts reported once or many times, over many countries, partners, themes,
 * types and years, as the catalog publishes them) on the {@code events} topic as fast as the broker takes them, follows analytics' {@code rasd_analytics_events_counted_total}
 * while it works through them, and gives its counting rate over each tenth of the history.
 */
final class CountingHistory {

    /**
     * @param perTenth the counting rate (events/s) over each tenth of the history, in order; the first is the
     *                 services' warm-up (JIT compilation) and the producer's own run, so the second is the start
     */
    record Figures(long events, List<Double> perTenth, Duration took) {
        double start() {
            return perTenth.get(1);
        }

        double end() {
            return perTenth.getLast();
        }

        double ratio() {
            return end() / start();
        }
    }

    /** A reading of the counter: when, and how many were counted by then. */
    record Sample(long nanos, double counted) {
    }

    private static final Duration SAMPLE_EVERY = Duration.ofMillis(250);
    private static final Duration STALL_PATIENCE = Duration.ofSeconds(120);

    private CountingHistory() {
    }

    /** @param scope makes the ids of this run's events, articles and incidents unique */
    static Figures run(String bootstrapServers, String analyticsUrl, SyntheticHistory history, String scope, long events,
                       ObjectMapper json) throws InterruptedException, IOException {
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread producer = Thread.ofPlatform().name("history-producer")
                .start(() -> produce(bootstrapServers, history, scope, events, json, failure));
        List<Sample> samples = follow(analyticsUrl, events);
        producer.join();
        if (failure.get() != null) {
            throw new IllegalStateException("The history producer failed", failure.get());
        }
        return figures(samples, events);
    }

    /** The counting rate over each tenth of the history, from the counter's readings. */
    static Figures figures(List<Sample> samples, long events) {
        List<Double> perTenth = new ArrayList<>();
        long tenthStart = timeOf(samples, 1);
        for (int tenth = 1; tenth <= 10; tenth++) {
            long tenthEnd = timeOf(samples, events * tenth / 10.0);
            perTenth.add(events / 10.0 / ((tenthEnd - tenthStart) / 1e9));
            tenthStart = tenthEnd;
        }
        return new Figures(events, perTenth, Duration.ofNanos(timeOf(samples, events) - timeOf(samples, 1)));
    }

    /** When the counter first reached {@code count}, interpolated between the readings around it. */
    private static long timeOf(List<Sample> samples, double count) {
        for (int i = 1; i < samples.size(); i++) {
            Sample before = samples.get(i - 1);
            Sample after = samples.get(i);
            if (after.counted() >= count) {
                if (after.counted() == before.counted()) {
                    return after.nanos();
                }
                double share = Math.max(0, (count - before.counted()) / (after.counted() - before.counted()));
                return before.nanos() + (long) (share * (after.nanos() - before.nanos()));
            }
        }
        throw new IllegalStateException("analytics counted " + samples.getLast().counted() + " events, never " + count);
    }

    private static void produce(String bootstrapServers, SyntheticHistory history, String scope, long events, ObjectMapper json,
                                AtomicReference<Exception> failure) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.BATCH_SIZE_CONFIG, KafkaBaseline.BATCH_BYTES,
                ProducerConfig.LINGER_MS_CONFIG, 10),
                new StringSerializer(), new ByteArraySerializer())) {
            for (long n = 0; n < events && failure.get() == null; n++) {
                ObjectNode message = history.message(history.next(), scope, json);
                String id = message.path("id").asText();
                producer.send(new ProducerRecord<>(Topics.EVENTS.name(), id, message.toString().getBytes(StandardCharsets.UTF_8)), (metadata, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    }
                });
            }
        }
    }

    /** Reads the counter until it reaches {@code events}, or stops moving for {@link #STALL_PATIENCE}. */
    private static List<Sample> follow(String analyticsUrl, long events) throws InterruptedException, IOException {
        List<Sample> samples = new ArrayList<>();
        try (ServiceMetrics metrics = new ServiceMetrics()) {
            long lastMove = System.nanoTime();
            double last = -1;
            while (true) {
                double counted = metrics.read(analyticsUrl, ServiceMetrics.ANALYTICS_COUNTED);
                long now = System.nanoTime();
                samples.add(new Sample(now, counted));
                if (counted != last) {
                    lastMove = now;
                    last = counted;
                }
                if (counted >= events || now - lastMove > STALL_PATIENCE.toNanos()) {
                    return samples;
                }
                Thread.sleep(SAMPLE_EVERY.toMillis());
            }
        }
    }
}

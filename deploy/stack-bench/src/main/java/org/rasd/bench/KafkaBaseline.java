package org.rasd.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.rasd.embedded.Topics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

/**
 * A bare producer and consumer of the article records ingest publishes, on a scratch topic of the stack's
 * broker partitioned like {@code articles}: what Kafka itself takes on this machine, with ingest's producer
 * guarantees (acks=all, idempotent).
 */
final class KafkaBaseline {

    record Figures(long records, double producedPerSecond, double consumedPerSecond) {
    }

    static final int BATCH_BYTES = 1024 * 1024;
    private static final Duration CONSUME_PATIENCE = Duration.ofSeconds(120);

    private KafkaBaseline() {
    }

    static Figures run(String bootstrapServers, String topic, List<byte[]> records, Duration duration)
            throws InterruptedException, ExecutionException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, Topics.ARTICLES.partitions(), (short) 1))).all().get();
            try {
                long start = System.nanoTime();
                long produced = produce(bootstrapServers, topic, records, start + duration.toNanos());
                double producedPerSecond = produced / ((System.nanoTime() - start) / 1e9);
                return new Figures(produced, producedPerSecond, consumedPerSecond(bootstrapServers, topic, produced));
            } finally {
                admin.deleteTopics(List.of(topic)).all().get();
            }
        }
    }

    /** Sends until {@code end}, then waits for every ack; returns how many were acknowledged. */
    private static long produce(String bootstrapServers, String topic, List<byte[]> records, long end) {
        AtomicLong acked = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                // a record is larger than the default 16 KiB batch, which would send one record a request
                ProducerConfig.BATCH_SIZE_CONFIG, BATCH_BYTES,
                ProducerConfig.LINGER_MS_CONFIG, 10),
                new StringSerializer(), new ByteArraySerializer())) {
            for (long n = 0; System.nanoTime() < end; n++) {
                producer.send(new ProducerRecord<>(topic, "baseline-" + n, records.get((int) (n % records.size()))),
                        (metadata, error) -> {
                            if (error == null) {
                                acked.incrementAndGet();
                            } else {
                                failure.compareAndSet(null, error);
                            }
                        });
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("The baseline producer failed", failure.get());
        }
        return acked.get();
    }

    /** Reads the topic from the start, as a consumer of a new group would, until it has every record. */
    private static double consumedPerSecond(String bootstrapServers, String topic, long expected) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = IntStream.range(0, Topics.ARTICLES.partitions())
                    .mapToObj(p -> new TopicPartition(topic, p)).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long start = System.nanoTime();
            long deadline = start + CONSUME_PATIENCE.toNanos();
            long consumed = 0;
            while (consumed < expected && System.nanoTime() < deadline) {
                consumed += consumer.poll(Duration.ofMillis(100)).count();
            }
            if (consumed < expected) {
                throw new IllegalStateException("The baseline consumer read " + consumed + " of " + expected + " records");
            }
            return consumed / ((System.nanoTime() - start) / 1e9);
        }
    }
}

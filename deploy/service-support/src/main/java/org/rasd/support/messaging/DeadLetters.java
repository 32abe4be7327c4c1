package org.rasd.support.messaging;

import io.micrometer.core.instrument.Metrics;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.rasd.support.logging.LogContext;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Puts a record no retry can store on its dead-letter topic, as it came, with the reason and where it came
 * from in headers, and waits until the broker has it: a consumer acknowledges a record only once it is
 * stored or dead-lettered, so a broker that is down while a bad record is in hand loses nothing and stops
 * nothing.
 */
public final class DeadLetters {

    public static final String REASON = "dead-letter-reason";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";

    public static Uni<Void> send(MutinyEmitter<String> deadLetters, ConsumerRecord<String, String> record, String reason) {
        return send(deadLetters, record, reason, Map.of());
    }

    /** @param about what the record is about, for the MDC of the lines logged about it ({@link LogContext}) */
    public static Uni<Void> send(MutinyEmitter<String> deadLetters, ConsumerRecord<String, String> record, String reason,
                                 Map<String, String> about) {
        LogContext.with(about, () -> Log.warnf("Dead-lettering %s-%d@%d (key %s): %s", record.topic(), record.partition(),
                record.offset(), record.key(), reason));
        return Uni.createFrom().deferred(() -> deadLetters.sendMessage(Message.of(record.value())
                        .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(record.key())
                                .withHeaders(withoutOurs(record.headers())
                                        .add(REASON, bytes(reason))
                                        .add(TOPIC, bytes(record.topic()))
                                        .add(PARTITION, bytes(Integer.toString(record.partition())))
                                        .add(OFFSET, bytes(Long.toString(record.offset()))))
                                .build())))
                .onFailure(failure -> !(failure instanceof RecordTooLargeException))
                .invoke(failure -> LogContext.with(about, () -> Log.warnf("Dead letter not sent yet, retrying: %s", failure.toString())))
                .onFailure(failure -> !(failure instanceof RecordTooLargeException))
                .retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).indefinitely()
                .invoke(() -> Metrics.counter("rasd.dead.letters", "topic", record.topic()).increment())
                // Topics take a record plus headroom for these headers; should one still not fit, it stays where
                // it is, at its offset in its own topic, and the log says where.
                .onFailure(RecordTooLargeException.class).invoke(failure -> LogContext.with(about, () -> Log.errorf(
                        "Dead letter too large for its topic; the record stays at %s-%d@%d", record.topic(), record.partition(),
                        record.offset())))
                .onFailure(RecordTooLargeException.class).recoverWithNull();
    }

    /**
     * The record's own headers (when it was accepted, its trace), which a replay from the dead-letter topic needs
     * as much as its value; without the dead-letter ones of an earlier pass, which these replace.
     */
    private static RecordHeaders withoutOurs(Headers headers) {
        RecordHeaders kept = new RecordHeaders(headers.toArray());
        for (String ours : new String[] {REASON, TOPIC, PARTITION, OFFSET}) {
            kept.remove(ours);
        }
        return kept;
    }

    private static byte[] bytes(String value) {
        return value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
    }

    private DeadLetters() {
    }
}

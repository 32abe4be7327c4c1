package org.rasd.catalog.messaging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.rasd.catalog.event.OutboxEntry;

import java.util.List;

/**
 * Moves committed event messages from the outbox table to the {@code events} topic and deletes them once the
 * broker has acknowledged them. Rows are locked while in flight ({@code skip locked}), so the relay run after
 * each stored article and the periodic sweep (which picks up what a crash left behind) never send a row
 * twice at the same time. A crash between the ack and the delete sends a row again: consumers drop repeats
 * by event id and version.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final int BATCH = 200;

    private final MutinyEmitter<String> events;

    public OutboxRelay(@Channel("events") MutinyEmitter<String> events) {
        this.events = events;
    }

    /** Publishes one batch of pending messages; returns how many. */
    @WithTransaction
    public Uni<Integer> publishPending() {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "select * from event_outbox order by seq limit " + BATCH + " for update skip locked",
                                OutboxEntry.class)
                        .getResultList())
                .chain(this::sendAndDelete);
    }

    private Uni<Integer> sendAndDelete(List<OutboxEntry> pending) {
        if (pending.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<Uni<Void>> sends = pending.stream().map(entry -> events.sendMessage(Message.of(entry.payload)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(entry.eventId).build()))).toList();
        List<Long> sent = pending.stream().map(entry -> entry.seq).toList();
        return Uni.join().all(sends).andFailFast()
                .chain(() -> OutboxEntry.delete("seq in ?1", sent))
                .replaceWith(pending.size());
    }

    /** The sweep: publishes whatever is pending, in batches, until the outbox is empty. */
    public Uni<Void> drain() {
        return publishPending()
                .chain(count -> count == BATCH ? drain() : Uni.createFrom().voidItem());
    }

    @Scheduled(every = "${rasd.catalog.outbox-sweep:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return drain().onFailure().invoke(failure -> Log.warnf("Outbox sweep failed, will retry: %s", failure.toString()))
                .onFailure().recoverWithNull();
    }
}

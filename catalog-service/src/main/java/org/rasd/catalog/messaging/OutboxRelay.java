package org.rasd.catalog.messaging;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Moves committed event messages from the outbox table to the {@code events} topic and deletes them once the
 * broker has acknowledged them, a batch at a time. One drain runs at a time: each stored batch and the
 * periodic sweep (which picks up what a crash or a broker outage left behind) ask for one, and a request
 * that comes while one runs makes it run again. Storing never waits for the relay. A batch whose sends fail
 * stays in the outbox and is sent again whole, as is a row a crash caught between the ack and the delete:
 * analytics drops repeats by event id.
 */
@ApplicationScoped
public class OutboxRelay {

    /** Rows sent per transaction; the emitter's buffer holds a whole batch, and only one is in flight. */
    static final int BATCH = 1000;

    private final MutinyEmitter<String> events;
    private final Pool pool;
    private final CatalogMetrics metrics;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean requested = new AtomicBoolean();

    public OutboxRelay(@Channel("events") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = BATCH)
                       MutinyEmitter<String> events, Pool pool, CatalogMetrics metrics) {
        this.events = events;
        this.pool = pool;
        this.metrics = metrics;
    }

    /** Asks for the outbox to be drained, and returns at once. */
    public void requestDrain() {
        requested.set(true);
        if (draining.compareAndSet(false, true)) {
            requested.set(false);
            drain().onTermination().invoke(() -> {
                        draining.set(false);
                        // a request that came after this drain read the outbox, and found it running, runs now
                        if (requested.get()) {
                            requestDrain();
                        }
                    })
                    .subscribe().with(ignored -> {
                    }, failure -> Log.warnf("Events stay in the outbox for now: %s", failure.toString()));
        }
    }

    /** Publishes batches of pending messages until the outbox is empty. */
    private Uni<Void> drain() {
        return publishPending().chain(count -> count == BATCH ? drain() : Uni.createFrom().voidItem());
    }

    /** Publishes one batch of pending messages; returns how many. */
    private Uni<Integer> publishPending() {
        return pool.withTransaction(tx -> tx
                .preparedQuery("select seq, event_id, payload from event_outbox order by seq limit $1 for update skip locked")
                .execute(Tuple.of(BATCH))
                .chain(pending -> sendAndDelete(tx, pending)));
    }

    private Uni<Integer> sendAndDelete(SqlClient tx, RowSet<Row> pending) {
        if (pending.size() == 0) {
            return Uni.createFrom().item(0);
        }
        List<Uni<Void>> sends = new ArrayList<>();
        List<Long> sent = new ArrayList<>();
        for (Row row : pending) {
            sends.add(events.sendMessage(Message.of(row.getString("payload"))
                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(row.getString("event_id")).build())));
            sent.add(row.getLong("seq"));
        }
        return Uni.join().all(sends).andFailFast()
                .chain(() -> tx.preparedQuery("delete from event_outbox where seq = any($1)").execute(Tuple.of(sent.toArray(Long[]::new))))
                .replaceWith(sent.size());
    }

    /** Also measures the outbox depth: rows a broker outage leaves behind, the one backlog no consumer lag shows. */
    @Scheduled(every = "${rasd.catalog.outbox-sweep:2s}")
    Uni<Void> sweep() {
        return pool.query("select count(*) from event_outbox").execute()
                .invoke(depth -> metrics.outboxDepth(depth.iterator().next().getLong(0)))
                .invoke(this::requestDrain)
                .replaceWithVoid()
                .onFailure().invoke(failure -> Log.warnf("Outbox depth not measured: %s", failure.toString()))
                .onFailure().recoverWithNull();
    }
}

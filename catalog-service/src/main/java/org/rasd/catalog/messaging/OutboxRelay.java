package org.rasd.catalog.messaging;

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
import org.rasd.support.tracing.Traces;

import java.util.ArrayList;
import java.util.List;

/**
 * Moves committed messages from the outbox table to their topic ({@code events}, or {@code incidents}), keyed by
 * the row's {@code event_id} (an incident's id on {@code incidents}), and deletes them once the broker has
 * acknowledged them, a batch at a time. One drain runs at a time: each joined batch and the
 * {@link Sweep} (which picks up what a crash or a broker outage left behind) ask for one. Joining never waits
 * for the relay. A batch whose sends fail
 * stays in the outbox and is sent again whole, as is a row a crash caught between the ack and the delete:
 * analytics drops repeats by event id. An event's message goes on in the trace its article came with (the row's
 * {@code traceparent}): the connector's producer span continues it and writes it to the record's header.
 */
@ApplicationScoped
public class OutboxRelay {

    /** Rows sent per transaction; the emitter's buffer holds a whole batch, and only one is in flight. */
    static final int BATCH = 1000;

    private final MutinyEmitter<String> events;
    private final MutinyEmitter<String> incidents;
    private final Pool pool;
    private final Drain drain = new Drain("Events stay in the outbox", this::drain);

    public OutboxRelay(@Channel("events") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = BATCH)
                       MutinyEmitter<String> events,
                       @Channel("incidents") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = BATCH)
                       MutinyEmitter<String> incidents, Pool pool) {
        this.events = events;
        this.incidents = incidents;
        this.pool = pool;
    }

    /** Asks for the outbox to be drained, and returns at once. */
    public void requestDrain() {
        drain.request();
    }

    /** Publishes batches of pending messages until the outbox is empty. */
    private Uni<Void> drain() {
        return publishPending().chain(count -> count == BATCH ? drain() : Uni.createFrom().voidItem());
    }

    /** Publishes one batch of pending messages; returns how many. */
    private Uni<Integer> publishPending() {
        return pool.withTransaction(tx -> tx
                .preparedQuery("select seq, event_id, topic, payload, traceparent from event_outbox order by seq limit $1 for update skip locked")
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
            MutinyEmitter<String> topic = "incidents".equals(row.getString("topic")) ? incidents : events;
            sends.add(topic.sendMessage(Message.of(row.getString("payload"))
                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(row.getString("event_id")).build())
                    .addMetadata(Traces.continuing(row.getString("traceparent")))));
            sent.add(row.getLong("seq"));
        }
        return Uni.join().all(sends).andFailFast()
                .chain(() -> tx.preparedQuery("delete from event_outbox where seq = any($1)").execute(Tuple.of(sent.toArray(Long[]::new))))
                .replaceWith(sent.size());
    }
}

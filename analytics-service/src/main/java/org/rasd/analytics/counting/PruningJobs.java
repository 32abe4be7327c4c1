package org.rasd.analytics.counting;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Deletes what analytics keeps only for a while, each on a Vert.x timer of its own: the stream's old changes
 * ({@link ChangeLog#prune}) and the marks of events removed long ago ({@link Tombstones#prune}). A run that is not
 * over when its next is due lets that one go; a failed run (the database is down) waits for the next.
 */
@ApplicationScoped
public class PruningJobs {

    static final Duration CHANGES_EVERY = Duration.ofMinutes(1);
    static final Duration TOMBSTONES_EVERY = Duration.ofHours(1);

    private final Vertx vertx;
    private final ChangeLog changes;
    private final Tombstones tombstones;
    private volatile List<Long> timers = List.of();

    public PruningJobs(Vertx vertx, ChangeLog changes, Tombstones tombstones) {
        this.vertx = vertx;
        this.changes = changes;
        this.tombstones = tombstones;
    }

    void onStart(@Observes StartupEvent started) {
        timers = List.of(every(CHANGES_EVERY, "aggregate changes", changes::prune),
                every(TOMBSTONES_EVERY, "tombstones", tombstones::prune));
    }

    void onStop(@Observes ShutdownEvent stopping) {
        timers.forEach(vertx::cancelTimer);
    }

    /**
     * Runs a deletion of at most {@code batch} rows, each in a transaction of its own so that none holds its locks
     * long, until one deletes fewer; returns how many rows went.
     */
    static Uni<Long> inBatches(int batch, Supplier<Uni<Integer>> deleteBatch) {
        return Multi.createBy().repeating().uni(deleteBatch::get).whilst(deleted -> deleted == batch)
                .collect().with(Collectors.summingLong(Integer::longValue));
    }

    private long every(Duration period, String what, Supplier<Uni<Long>> prune) {
        AtomicBoolean running = new AtomicBoolean();
        return vertx.setPeriodic(period.toMillis(), tick -> {
            if (running.compareAndSet(false, true)) {
                prune.get().subscribe().with(pruned -> {
                    running.set(false);
                    Log.debugf("Pruned %d %s", pruned, what);
                }, failure -> {
                    running.set(false);
                    Log.warnf("Pruning %s failed, tried again in %s: %s", what, period, failure.toString());
                });
            }
        });
    }
}

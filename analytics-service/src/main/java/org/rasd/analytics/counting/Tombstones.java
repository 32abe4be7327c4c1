package org.rasd.analytics.counting;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Prunes tombstones: the {@code counted_event} rows of removed events, kept so that a late or repeated older version
 * of a removed event is not counted again. Every other row of {@code counted_event} is the counted version of a live
 * event, bounded by the catalog's events; tombstones would grow for ever.
 *
 * <p>The rule is Kafka's for the {@code events} topic's own tombstones: a tombstone is kept for
 * {@link TombstonesConfig#keep()} after the event was removed, then deleted. That keeps counting exactly once:
 * the versions of one event share its key, hence its partition, so a redelivery replays them in order and applies
 * the removal again after any older version it replays. Only an older version arriving more than the retention after
 * its removal (a consumer lagging that far behind, a producer replaying old messages) would be counted again.
 * Nothing else depends on tombstones: the counts, the incidents (and when each was first seen), the rolling windows
 * and the running totals hold no removed event; a recount counts the catalog's live events and carries over whatever
 * tombstones there are.
 */
@ApplicationScoped
public class Tombstones {

    static final int PRUNED_AT_ONCE = 1000;

    /**
     * Tombstones older than the retention. Rows a counting transaction holds are skipped (it may be counting a new
     * version of the event) and left for the next run; the conditions are checked again on the row deleted.
     */
    private static final String PRUNE = """
            delete from counted_event where event_id in (
                select event_id from counted_event where removed and removed_at < now() - make_interval(secs => $1)
                limit $2 for update skip locked)
            and removed and removed_at < now() - make_interval(secs => $1)""";

    private final Pool pool;
    private final TombstonesConfig config;

    public Tombstones(Pool pool, TombstonesConfig config) {
        this.pool = pool;
        this.config = config;
    }

    /** Deletes the tombstones older than the retention, a bounded batch a transaction; returns how many. */
    public Uni<Long> prune() {
        double keptSeconds = config.keep().toMillis() / 1000.0;
        // shared like counting's: a recount that replaces the counts (and every counted_event row) waits for it
        return PruningJobs.inBatches(PRUNED_AT_ONCE, () -> pool.withTransaction(tx -> tx.preparedQuery("select pg_advisory_xact_lock_shared($1)")
                .execute(Tuple.of(AggregateStore.COUNTS_LOCK))
                .chain(() -> tx.preparedQuery(PRUNE).execute(Tuple.of(keptSeconds, PRUNED_AT_ONCE)))
                .map(RowSet::rowCount)));
    }
}

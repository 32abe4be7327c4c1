package org.rasd.analytics.counting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.rasd.support.http.CursorPages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The changes of the aggregates, one row per counting transaction that moved something ({@code aggregate_change}),
 * which every instance relays to its own stream subscribers ({@link ChangeRelay}), whichever instance counted them.
 *
 * <p>A counting transaction appends its change as its last step: it takes {@link #APPEND_LOCK}, held until it
 * commits, and only then draws the change's {@code seq}. So changes commit in {@code seq} order, and a reader that has
 * seen {@code seq} N has seen every committed change below N: none can commit later with a lower {@code seq}. Two
 * transactions that move the same row also append in the order they moved it, so the later change carries the later
 * value.
 *
 * <p>Changes are kept for {@link StreamConfig#keep()} and pruned oldest first, the newest never: every change after
 * one still kept is kept too, and a reader finds out that its place was pruned by not finding the change it had
 * reached.
 */
@ApplicationScoped
public class ChangeLog {

    /** The channel each appended change is notified on, with its {@code seq}. */
    static final String CHANNEL = "aggregate_changes";
    /** The place before the first change: what a reader of an empty log has reached. */
    static final long ORIGIN = 0;
    /** Changes read at a time; a change of a large batch of events may be large. */
    static final int PAGE = 64;
    static final int PRUNED_AT_ONCE = 1000;
    /** Taken by each counting transaction as it appends its change, until it commits. */
    static final long APPEND_LOCK = 0x726173644CL; // "rasdL"

    private static final String APPEND = """
            with appended as (insert into aggregate_change (seq, change, series)
                              values (nextval('aggregate_change_seq'), $1::text::json, $2::text::json) returning seq)
            select pg_notify('%s', seq::text) from appended""".formatted(CHANNEL);
    /** The changes from a place on, that place's own without its content: it tells whether the place is still kept. */
    private static final String FROM = """
            select seq, case when seq <> $1 then change::text end as change, case when seq <> $1 then series::text end as series
            from aggregate_change where seq >= $1 order by seq limit $2""";
    /** The oldest changes older than the keep time, never past a younger one, never the newest. */
    private static final String PRUNE = """
            delete from aggregate_change where seq in (
                select seq from aggregate_change
                where seq < coalesce((select min(seq) from aggregate_change where changed_at >= now() - make_interval(secs => $1)),
                                     (select max(seq) from aggregate_change))
                order by seq limit $2)""";
    private static final TypeReference<Aggregates.Update> UPDATE = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, List<List<String>>>> SERIES_ROWS = new TypeReference<>() {
    };

    /** Thrown by {@link #after} when the change a reader had reached is pruned: the ones after it may be too. */
    static final class PrunedException extends RuntimeException {

        PrunedException(long seq) {
            super("the aggregate change " + seq + " is no longer kept");
        }
    }

    /** A page of changes, and the place to read the next one from (null after the last). */
    private record Page(List<StreamMessage> changes, String next) {
    }

    private final Pool pool;
    private final ObjectMapper mapper;
    private final StreamConfig config;

    public ChangeLog(Pool pool, ObjectMapper mapper, StreamConfig config) {
        this.pool = pool;
        this.mapper = mapper;
        this.config = config;
    }

    /** Appends a counted batch's change, in its transaction, as its last statements (see the class comment). */
    Uni<Void> append(SqlClient tx, Aggregates.Update change, BatchCounts counts) {
        Map<String, List<List<String>>> series = SeriesChanges.moved(counts);
        // sent together: the connection runs them in order, so the change is appended once the lock is taken
        return Uni.combine().all().unis(tx.preparedQuery("select pg_advisory_xact_lock($1)").execute(Tuple.of(APPEND_LOCK)),
                        tx.preparedQuery(APPEND).execute(Tuple.of(json(change), series.isEmpty() ? null : json(series))))
                .discardItems();
    }

    /** The highest {@code seq} committed as the client's snapshot sees it: where aggregates read in that snapshot stand. */
    static Uni<Long> head(SqlClient client) {
        return client.query("select coalesce(max(seq), %d) from aggregate_change".formatted(ORIGIN)).execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }

    Uni<Long> head() {
        return head(pool);
    }

    /**
     * Every change committed after {@code seq}, in order, a page at a time as they are asked for: those committed
     * meanwhile too, up to a page that is not full. Fails with {@link PrunedException} when {@code seq} (other than
     * {@link #ORIGIN}) is no longer kept.
     *
     * @param withSeries whether each change carries the values of the series buckets it moved: asked once a page is
     *                   read, so that it holds for every change committed after a subscriber that follows series came
     */
    Multi<StreamMessage> after(long seq, BooleanSupplier withSeries) {
        return CursorPages.from(Long.toString(seq), from -> page(Long.parseLong(from), withSeries), Page::next)
                .onItem().transformToIterable(Page::changes);
    }

    private Uni<Page> page(long from, BooleanSupplier withSeries) {
        return pool.preparedQuery(FROM).execute(Tuple.of(from, PAGE)).chain(rows -> {
            List<Row> found = new ArrayList<>();
            rows.forEach(found::add);
            if (from != ORIGIN && (found.isEmpty() || found.getFirst().getLong("seq") != from)) {
                return Uni.createFrom().failure(new PrunedException(from));
            }
            String next = found.size() == PAGE ? Long.toString(found.getLast().getLong("seq")) : null;
            boolean series = withSeries.getAsBoolean();
            return Multi.createFrom().iterable(found).filter(row -> row.getLong("seq") != from)
                    .onItem().transformToUniAndConcatenate(row -> message(row, series))
                    .collect().asList().map(changes -> new Page(changes, next));
        });
    }

    private Uni<StreamMessage> message(Row row, boolean withSeries) {
        Aggregates.Update change = read(row.getString("change"), UPDATE);
        String series = row.getString("series");
        Uni<Aggregates.Update> withBuckets = withSeries && series != null
                ? SeriesChanges.read(pool, read(series, SERIES_ROWS)).map(change::withSeries)
                : Uni.createFrom().item(change);
        return withBuckets.map(update -> new StreamMessage(row.getLong("seq"), update));
    }

    /** Deletes the changes older than the keep time, a bounded batch at a time; returns how many. */
    public Uni<Long> prune() {
        double keptSeconds = config.keep().toMillis() / 1000.0;
        return PruningJobs.inBatches(PRUNED_AT_ONCE, () -> pool.preparedQuery(PRUNE).execute(Tuple.of(keptSeconds, PRUNED_AT_ONCE))
                .map(RowSet::rowCount));
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an aggregate change that cannot be written as JSON", e);
        }
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an aggregate change that cannot be read", e);
        }
    }
}

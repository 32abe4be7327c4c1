package org.rasd.analytics.counting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.rasd.analytics.counting.BatchCounts.Dimension;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Counts every event the catalog holds again, from nothing, into scratch copies of the aggregate tables (the schema
 * {@code recount}), and compares them with the live counts; with {@code replace}, the live counts become the
 * recounted ones. That is how an operator checks analytics, and rebuilds it after a loss.
 * <p>
 * A run is a job: it reads the catalog's changes a page at a time, each page counted and the run's position moved in
 * one transaction, so a run stopped anywhere (the catalog unreachable, its instance killed) goes on from where it was
 * when resumed, and a catalog of millions of events is never one long transaction. At the end it reads the changes
 * stored meanwhile and compares in one transaction; a run that replaces holds {@link AggregateStore#COUNTS_LOCK}
 * alone in it, so counting waits only for that last step, and makes sure first that it has counted every version
 * analytics counted (each was stored in the catalog first).
 */
@ApplicationScoped
public class Recount {

    /** One row that differs: its table and key, and its counts live and recounted (null where there is no row). */
    public record Difference(String table, Map<String, String> key, @Schema(nullable = true) Map<String, Long> live,
                             @Schema(nullable = true) Map<String, Long> recounted) {
    }

    /**
     * A run and how far it is. {@code changes}: event versions and removals read from the catalog and counted again;
     * {@code position}: the catalog's stream position reached; {@code matches}, {@code replaced} and
     * {@code differences} (the first hundred) once it is done.
     */
    public record Progress(String id, boolean replace, @Schema(enumeration = {"running", "done", "stopped"}) String state,
                           Instant started, @Schema(nullable = true) Instant finished, long changes,
                           @Schema(nullable = true) String position, @Schema(nullable = true) Boolean matches,
                           @Schema(nullable = true) Boolean replaced, List<Difference> differences,
                           @Schema(nullable = true) String error) {
    }

    /** A run asked for, or resumed, while another one runs: they would share the scratch tables. */
    public static final class AnotherRuns extends RuntimeException {
        public final String running;

        AnotherRuns(String running) {
            super("Recount " + running + " is running; one runs at a time.");
            this.running = running;
        }
    }

    /** A run that cannot be resumed: done, or not the latest, whose scratch counts the latest run's replaced. */
    public static final class NotResumable extends RuntimeException {
        NotResumable(String message) {
            super(message);
        }
    }

    /** A table of counts: its key columns and its count columns. */
    private record CountTable(String name, List<String> keys, List<String> counts) {
    }

    /** Differences reported at most; a recount after a loss may differ in every row. */
    static final int REPORTED = 100;
    /** How often an instance says it still works on its run. */
    static final Duration HEARTBEAT = Duration.ofSeconds(10);
    /** A running run whose instance has not said so for this long has stopped (the instance was killed). */
    static final Duration LEASE = Duration.ofSeconds(60);
    /**
     * Reading a page is tried again after a failure the catalog may get over (a timeout, a restart, a 5xx), for
     * about a minute in all, before the run stops.
     */
    static final int PAGE_ATTEMPTS = 8;
    private static final Duration FIRST_RETRY = Duration.ofMillis(500);
    private static final Duration LAST_RETRY = Duration.ofSeconds(15);
    /**
     * How often a replacing run reads the catalog's latest changes again when it has not yet counted a version
     * analytics counted: a change the catalog stored is paged only once every transaction before it is over.
     */
    static final int CATCH_UP_ATTEMPTS = 20;
    private static final Duration CATCH_UP_WAIT = Duration.ofMillis(500);
    private static final String SCRATCH = "recount";

    private static final List<String> TABLES = Stream.concat(
            Stream.of("counted_event", "counted_article", "counted_incident", "running_totals", "country_article", "window_count"),
            Stream.of(Dimension.values()).map(dimension -> dimension.countTable))
            .toList();
    private static final List<CountTable> COMPARED = Stream.of(
            Stream.of(new CountTable("running_totals", List.of("id"), List.of("events", "articles", "incidents"))),
            Stream.of(Dimension.values()).map(dimension -> new CountTable(dimension.countTable, dimension.keyColumns,
                    dimension == Dimension.COUNTRY ? List.of("events", "articles", "incidents") : List.of("events", "incidents"))),
            Stream.of(new CountTable("window_count", List.of("basis", "dimension", "code", "span", "starts", "previous"),
                    List.of("incidents", "events"))))
            .flatMap(tables -> tables)
            .toList();
    private static final String COLUMNS = "id, replace, state, started, heartbeat, finished, position, changes, matches, replaced, differences, error";
    /** Versions analytics counted that the scratch counts do not hold yet (removals are carried over from the start). */
    private static final String NOT_YET_RECOUNTED = """
            select count(*) from public.counted_event l where not l.removed and not exists (
                select 1 from recount.counted_event r where r.event_id = l.event_id and (r.version, r.filing) >= (l.version, l.filing))""";

    private final Pool pool;
    private final CatalogEvents catalog;
    private final Vertx vertx;
    private final ObjectMapper json;
    private final int pageSize;
    /** This instance, as the owner of the runs it works on. */
    private final String instance = UUID.randomUUID().toString();

    public Recount(Pool pool, @RestClient CatalogEvents catalog, Vertx vertx, ObjectMapper json, RecountConfig config) {
        this.pool = pool;
        this.catalog = catalog;
        this.vertx = vertx;
        this.json = json;
        this.pageSize = config.pageSize();
    }

    /**
     * Starts a run and returns at once; a run whose instance stopped working on it is taken as stopped first.
     *
     * @param authorization passed on to the catalog, whose reads may need a key
     * @throws AnotherRuns (as the failure) when one is running
     */
    public Uni<Progress> start(boolean replace, String authorization) {
        String id = UUID.randomUUID().toString();
        return pool.withTransaction(tx -> tx.preparedQuery("""
                                update recount_run set state = 'stopped', error = 'its instance stopped working on it'
                                where state = 'running' and heartbeat < now() - make_interval(secs => $1)""")
                        .execute(Tuple.of((double) LEASE.toSeconds()))
                        .chain(() -> tx.preparedQuery("insert into recount_run (id, replace, state, owner, started, heartbeat) "
                                + "values ($1, $2, 'running', $3, now(), now())").execute(Tuple.of(UUID.fromString(id), replace, instance)))
                        .chain(() -> scratchTables(tx)))
                .onFailure(Recount::anotherRuns).recoverWithUni(this::refusedForTheOneRunning)
                .invoke(() -> launch(id, replace, null, authorization))
                .chain(() -> progress(id)).map(Optional::orElseThrow);
    }

    /**
     * Goes on with a stopped run from the position it reached; only the latest run, whose counts the scratch tables
     * hold, can be.
     *
     * @return empty when there is no such run
     */
    public Uni<Optional<Progress>> resume(String id, String authorization) {
        return progress(id).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(found);
            }
            Progress run = found.get();
            if (!run.state().equals("stopped")) {
                return Uni.createFrom().failure(run.state().equals("running") ? new AnotherRuns(id)
                        : new NotResumable("Recount " + id + " is done; start another one."));
            }
            return pool.withTransaction(tx -> tx.preparedQuery("""
                                    update recount_run set state = 'running', owner = $2, heartbeat = now(), error = null
                                    where id = $1 and id = (select id from recount_run order by started desc limit 1)""")
                            .execute(Tuple.of(UUID.fromString(id), instance)))
                    .onFailure(Recount::anotherRuns).recoverWithUni(this::refusedForTheOneRunning)
                    .chain(updated -> {
                        if (updated.rowCount() == 0) {
                            return Uni.createFrom().failure(new NotResumable(
                                    "Recount " + id + " is not the latest: the scratch counts are another run's. Start another one."));
                        }
                        launch(id, run.replace(), run.position(), authorization);
                        return progress(id);
                    });
        });
    }

    /** A run as it stands; a running one whose instance stopped saying so within the lease is reported stopped. */
    public Uni<Optional<Progress>> progress(String id) {
        UUID key;
        try {
            key = UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            return Uni.createFrom().item(Optional.empty());
        }
        return pool.preparedQuery("select " + COLUMNS + ", heartbeat < now() - make_interval(secs => $2) as abandoned from recount_run where id = $1")
                .execute(Tuple.of(key, (double) LEASE.toSeconds()))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(progress(rows.iterator().next())));
    }

    private Progress progress(Row row) {
        boolean abandoned = row.getString("state").equals("running") && row.getBoolean("abandoned");
        JsonArray differences = row.getJsonArray("differences");
        try {
            return new Progress(row.getUUID("id").toString(), row.getBoolean("replace"), abandoned ? "stopped" : row.getString("state"),
                    instant(row, "started"), instant(row, "finished"), row.getLong("changes"), row.getString("position"),
                    row.getBoolean("matches"), row.getBoolean("replaced"),
                    differences == null ? List.of() : json.readValue(differences.encode(), new TypeReference<List<Difference>>() {
                    }),
                    abandoned ? "its instance stopped working on it at " + instant(row, "heartbeat") : row.getString("error"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A recount's differences cannot be read back", e);
        }
    }

    private static Instant instant(Row row, String column) {
        return row.getOffsetDateTime(column) == null ? null : row.getOffsetDateTime(column).toInstant();
    }

    private Uni<String> running() {
        return pool.query("select id from recount_run where state = 'running'").execute()
                .map(rows -> rows.size() == 0 ? "(finished since)" : rows.iterator().next().getUUID(0).toString());
    }

    private <T> Uni<T> refusedForTheOneRunning(Throwable uniqueViolation) {
        return running().chain(running -> Uni.createFrom().failure(new AnotherRuns(running)));
    }

    private static boolean anotherRuns(Throwable failure) {
        return failure instanceof PgException pg && "23505".equals(pg.getSqlState());
    }

    /** Works on a run in the background, from {@code position} (null: the first change), saying so every heartbeat. */
    private void launch(String id, boolean replace, String position, String authorization) {
        long beating = vertx.setPeriodic(HEARTBEAT.toMillis(), tick -> pool
                .preparedQuery("update recount_run set heartbeat = now() where id = $1 and owner = $2 and state = 'running'")
                .execute(Tuple.of(UUID.fromString(id), instance)).subscribe().with(beat -> { }, failure -> { }));
        AtomicReference<String> reached = new AtomicReference<>(position);
        Multi.createBy().repeating().uni(() -> page(reached.get(), authorization).call(page -> countPage(id, page)).invoke(page -> reached.set(page.next())))
                .whilst(page -> page.items().size() == pageSize)
                .collect().last()
                .chain(() -> finish(id, replace, reached.get(), authorization))
                .eventually(() -> vertx.cancelTimer(beating))
                .subscribe().with(
                        done -> Log.infof("Recount %s done", id),
                        failure -> {
                            Log.warnf("Recount %s stopped at %s: %s", id, reached.get(), failure.toString());
                            pool.preparedQuery("update recount_run set state = 'stopped', error = $3 where id = $1 and owner = $2 and state = 'running'")
                                    .execute(Tuple.of(UUID.fromString(id), instance, failure.toString()))
                                    .subscribe().with(stopped -> { }, unrecorded -> Log.warnf("Recount %s: its stop was not recorded", id));
                        });
    }

    private Uni<CatalogEvents.Page> page(String after, String authorization) {
        return catalog.after(after, pageSize, authorization)
                .onFailure(Recount::mayPass).retry().withBackOff(FIRST_RETRY, LAST_RETRY).atMost(PAGE_ATTEMPTS);
    }

    /** Whether a failure to read a page may pass: anything but the catalog refusing the request itself. */
    private static boolean mayPass(Throwable failure) {
        return !(failure instanceof WebApplicationException refused && refused.getResponse().getStatus() < 500);
    }

    /** Counts a page into the scratch tables and moves the run's position, in one transaction. */
    private Uni<Void> countPage(String id, CatalogEvents.Page page) {
        return pool.withTransaction(tx -> stillOurs(tx, id)
                .chain(() -> intoScratch(tx))
                .chain(() -> EventCounting.count(tx, page.items()))
                .chain(() -> tx.preparedQuery("update recount_run set position = $2, changes = changes + $3 where id = $1")
                        .execute(Tuple.of(UUID.fromString(id), page.next(), page.items().size())))
                .replaceWithVoid());
    }

    /**
     * Locks the run's row, first in each of its transactions, and fails unless this instance still works on it: a
     * run taken as stopped (and another started, which makes the scratch tables anew) writes nothing more.
     */
    private Uni<Void> stillOurs(SqlClient tx, String id) {
        return tx.preparedQuery("update recount_run set heartbeat = now() where id = $1 and owner = $2 and state = 'running'")
                .execute(Tuple.of(UUID.fromString(id), instance))
                .invoke(updated -> {
                    if (updated.rowCount() == 0) {
                        throw new IllegalStateException("the run was taken as stopped");
                    }
                })
                .replaceWithVoid();
    }

    private static Uni<Void> intoScratch(SqlClient tx) {
        return tx.query("set local search_path to " + SCRATCH + ", public").execute().replaceWithVoid();
    }

    /**
     * The last step, in one transaction: the changes stored since, then the comparison, and the replacement of the
     * live counts where they differ.
     */
    private Uni<Void> finish(String id, boolean replace, String position, String authorization) {
        // the lock before the first write: every version analytics counted was then stored by a catalog transaction
        // older than this one, which the catalog's changes list once it is settled
        return pool.withTransaction(tx -> (replace
                        ? tx.preparedQuery("select pg_advisory_xact_lock($1)").execute(Tuple.of(AggregateStore.COUNTS_LOCK)).replaceWithVoid()
                        : Uni.createFrom().voidItem())
                .chain(() -> stillOurs(tx, id))
                .chain(() -> intoScratch(tx))
                .chain(() -> catchUp(tx, position, authorization, replace ? CATCH_UP_ATTEMPTS : 0))
                .chain(read -> differences(tx).chain(differences -> {
                    boolean replacing = replace && !differences.isEmpty();
                    List<Difference> reported = differences.subList(0, Math.min(REPORTED, differences.size()));
                    return (replacing ? replaceLive(tx) : Uni.createFrom().voidItem())
                            .chain(() -> tx.preparedQuery("""
                                            update recount_run set state = 'done', finished = now(), changes = changes + $2, matches = $3,
                                                   replaced = $4, differences = $5 where id = $1""")
                                    .execute(Tuple.of(UUID.fromString(id), read, differences.isEmpty(), replacing,
                                            new JsonArray(encode(reported)))));
                })))
                .chain(() -> pool.query("drop schema if exists " + SCRATCH + " cascade").execute()
                        .onFailure().invoke(failure -> Log.warnf("Recount %s: scratch tables not dropped: %s", id, failure))
                        .onFailure().recoverWithNull())
                .replaceWithVoid();
    }

    /**
     * Counts the changes stored after {@code position}; returns how many. With attempts left, until every version
     * analytics counted is counted again too, waiting a little between tries.
     */
    private Uni<Long> catchUp(SqlClient tx, String position, String authorization, int attempts) {
        AtomicReference<String> reached = new AtomicReference<>(position);
        return Multi.createBy().repeating().uni(() -> page(reached.get(), authorization)
                        .call(page -> EventCounting.count(tx, page.items())).invoke(page -> reached.set(page.next())))
                .whilst(page -> page.items().size() == pageSize)
                .collect().with(Collectors.summingLong(page -> page.items().size()))
                .chain(read -> attempts == 0 ? Uni.createFrom().item(read) : tx.query(NOT_YET_RECOUNTED).execute().chain(rows -> {
                    long missing = rows.iterator().next().getLong(0);
                    if (missing == 0) {
                        return Uni.createFrom().item(read);
                    }
                    if (attempts == 1) {
                        return Uni.createFrom().failure(new IllegalStateException(missing
                                + " versions analytics counted are not among the catalog's changes yet; nothing replaced"));
                    }
                    return Uni.createFrom().voidItem().onItem().delayIt().by(CATCH_UP_WAIT)
                            .chain(() -> catchUp(tx, reached.get(), authorization, attempts - 1)).map(more -> read + more);
                }));
    }

    private String encode(List<Difference> differences) {
        try {
            return json.writeValueAsString(differences);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A recount's differences cannot be written", e);
        }
    }

    /**
     * The scratch tables, empty but for the removals analytics keeps: an older version of them must still be refused.
     * Each takes its live table's storage parameters too, which «like … including all» leaves out: an incident's
     * members stay in the table's own pages as they do live (toast_tuple_target).
     */
    static Uni<Void> scratchTables(SqlClient tx) {
        String create = TABLES.stream()
                .map(table -> "create table %2$s.%1$s (like public.%1$s including all);".formatted(table, SCRATCH))
                .collect(Collectors.joining("\n"));
        String storage = """
                do $$ declare t record; begin
                  for t in select c.relname, c.reloptions from pg_class c join pg_namespace n on n.oid = c.relnamespace
                           where n.nspname = 'public' and c.relname = any(string_to_array('%1$s', ',')) and c.reloptions is not null loop
                    execute format('alter table %%I.%%I set (%%s)', '%2$s', t.relname, array_to_string(t.reloptions, ', '));
                  end loop;
                end $$;
                """.formatted(String.join(",", TABLES), SCRATCH);
        return tx.query("drop schema if exists %1$s cascade; create schema %1$s;\n%2$s\n%3$s".formatted(SCRATCH, create, storage)
                        + "insert into %s.running_totals (id, events, articles, incidents) values (1, 0, 0, 0);\n".formatted(SCRATCH)
                        + "insert into %s.counted_event select * from public.counted_event where removed;".formatted(SCRATCH))
                .execute().replaceWithVoid();
    }

    private static Uni<List<Difference>> differences(SqlClient tx) {
        List<Uni<List<Difference>>> perTable = COMPARED.stream().map(table -> differences(tx, table)).toList();
        return Uni.join().all(perTable).andFailFast()
                .map(lists -> lists.stream().flatMap(List::stream).toList());
    }

    private static Uni<List<Difference>> differences(SqlClient tx, CountTable table) {
        String keys = String.join(", ", table.keys());
        String live = table.counts().stream().map(column -> "l." + column).collect(Collectors.joining(", "));
        String recounted = table.counts().stream().map(column -> "r." + column).collect(Collectors.joining(", "));
        String sql = "select %1$s, %2$s, %3$s from public.%4$s l full join %5$s.%4$s r using (%1$s) where (%2$s) is distinct from (%3$s) order by %1$s"
                .formatted(keys, live, recounted, table.name(), SCRATCH);
        return tx.query(sql).execute().map(rows -> {
            List<Difference> found = new ArrayList<>();
            int width = table.counts().size();
            for (Row row : rows) {
                Map<String, String> key = new LinkedHashMap<>();
                for (int i = 0; i < table.keys().size(); i++) {
                    key.put(table.keys().get(i), String.valueOf(row.getValue(i)));
                }
                found.add(new Difference(table.name(), key, counts(row, table, table.keys().size()),
                        counts(row, table, table.keys().size() + width)));
            }
            return found;
        });
    }

    /** The counts of one side, from column {@code first} on; null when that side has no such row. */
    private static Map<String, Long> counts(Row row, CountTable table, int first) {
        if (row.getValue(first) == null) {
            return null;
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < table.counts().size(); i++) {
            counts.put(table.counts().get(i), row.getLong(first + i));
        }
        return counts;
    }

    private static Uni<Void> replaceLive(SqlClient tx) {
        String copy = TABLES.stream()
                .map(table -> "delete from public.%1$s; insert into public.%1$s select * from %2$s.%1$s;".formatted(table, SCRATCH))
                .collect(Collectors.joining("\n"));
        return tx.query(copy).execute().replaceWithVoid();
    }
}

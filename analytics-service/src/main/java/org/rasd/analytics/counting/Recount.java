package org.rasd.analytics.counting;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.rasd.analytics.counting.BatchCounts.Dimension;
import org.rasd.support.http.CursorPages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Counts every event the catalog holds again, from nothing, into scratch copies of the aggregate tables (temporary
 * tables, which the transaction sees before the live ones), and compares them with the live counts. With
 * {@code replace}, the live counts become the recounted ones: counting waits meanwhile (the recount holds
 * {@link AggregateStore#COUNTS_LOCK} alone), and since every event analytics has counted was stored in the
 * catalog first, the recount includes them all. That is how an operator rebuilds analytics after a loss.
 */
@ApplicationScoped
public class Recount {

    /** One row that differs: its table and key, and its counts live and recounted (null where there is no row). */
    public record Difference(String table, Map<String, String> key, Map<String, Long> live, Map<String, Long> recounted) {
    }

    /** @param events the events the catalog listed and the recount counted */
    public record Report(long events, boolean matches, boolean replaced, List<Difference> differences) {
    }

    /** A table of counts: its key columns and its count columns. */
    private record CountTable(String name, List<String> keys, List<String> counts) {
    }

    static final int PAGE = 500;
    /** Differences reported at most; a recount after a loss may differ in every row. */
    static final int REPORTED = 100;

    private static final List<String> TABLES = Stream.concat(
            Stream.of("counted_event", "counted_article", "counted_incident", "running_totals", "country_article", "window_count"),
            Stream.of(Dimension.values()).flatMap(dimension -> Stream.of(dimension.countTable, dimension.incidentTable)))
            .toList();
    private static final List<CountTable> COMPARED = Stream.of(
            Stream.of(new CountTable("running_totals", List.of("id"), List.of("events", "articles", "incidents"))),
            Stream.of(Dimension.values()).map(dimension -> new CountTable(dimension.countTable, dimension.keyColumns,
                    dimension == Dimension.COUNTRY ? List.of("events", "articles", "incidents") : List.of("events", "incidents"))),
            Stream.of(new CountTable("window_count", List.of("basis", "dimension", "code", "span", "starts", "previous"),
                    List.of("incidents", "events"))))
            .flatMap(tables -> tables)
            .toList();

    private final Pool pool;
    private final CatalogEvents catalog;

    public Recount(Pool pool, @RestClient CatalogEvents catalog) {
        this.pool = pool;
        this.catalog = catalog;
    }

    /** @param authorization passed on to the catalog, whose reads may need a key */
    public Uni<Report> run(boolean replace, String authorization) {
        return pool.withTransaction(tx -> (replace
                        ? tx.preparedQuery("select pg_advisory_xact_lock($1)").execute(Tuple.of(AggregateStore.COUNTS_LOCK)).replaceWithVoid()
                        : Uni.createFrom().voidItem())
                .chain(() -> scratchTables(tx))
                .chain(() -> countPages(tx, authorization))
                .chain(events -> differences(tx).chain(differences -> {
                    boolean replacing = replace && !differences.isEmpty();
                    Report report = new Report(events, differences.isEmpty(), replacing,
                            differences.subList(0, Math.min(REPORTED, differences.size())));
                    return (replacing ? replaceLive(tx) : Uni.createFrom().voidItem()).replaceWith(report);
                })));
    }

    private static Uni<Void> scratchTables(SqlClient tx) {
        String create = TABLES.stream()
                .map(table -> "create temporary table %1$s (like public.%1$s including all) on commit drop;".formatted(table))
                .collect(Collectors.joining("\n"));
        // removals stay marked: a version an event had before its removal, delivered again, must still be refused
        return tx.query(create + "\ninsert into pg_temp.running_totals (id, events, articles, incidents) values (1, 0, 0, 0);"
                        + "\ninsert into pg_temp.counted_event select * from public.counted_event where removed;"
                        + "\nset local search_path to pg_temp, public;")
                .execute().replaceWithVoid();
    }

    /**
     * Counts the catalog's events page by page into the scratch tables; returns how many there were. A loop, not a
     * recursion: a catalog of millions of events is thousands of pages.
     */
    private Uni<Long> countPages(SqlClient tx, String authorization) {
        return CursorPages.from(null, cursor -> catalog.page(PAGE, cursor, authorization).call(page -> EventCounting.count(tx, page.items())),
                        CatalogEvents.Page::nextCursor)
                .collect().with(Collectors.summingLong(page -> page.items().size()));
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
        String sql = "select %1$s, %2$s, %3$s from public.%4$s l full join pg_temp.%4$s r using (%1$s) where (%2$s) is distinct from (%3$s) order by %1$s"
                .formatted(keys, live, recounted, table.name());
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
                .map(table -> "delete from public.%1$s; insert into public.%1$s select * from pg_temp.%1$s;".formatted(table))
                .collect(Collectors.joining("\n"));
        return tx.query(copy).execute().replaceWithVoid();
    }
}

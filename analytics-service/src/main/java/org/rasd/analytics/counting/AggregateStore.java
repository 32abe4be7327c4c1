package org.rasd.analytics.counting;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.rasd.analytics.counting.Aggregates.CountryRow;
import org.rasd.analytics.counting.Aggregates.ThemeRow;
import org.rasd.analytics.counting.Aggregates.Totals;

import org.rasd.analytics.counting.BatchCounts.Dimension;
import org.rasd.analytics.counting.BatchCounts.Key;
import org.rasd.support.messaging.Batches;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The aggregate tables. A batch of events is counted and marked counted in one transaction, so a redelivered
 * event finds its mark and moves nothing, and a crash before the commit leaves nothing half-counted. Each
 * table takes one statement per batch, and no statement reads more than the rows the batch moves: counting
 * costs the same however many events were counted before.
 */
@ApplicationScoped
public class AggregateStore {

    private static final String COUNTRY_ROWS = """
            select c.country, c.incidents, c.events, c.articles,
                   coalesce(json_object_agg(t.event_type, t.incidents) filter (where t.event_type is not null), '{}') as by_type
            from country_count c left join country_type_count t on t.country = c.country
            %s
            group by c.country, c.incidents, c.events, c.articles
            order by c.incidents desc, c.events desc, c.country""";
    private static final String THEME_ROWS = "select theme, incidents, events from %s %s order by incidents desc, events desc, theme";

    private static final String MARK_COUNTED = """
            insert into counted_event (event_id, version, article_id, accepted_at)
            select * from unnest($1::text[], $2::int[], $3::text[], $4::timestamptz[])
            on conflict (event_id) do nothing
            returning event_id""";

    /** Taken shared by each counting transaction, and alone by a recount that replaces the counts. */
    static final long COUNTS_LOCK = 0x7261736443L; // "rasdC"

    private final Pool pool;

    public AggregateStore(Pool pool) {
        this.pool = pool;
    }

    /**
     * Counts the events of a batch that were not counted before, all in one transaction; returns the rows they
     * moved, or empty when every one was a repeat. A recount that replaces the counts waits for it, and it for
     * the recount.
     */
    public Uni<Optional<Aggregates.Update>> count(List<EventMessage> batch) {
        return pool.withTransaction(tx -> tx.preparedQuery("select pg_advisory_xact_lock_shared($1)").execute(Tuple.of(COUNTS_LOCK))
                .chain(() -> countNew(tx, batch))
                .chain(counted -> counted.isEmpty()
                        ? Uni.createFrom().item(Optional.<Aggregates.Update>empty())
                        : change(tx, counted).map(Optional::of)));
    }

    /**
     * Counts, in the tables the transaction sees first, the events of a batch that were not counted before there.
     *
     * @return the events counted now
     */
    Uni<List<EventMessage>> countNew(SqlClient tx, List<EventMessage> batch) {
        // in id order, like every key below: concurrent counting transactions then lock rows in one order
        List<EventMessage> firstOfEachId = Batches.firstOfEachKey(batch, EventMessage::id).stream()
                .sorted(Comparator.comparing(EventMessage::id)).toList();
        return tx.preparedQuery(MARK_COUNTED).execute(Tuple.of(
                        column(firstOfEachId, EventMessage::id),
                        firstOfEachId.stream().map(EventMessage::version).toArray(Integer[]::new),
                        column(firstOfEachId, EventMessage::articleId),
                        firstOfEachId.stream().map(event -> event.acceptedAt() == null ? null
                                : event.acceptedAt().atOffset(ZoneOffset.UTC)).toArray(OffsetDateTime[]::new)))
                .chain(marked -> {
                    Set<String> newIds = new HashSet<>();
                    marked.forEach(row -> newIds.add(row.getString(0)));
                    List<EventMessage> counted = firstOfEachId.stream().filter(event -> newIds.contains(event.id())).toList();
                    return counted.isEmpty() ? Uni.createFrom().item(counted)
                            : addCounts(tx, BatchCounts.of(counted)).replaceWith(counted);
                });
    }

    private Uni<Void> addCounts(SqlClient tx, BatchCounts sums) {
        return newMembers(tx, "counted_article", List.of("article_id"), keys(sums.articles()))
                .chain(newArticles -> newMembers(tx, "counted_incident", List.of("incident_id"), keys(sums.incidents()))
                        .chain(newIncidents -> tx.preparedQuery("update running_totals set events = events + $1, "
                                        + "articles = articles + $2, incidents = incidents + $3 where id = 1")
                                .execute(Tuple.of(sums.eventCount(), newArticles.size(), newIncidents.size()))))
                .chain(() -> newMembers(tx, "country_article", List.of("country", "article_id"), sums.countryArticles()))
                .chain(newCountryArticles -> addToRows(tx, Dimension.COUNTRY, sums, perRow(newCountryArticles)))
                .chain(() -> addToRows(tx, Dimension.COUNTRY_TYPE, sums, null))
                .chain(() -> addToRows(tx, Dimension.COUNTRY_THEME, sums, null))
                .chain(() -> addToRows(tx, Dimension.THEME, sums, null));
    }

    /**
     * Adds a batch's events to the rows of one dimension, and the incidents those rows did not include yet.
     *
     * @param articlesByRow articles new to each row, for the one dimension that counts them; else null
     */
    private static Uni<Void> addToRows(SqlClient tx, Dimension dimension, BatchCounts sums, Map<Key, Long> articlesByRow) {
        List<String> memberColumns = new ArrayList<>(dimension.keyColumns);
        memberColumns.add("incident_id");
        return newMembers(tx, dimension.incidentTable, memberColumns, sums.incidentMembers().get(dimension)).chain(newMembers -> {
            Map<Key, Long> incidentsByRow = perRow(newMembers);
            SortedMap<Key, Long> events = sums.eventsByRow().get(dimension);
            List<Key> rows = List.copyOf(events.keySet());
            List<String> countColumns = new ArrayList<>(List.of("events", "incidents"));
            List<Object> arrays = new ArrayList<>(keyArrays(rows, dimension.keyColumns.size()));
            arrays.add(events.values().toArray(Long[]::new));
            arrays.add(rows.stream().map(row -> incidentsByRow.getOrDefault(row, 0L)).toArray(Long[]::new));
            if (articlesByRow != null) {
                countColumns.add("articles");
                arrays.add(rows.stream().map(row -> articlesByRow.getOrDefault(row, 0L)).toArray(Long[]::new));
            }
            String keys = String.join(", ", dimension.keyColumns);
            String sql = "insert into %s (%s, %s) select * from unnest(%s) on conflict (%s) do update set %s".formatted(
                    dimension.countTable, keys, String.join(", ", countColumns),
                    unnestArguments(dimension.keyColumns.size(), countColumns.size()), keys,
                    String.join(", ", countColumns.stream()
                            .map(column -> "%1$s = %2$s.%1$s + excluded.%1$s".formatted(column, dimension.countTable)).toList()));
            return tx.preparedQuery(sql).execute(Tuple.from(arrays)).replaceWithVoid();
        });
    }

    /** Inserts membership rows (a row's key and a member), and returns those that were not there before. */
    private static Uni<List<Key>> newMembers(SqlClient tx, String table, List<String> columns, Collection<Key> members) {
        String names = String.join(", ", columns);
        return tx.preparedQuery("insert into %s (%s) select * from unnest(%s) on conflict do nothing returning %s"
                        .formatted(table, names, unnestArguments(columns.size(), 0), names))
                .execute(Tuple.from(keyArrays(List.copyOf(members), columns.size())))
                .map(inserted -> {
                    List<Key> added = new ArrayList<>();
                    for (Row row : inserted) {
                        added.add(new Key(IntStream.range(0, columns.size()).mapToObj(row::getString).toList()));
                    }
                    return added;
                });
    }

    /** {@code $1::text[], ...} for the key columns, then {@code ::bigint[]} for the counts. */
    private static String unnestArguments(int textColumns, int countColumns) {
        return IntStream.rangeClosed(1, textColumns + countColumns)
                .mapToObj(i -> "$" + i + (i <= textColumns ? "::text[]" : "::bigint[]"))
                .collect(Collectors.joining(", "));
    }

    private static List<Object> keyArrays(List<Key> keys, int width) {
        List<Object> arrays = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            int part = i;
            arrays.add(keys.stream().map(key -> key.part(part)).toArray(String[]::new));
        }
        return arrays;
    }

    private static List<Key> keys(Collection<String> values) {
        return values.stream().map(Key::of).toList();
    }

    /** How many new members each row got. */
    private static Map<Key, Long> perRow(List<Key> newMembers) {
        return newMembers.stream().collect(Collectors.groupingBy(Key::row, Collectors.counting()));
    }

    private static String[] column(List<EventMessage> events, Function<EventMessage, String> field) {
        return events.stream().map(field).toArray(String[]::new);
    }

    private Uni<Aggregates.Update> change(SqlClient tx, List<EventMessage> counted) {
        String[] countries = counted.stream().flatMap(event -> event.countries().stream()).distinct().toArray(String[]::new);
        String[] themes = counted.stream().flatMap(event -> event.themes().stream()).distinct().toArray(String[]::new);
        return Uni.combine().all().unis(
                        totals(tx),
                        countryRows(tx, "where c.country = any($1)", Tuple.of(countries)),
                        themeRows(tx, THEME_ROWS.formatted("theme_count", "where theme = any($1)"), Tuple.of(themes)))
                .with((totals, countryRows, themeRows) ->
                        new Aggregates.Update("change", counted.stream().map(EventMessage::id).toList(), totals, countryRows, themeRows));
    }

    /** Whether the database answers right now: tells a message at fault from a database that is down. */
    public Uni<Boolean> answers() {
        return pool.query("select 1").execute().replaceWith(true);
    }

    public Uni<Aggregates.Countries> countries() {
        return Uni.combine().all().unis(totals(pool), countryRows(pool, "", Tuple.tuple()))
                .with(Aggregates.Countries::new);
    }

    public Uni<Aggregates.Themes> themes() {
        return Uni.combine().all()
                .unis(totals(pool), themeRows(pool, THEME_ROWS.formatted("theme_count", ""), Tuple.tuple()))
                .with(Aggregates.Themes::new);
    }

    public Uni<Optional<Aggregates.CountryDetail>> country(String code) {
        return Uni.combine().all().unis(
                        countryRows(pool, "where c.country = $1", Tuple.of(code)),
                        themeRows(pool, THEME_ROWS.formatted("country_theme_count", "where country = $1"), Tuple.of(code)))
                .with((rows, themes) -> rows.stream().findFirst()
                        .map(row -> new Aggregates.CountryDetail(row.code(), row.incidents(), row.events(), row.articles(),
                                row.byType(), themes)));
    }

    public Uni<Aggregates.Update> snapshot() {
        return Uni.combine().all().unis(totals(pool), countryRows(pool, "", Tuple.tuple()),
                        themeRows(pool, THEME_ROWS.formatted("theme_count", ""), Tuple.tuple()))
                .with((totals, countries, themes) -> new Aggregates.Update("snapshot", List.of(), totals, countries, themes));
    }

    private static Uni<Totals> totals(SqlClient client) {
        return client.query("select incidents, events, articles from running_totals where id = 1")
                .execute()
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new Totals(row.getLong("incidents"), row.getLong("events"), row.getLong("articles"));
                });
    }

    private static Uni<List<CountryRow>> countryRows(SqlClient client, String where, Tuple arguments) {
        return client.preparedQuery(COUNTRY_ROWS.formatted(where)).execute(arguments).map(rows -> {
            List<CountryRow> result = new ArrayList<>();
            for (Row row : rows) {
                Map<String, Long> byType = new LinkedHashMap<>();
                JsonObject types = (JsonObject) row.getValue("by_type");
                types.forEach(entry -> byType.put(entry.getKey(), ((Number) entry.getValue()).longValue()));
                result.add(new CountryRow(row.getString("country"), row.getLong("incidents"), row.getLong("events"),
                        row.getLong("articles"), byType));
            }
            return result;
        });
    }

    private static Uni<List<ThemeRow>> themeRows(SqlClient client, String query, Tuple arguments) {
        return client.preparedQuery(query).execute(arguments).map(rows -> {
            List<ThemeRow> result = new ArrayList<>();
            for (Row row : rows) {
                result.add(new ThemeRow(row.getString(0), row.getLong(1), row.getLong(2)));
            }
            return result;
        });
    }
}

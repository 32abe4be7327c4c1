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

import org.rasd.analytics.counting.BatchCounts.Pair;
import org.rasd.support.messaging.Batches;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.Function;

/**
 * The aggregate tables. A batch of events is counted and marked counted in one transaction, so a redelivered
 * event finds its mark and moves nothing, and a crash before the commit leaves nothing half-counted. Each
 * table takes one statement per batch, and no statement reads more than the rows the batch moves: counting
 * costs the same however many events were counted before.
 */
@ApplicationScoped
public class AggregateStore {

    private static final String COUNTRY_ROWS = """
            select c.country, c.events, c.articles,
                   coalesce(json_object_agg(t.event_type, t.events) filter (where t.event_type is not null), '{}') as by_type
            from country_count c left join country_type_count t on t.country = c.country
            %s
            group by c.country, c.events, c.articles
            order by c.events desc, c.country""";

    private static final String MARK_COUNTED = """
            insert into counted_event (event_id, version, article_id, accepted_at)
            select * from unnest($1::text[], $2::int[], $3::text[], $4::timestamptz[])
            on conflict (event_id) do nothing
            returning event_id""";

    private final Pool pool;

    public AggregateStore(Pool pool) {
        this.pool = pool;
    }

    /**
     * Counts the events of a batch that were not counted before, all in one transaction; returns the rows they
     * moved, or empty when every one was a repeat.
     */
    public Uni<Optional<Aggregates.Update>> count(List<EventMessage> batch) {
        // in id order, like every key below: concurrent counting transactions then lock rows in one order
        List<EventMessage> firstOfEachId = Batches.firstOfEachKey(batch, EventMessage::id).stream()
                .sorted(Comparator.comparing(EventMessage::id)).toList();
        return pool.withTransaction(tx -> tx.preparedQuery(MARK_COUNTED).execute(Tuple.of(
                                column(firstOfEachId, EventMessage::id),
                                firstOfEachId.stream().map(EventMessage::version).toArray(Integer[]::new),
                                column(firstOfEachId, EventMessage::articleId),
                                firstOfEachId.stream().map(event -> event.acceptedAt() == null ? null
                                        : event.acceptedAt().atOffset(ZoneOffset.UTC)).toArray(OffsetDateTime[]::new)))
                .chain(marked -> {
                    Set<String> newIds = new HashSet<>();
                    marked.forEach(row -> newIds.add(row.getString(0)));
                    List<EventMessage> counted = firstOfEachId.stream().filter(event -> newIds.contains(event.id())).toList();
                    return counted.isEmpty()
                            ? Uni.createFrom().item(Optional.<Aggregates.Update>empty())
                            : addCounts(tx, BatchCounts.of(counted)).chain(() -> change(tx, counted)).map(Optional::of);
                }));
    }

    private Uni<Void> addCounts(SqlClient tx, BatchCounts sums) {
        return tx.preparedQuery("insert into counted_article select unnest($1::text[]) on conflict do nothing returning article_id")
                .execute(Tuple.of(sums.articles().toArray(String[]::new)))
                .chain(newArticles -> tx.preparedQuery("update running_totals set events = events + $1, articles = articles + $2 where id = 1")
                        .execute(Tuple.of(sums.events(), newArticles.rowCount())))
                .chain(() -> tx.preparedQuery("insert into country_article select * from unnest($1::text[], $2::text[]) "
                                + "on conflict do nothing returning country")
                        .execute(pairColumns(sums.countryArticles())))
                .chain(newCountryArticles -> {
                    Map<String, Long> articlesByCountry = new HashMap<>();
                    newCountryArticles.forEach(row -> articlesByCountry.merge(row.getString(0), 1L, Long::sum));
                    List<String> countries = List.copyOf(sums.byCountry().keySet());
                    return tx.preparedQuery("""
                                    insert into country_count (country, events, articles)
                                    select * from unnest($1::text[], $2::bigint[], $3::bigint[])
                                    on conflict (country) do update
                                    set events = country_count.events + excluded.events,
                                        articles = country_count.articles + excluded.articles""")
                            .execute(Tuple.of(countries.toArray(String[]::new), sums.byCountry().values().toArray(Long[]::new),
                                    countries.stream().map(country -> articlesByCountry.getOrDefault(country, 0L)).toArray(Long[]::new)));
                })
                .chain(() -> addToPairs(tx, "country_type_count", "country, event_type", sums.byCountryAndType()))
                .chain(() -> addToPairs(tx, "country_theme_count", "country, theme", sums.byCountryAndTheme()))
                .chain(() -> tx.preparedQuery("insert into theme_count select * from unnest($1::text[], $2::bigint[]) "
                                + "on conflict (theme) do update set events = theme_count.events + excluded.events")
                        .execute(Tuple.of(sums.byTheme().keySet().toArray(String[]::new), sums.byTheme().values().toArray(Long[]::new))))
                .replaceWithVoid();
    }

    private static Uni<Void> addToPairs(SqlClient tx, String table, String key, SortedMap<Pair, Long> counts) {
        Tuple columns = pairColumns(counts.keySet()).addValue(counts.values().toArray(Long[]::new));
        return tx.preparedQuery("insert into " + table + " (" + key + ", events) select * from unnest($1::text[], $2::text[], $3::bigint[]) "
                        + "on conflict (" + key + ") do update set events = " + table + ".events + excluded.events")
                .execute(columns).replaceWithVoid();
    }

    private static Tuple pairColumns(Collection<Pair> pairs) {
        return Tuple.of(pairs.stream().map(Pair::first).toArray(String[]::new), pairs.stream().map(Pair::second).toArray(String[]::new));
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
                        themeRows(tx, "select theme, events from theme_count where theme = any($1) order by events desc, theme",
                                Tuple.of(themes)))
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
                .unis(totals(pool), themeRows(pool, "select theme, events from theme_count order by events desc, theme", Tuple.tuple()))
                .with(Aggregates.Themes::new);
    }

    public Uni<Optional<Aggregates.CountryDetail>> country(String code) {
        return Uni.combine().all().unis(
                        countryRows(pool, "where c.country = $1", Tuple.of(code)),
                        themeRows(pool, "select theme, events from country_theme_count where country = $1 order by events desc, theme",
                                Tuple.of(code)))
                .with((rows, themes) -> rows.stream().findFirst()
                        .map(row -> new Aggregates.CountryDetail(row.code(), row.events(), row.articles(), row.byType(), themes)));
    }

    public Uni<Aggregates.Update> snapshot() {
        return Uni.combine().all().unis(totals(pool), countryRows(pool, "", Tuple.tuple()),
                        themeRows(pool, "select theme, events from theme_count order by events desc, theme", Tuple.tuple()))
                .with((totals, countries, themes) -> new Aggregates.Update("snapshot", List.of(), totals, countries, themes));
    }

    private static Uni<Totals> totals(SqlClient client) {
        return client.query("select events, articles from running_totals where id = 1")
                .execute()
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new Totals(row.getLong("events"), row.getLong("articles"));
                });
    }

    private static Uni<List<CountryRow>> countryRows(SqlClient client, String where, Tuple arguments) {
        return client.preparedQuery(COUNTRY_ROWS.formatted(where)).execute(arguments).map(rows -> {
            List<CountryRow> result = new ArrayList<>();
            for (Row row : rows) {
                Map<String, Long> byType = new LinkedHashMap<>();
                JsonObject types = (JsonObject) row.getValue("by_type");
                types.forEach(entry -> byType.put(entry.getKey(), ((Number) entry.getValue()).longValue()));
                result.add(new CountryRow(row.getString("country"), row.getLong("events"), row.getLong("articles"), byType));
            }
            return result;
        });
    }

    private static Uni<List<ThemeRow>> themeRows(SqlClient client, String query, Tuple arguments) {
        return client.preparedQuery(query).execute(arguments).map(rows -> {
            List<ThemeRow> result = new ArrayList<>();
            for (Row row : rows) {
                result.add(new ThemeRow(row.getString(0), row.getLong(1)));
            }
            return result;
        });
    }
}

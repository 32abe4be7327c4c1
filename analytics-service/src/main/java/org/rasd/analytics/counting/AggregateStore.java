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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The aggregate tables. Counting an event and marking it counted happen in one transaction, so a redelivered
 * event finds its mark and moves nothing, and a crash before the commit leaves nothing half-counted.
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

    private final Pool pool;

    public AggregateStore(Pool pool) {
        this.pool = pool;
    }

    /** Counts the event unless it was counted before; returns the rows it moved, or empty for a repeat. */
    public Uni<Optional<Aggregates.Update>> count(EventMessage event) {
        return pool.withTransaction(tx -> tx
                .preparedQuery("insert into counted_event (event_id, version, article_id) values ($1, $2, $3) "
                        + "on conflict (event_id) do nothing returning event_id")
                .execute(Tuple.of(event.id(), event.version(), event.articleId()))
                .chain(marked -> marked.rowCount() == 0
                        ? Uni.createFrom().item(Optional.<Aggregates.Update>empty())
                        : addCounts(tx, event).chain(() -> change(tx, event)).map(Optional::of)));
    }

    private Uni<Void> addCounts(SqlClient tx, EventMessage event) {
        List<String> countries = event.countries().stream().distinct().toList();
        List<String> themes = event.themes().stream().distinct().toList();
        Uni<Void> chain = tx.preparedQuery("insert into counted_article values ($1) on conflict do nothing")
                .execute(Tuple.of(event.articleId()))
                .chain(newArticle -> tx.preparedQuery("update running_totals set events = events + 1, articles = articles + $1 where id = 1")
                        .execute(Tuple.of(newArticle.rowCount())))
                .replaceWithVoid();
        for (String country : countries) {
            chain = chain
                    .chain(() -> tx.preparedQuery("insert into country_article values ($1, $2) on conflict do nothing")
                            .execute(Tuple.of(country, event.articleId())))
                    .chain(newArticle -> tx.preparedQuery("""
                                    insert into country_count (country, events, articles) values ($1, 1, $2)
                                    on conflict (country) do update
                                    set events = country_count.events + 1, articles = country_count.articles + excluded.articles""")
                            .execute(Tuple.of(country, newArticle.rowCount())))
                    .chain(() -> increment(tx, "country_type_count", "country, event_type", country, event.type()));
            for (String theme : themes) {
                chain = chain.chain(() -> increment(tx, "country_theme_count", "country, theme", country, theme));
            }
        }
        for (String theme : themes) {
            chain = chain.chain(() -> tx.preparedQuery("insert into theme_count values ($1, 1) "
                    + "on conflict (theme) do update set events = theme_count.events + 1").execute(Tuple.of(theme)).replaceWithVoid());
        }
        return chain;
    }

    private static Uni<Void> increment(SqlClient tx, String table, String key, String first, String second) {
        return tx.preparedQuery("insert into " + table + " (" + key + ", events) values ($1, $2, 1) on conflict (" + key
                        + ") do update set events = " + table + ".events + 1")
                .execute(Tuple.of(first, second)).replaceWithVoid();
    }

    private Uni<Aggregates.Update> change(SqlClient tx, EventMessage event) {
        String[] countries = event.countries().toArray(String[]::new);
        String[] themes = event.themes().toArray(String[]::new);
        return Uni.combine().all().unis(
                        totals(tx),
                        countryRows(tx, "where c.country = any($1)", Tuple.of(countries)),
                        themeRows(tx, "select theme, events from theme_count where theme = any($1) order by events desc, theme",
                                Tuple.of(themes)))
                .with((totals, countryRows, themeRows) ->
                        new Aggregates.Update("change", event.id(), totals, countryRows, themeRows));
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
                .with((totals, countries, themes) -> new Aggregates.Update("snapshot", null, totals, countries, themes));
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

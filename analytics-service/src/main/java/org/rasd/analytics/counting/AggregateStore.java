package org.rasd.analytics.counting;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.rasd.analytics.counting.Aggregates.CountryRow;
import org.rasd.analytics.counting.Aggregates.CodeCount;
import org.rasd.analytics.counting.Aggregates.Totals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The aggregate tables. A batch of event versions is counted ({@link EventCounting}) and marked counted in one
 * transaction, so a redelivered version finds its mark and moves nothing, and a crash before the commit leaves
 * nothing half-counted. No statement reads more than the rows the batch moves: counting costs the same however
 * many events were counted before.
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

    /** Taken shared by each counting transaction and each pruning of tombstones, and alone by a recount that replaces the counts. */
    static final long COUNTS_LOCK = 0x7261736443L; // "rasdC"

    private final Pool pool;
    private final ChangeLog changeLog;

    public AggregateStore(Pool pool, ChangeLog changeLog) {
        this.pool = pool;
        this.changeLog = changeLog;
    }

    /**
     * Counts the event versions of a batch newer than those counted, all in one transaction, and appends the rows they
     * moved to the change log last; returns that change, or empty when every one was a repeat or older. A recount
     * that replaces the counts waits for it, and it for the recount.
     */
    public Uni<Optional<Aggregates.Update>> count(List<EventMessage> batch) {
        return pool.withTransaction(tx -> tx.preparedQuery("select pg_advisory_xact_lock_shared($1)").execute(Tuple.of(COUNTS_LOCK))
                .chain(() -> EventCounting.count(tx, batch))
                .chain(counted -> counted.isEmpty()
                        ? Uni.createFrom().item(Optional.<Aggregates.Update>empty())
                        : change(tx, counted).call(change -> changeLog.append(tx, change, counted.changes())).map(Optional::of)));
    }

    /** The new values of the rows a batch moved: those of the versions it counted and of the ones they replaced. */
    private static Uni<Aggregates.Update> change(SqlClient tx, EventCounting.Counted counted) {
        String[] countries = counted.touched().stream().flatMap(event -> event.countries().stream()).distinct().toArray(String[]::new);
        String[] themes = counted.touched().stream().flatMap(event -> event.themes().stream()).distinct().toArray(String[]::new);
        return Uni.combine().all().unis(
                        totals(tx),
                        countryRows(tx, "where c.country = any($1)", Tuple.of(countries)),
                        themeRows(tx, THEME_ROWS.formatted("theme_count", "where theme = any($1)"), Tuple.of(themes)))
                .with((totals, countryRows, themeRows) ->
                        new Aggregates.Update(Aggregates.Update.CHANGE, counted.versions().stream().map(EventMessage::id).toList(),
                                totals, countryRows, themeRows, List.of()));
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

    /**
     * Every country and theme with the totals, and the change log's head, read in one database snapshot: the
     * snapshot holds exactly the changes up to that head, and the stream goes on with those after it.
     */
    public Uni<StreamMessage> snapshot() {
        return pool.withTransaction(tx -> tx.query("set transaction isolation level repeatable read, read only").execute()
                .chain(() -> Uni.combine().all().unis(totals(tx), countryRows(tx, "", Tuple.tuple()),
                                themeRows(tx, THEME_ROWS.formatted("theme_count", ""), Tuple.tuple()), ChangeLog.head(tx))
                        .with((totals, countries, themes, head) -> new StreamMessage(head,
                                new Aggregates.Update(Aggregates.Update.SNAPSHOT, List.of(), totals, countries, themes, List.of())))));
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

    private static Uni<List<CodeCount>> themeRows(SqlClient client, String query, Tuple arguments) {
        return client.preparedQuery(query).execute(arguments).map(rows -> {
            List<CodeCount> result = new ArrayList<>();
            for (Row row : rows) {
                result.add(new CodeCount(row.getString(0), row.getLong(1), row.getLong(2)));
            }
            return result;
        });
    }
}

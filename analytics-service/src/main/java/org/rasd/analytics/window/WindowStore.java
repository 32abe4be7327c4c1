package org.rasd.analytics.window;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.rasd.analytics.counting.Aggregates.CodeCount;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads rolling windows from the rows counting keeps: by the act's date, the day rows of the series (an act with
 * reports on two days of the window counted once); by first seen, each incident's earliest report.
 */
@ApplicationScoped
public class WindowStore {

    /** The longest window: a year and a day, so that "the last 365 days" holds in a leap year too. */
    public static final int MAX_DAYS = 366;

    /** An act's reports are in one day row each: the window's reports are the sum of its members' refs. */
    private static final String BY_DATE = """
            select %1$s, count(distinct incident_id) as incidents, coalesce(sum(refs), 0) as events
            from %2$s where span = 'day' and starts >= $1 and starts <= $2 %3$s""";
    private static final String BY_SEEN = """
            select %1$s, count(*) as incidents, coalesce(sum(%2$s.refs), 0) as events
            from counted_incident i %3$s where i.first_seen >= $1 %4$s""";
    private static final String ORDER = "group by code order by incidents desc, events desc, code";

    private final Pool pool;

    public WindowStore(Pool pool) {
        this.pool = pool;
    }

    /** The window of the last {@code days} days up to {@code now}: by date, the days ending with {@code now}'s (UTC). */
    public Uni<RecentWindow> recent(int days, RecentWindow.Basis basis, Instant now) {
        return switch (basis) {
            case DATE -> {
                LocalDate last = LocalDate.ofInstant(now, ZoneOffset.UTC);
                String from = last.minusDays(days - 1L).toString();
                Tuple range = Tuple.of(from, last.toString());
                yield window(days, basis, from, last.toString(),
                        query(BY_DATE.formatted("'' as code", "period_incident", ""), range),
                        query(BY_DATE.formatted("country as code", "period_country_incident", ORDER), range),
                        query(BY_DATE.formatted("theme as code", "period_theme_incident", ORDER), range));
            }
            case SEEN -> {
                Instant since = now.minus(days, ChronoUnit.DAYS);
                Tuple after = Tuple.of(since.atOffset(ZoneOffset.UTC));
                yield window(days, basis, since.toString(), now.toString(),
                        query(BY_SEEN.formatted("'' as code", "i", "", ""), after),
                        query(BY_SEEN.formatted("m.country as code", "m", "join country_incident m on m.incident_id = i.incident_id", ORDER), after),
                        query(BY_SEEN.formatted("m.theme as code", "m", "join theme_incident m on m.incident_id = i.incident_id", ORDER), after));
            }
        };
    }

    private static Uni<RecentWindow> window(int days, RecentWindow.Basis basis, String from, String to, Uni<List<CodeCount>> totals,
                                            Uni<List<CodeCount>> countries, Uni<List<CodeCount>> themes) {
        return Uni.combine().all().unis(totals, countries, themes).with((all, byCountry, byTheme) ->
                new RecentWindow(days, basis.label(), from, to, all.getFirst().incidents(), all.getFirst().events(), byCountry, byTheme));
    }

    private Uni<List<CodeCount>> query(String sql, Tuple arguments) {
        return pool.preparedQuery(sql).execute(arguments).map(WindowStore::counts);
    }

    private static List<CodeCount> counts(RowSet<Row> rows) {
        List<CodeCount> counts = new ArrayList<>();
        for (Row row : rows) {
            counts.add(new CodeCount(row.getString("code"), row.getLong("incidents"), row.getLong("events")));
        }
        return counts;
    }
}

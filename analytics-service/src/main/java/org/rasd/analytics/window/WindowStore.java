package org.rasd.analytics.window;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.rasd.analytics.counting.Aggregates.CodeCount;
import org.rasd.analytics.counting.Interval;
import org.rasd.analytics.window.WindowRows.Breakdown;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads rolling windows from the rows counting keeps ({@link WindowRows}): in all, by country and by theme, one
 * statement each, every one a sum over the window's whole months and its other days.
 */
@ApplicationScoped
public class WindowStore {

    /** The longest window: a year and a day, so that "the last 365 days" holds in a leap year too. */
    public static final int MAX_DAYS = 366;

    /** The rows of the days from $2 to $3: the month rows of the whole months from $4 to before $5, the day rows of the rest. */
    private static final String ROWS = """
            (span = 'day' and (starts >= $2 and starts < $4 or starts >= $5 and starts <= $3)
             or span = 'month' and starts >= $4 and starts < $5)""";
    /** By date, an incident counts on the first of its days in the window: the one whose previous day is before it. */
    private static final String BY_DATE = """
            select code, coalesce(sum(incidents) filter (where previous < $2), 0) as incidents, coalesce(sum(events), 0) as events
            from window_count where basis = 'date' and dimension = $1 and %s
            group by code order by incidents desc, events desc, code""".formatted(ROWS);
    /**
     * By first seen, the whole days after the window's first, and the incidents first seen on that day since the
     * window began ($6 to before $7), from the incidents themselves: at most a day of them.
     */
    private static final String BY_SEEN = """
            select code, sum(incidents) as incidents, sum(events) as events
            from (select code, incidents, events from window_count where basis = 'seen' and dimension = $1 and %s
                  union all
                  select %%s, 1, %%s from counted_incident i %%s where i.first_seen >= $6 and i.first_seen < $7) seen
            group by code order by incidents desc, events desc, code""".formatted(ROWS);

    /**
     * The by-seen query of each breakdown: the code of an incident first seen on the window's first day, its reports
     * there (all of them, or those that name the code), and the members that give the code, from the incident.
     */
    private static final Map<Breakdown, String> BY_SEEN_OF = new EnumMap<>(Map.of(
            Breakdown.ALL, BY_SEEN.formatted("''", "i.refs", ""),
            Breakdown.COUNTRY, BY_SEEN.formatted("m.code", "m.refs", members("COUNTRY")),
            Breakdown.THEME, BY_SEEN.formatted("m.code", "m.refs", members("THEME"))));

    /**
     * The incident's members of a dimension's rows, whose keys are one code: each code with its reports there
     * (members named as counting names them, {@code COUNTRY|MA}).
     */
    private static String members(String dimension) {
        return """
                cross join lateral (select split_part(key, '|', 2) as code, value::bigint as refs
                                    from jsonb_each_text(i.members) where key like '%s|%%') m""".formatted(dimension);
    }

    /**
     * Days from {@code from} to {@code to}, and the whole months among them: from {@code monthsFrom} to the day before
     * {@code monthsEnd}, or none when the two are the same day.
     */
    private record Days(LocalDate from, LocalDate to, LocalDate monthsFrom, LocalDate monthsEnd) {

        static Days of(LocalDate from, LocalDate to) {
            LocalDate firstMonth = Interval.MONTH.start(from).equals(from) ? from : Interval.MONTH.next(Interval.MONTH.start(from));
            LocalDate monthsEnd = Interval.MONTH.start(to.plusDays(1));
            LocalDate none = to.plusDays(1);
            return firstMonth.isBefore(monthsEnd) ? new Days(from, to, firstMonth, monthsEnd) : new Days(from, to, none, none);
        }

        /** $1 to $5 of a query with {@link #ROWS}. */
        List<Object> arguments(Breakdown breakdown) {
            return new ArrayList<>(List.of(breakdown.label(), from.toString(), to.toString(), monthsFrom.toString(), monthsEnd.toString()));
        }
    }

    private final Pool pool;

    public WindowStore(Pool pool) {
        this.pool = pool;
    }

    /**
     * The window of the last {@code days} days up to {@code now}: by date, the days ending with {@code now}'s (UTC); by
     * first seen, the {@code days} times 24 hours up to {@code now} (no report is accepted after it).
     */
    public Uni<RecentWindow> recent(int days, RecentWindow.Basis basis, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return switch (basis) {
            case DATE -> {
                Days window = Days.of(today.minusDays(days - 1L), today);
                yield window(days, basis, window.from().toString(), today.toString(),
                        breakdown -> query(BY_DATE, window.arguments(breakdown)));
            }
            case SEEN -> {
                Instant since = now.minus(days, ChronoUnit.DAYS);
                LocalDate firstDay = LocalDate.ofInstant(since, ZoneOffset.UTC);
                Days wholeDays = Days.of(firstDay.plusDays(1), today);
                OffsetDateTime firstDayEnds = firstDay.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
                yield window(days, basis, since.toString(), now.toString(), breakdown -> {
                    List<Object> arguments = wholeDays.arguments(breakdown);
                    arguments.addAll(List.of(since.atOffset(ZoneOffset.UTC), firstDayEnds));
                    return query(BY_SEEN_OF.get(breakdown), arguments);
                });
            }
        };
    }

    private static Uni<RecentWindow> window(int days, RecentWindow.Basis basis, String from, String to,
                                            Function<Breakdown, Uni<List<CodeCount>>> read) {
        return Uni.combine().all().unis(read.apply(Breakdown.ALL), read.apply(Breakdown.COUNTRY), read.apply(Breakdown.THEME))
                .with((all, byCountry, byTheme) -> {
                    CodeCount total = all.isEmpty() ? new CodeCount("", 0, 0) : all.getFirst();
                    return new RecentWindow(days, basis.label(), from, to, total.incidents(), total.events(), byCountry, byTheme);
                });
    }

    private Uni<List<CodeCount>> query(String sql, List<Object> arguments) {
        return pool.preparedQuery(sql).execute(Tuple.from(arguments)).map(WindowStore::counts);
    }

    private static List<CodeCount> counts(RowSet<Row> rows) {
        List<CodeCount> counts = new ArrayList<>();
        for (Row row : rows) {
            counts.add(new CodeCount(row.getString("code"), row.getLong("incidents"), row.getLong("events")));
        }
        return counts;
    }
}

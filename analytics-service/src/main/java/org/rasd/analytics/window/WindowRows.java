package org.rasd.analytics.window;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import org.rasd.analytics.counting.Interval;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Keeps the rows that rolling windows are read from ({@code window_count}), in the counting transaction.
 *
 * <p>A row is one day, by one {@link RecentWindow.Basis basis}, in all or for one country or theme: the incidents it
 * holds and their events (for a country or a theme, the reports that name it). By first seen, an incident is in the
 * row of the UTC day its earliest report was accepted, with all its reports. By the act's date, an incident is in the
 * row of each day its reports give, with the reports of that day; and each such row names the incident's latest
 * earlier day ({@code previous}, empty for its first). In a window from {@code from} to {@code to}, an incident's days
 * inside it follow one another in its sorted days, so exactly one of them, the first, has its previous day before
 * {@code from}. A window's incidents are then the sum of its days' rows whose previous day is before {@code from},
 * and its events the sum of all its days' rows, however many reports each act had on however many days.
 *
 * <p>Each month has the rows of its days summed, by previous day, but for a previous day inside the month itself,
 * which is kept as the month's first day: in a window that holds the whole month, such a day is never the first of
 * its incident's days in the window, and the month's first day is not before the window's. A window is then the
 * rows of its whole months and of its other days: at most 12 months and 62 days of rows a code, each with one row per
 * previous day its incidents have (mostly none), whatever the history holds. A per-incident row would make the same
 * count a scan of every incident in the window.
 *
 * <p>A row depends on all the days of each of its incidents, so a batch makes again the rows of every incident it
 * touches: it locks them, reads what they add to the rows, makes its change, reads that again and adds the
 * difference. The lock makes two counting transactions touching one incident take turns, so that the second reads
 * the days the first committed.
 */
public final class WindowRows {

    /** The {@code previous} of an incident's first day. It sorts before every day. */
    private static final String NONE = "";

    /**
     * Locks the incidents' rows, making those of incidents not counted yet (with no report, which the change then
     * adds), so that a transaction counting the same new incident waits here too.
     */
    private static final String LOCK = """
            insert into counted_incident (incident_id, refs) select unnest($1::text[]), 0
            on conflict (incident_id) do update set refs = counted_incident.refs""";
    /**
     * Each incident's days by each basis and dimension, with its reports on each; each day after its incident's
     * earlier one. The incidents first seen are read once and joined to their memberships (the planner would rather
     * scan all incidents than look up each of a batch's).
     */
    private static final String DAYS = """
            with seen as (select incident_id, to_char(first_seen at time zone 'UTC', 'YYYY-MM-DD') as day, refs
                          from counted_incident where incident_id = any($1) and first_seen is not null)
            select 'date' as basis, 'all' as dimension, '' as code, incident_id, starts as day, refs
              from period_incident where span = 'day' and incident_id = any($1)
            union all select 'date', 'country', country, incident_id, starts, refs
              from period_country_incident where span = 'day' and incident_id = any($1)
            union all select 'date', 'theme', theme, incident_id, starts, refs
              from period_theme_incident where span = 'day' and incident_id = any($1)
            union all select 'seen', 'all', '', incident_id, day, refs from seen
            union all select 'seen', 'country', m.country, s.incident_id, s.day, m.refs
              from seen s join country_incident m on m.incident_id = s.incident_id
            union all select 'seen', 'theme', m.theme, s.incident_id, s.day, m.refs
              from seen s join theme_incident m on m.incident_id = s.incident_id
            order by 1, 2, 3, 4, 5""";
    private static final String CHANGE = """
            insert into window_count as w (basis, dimension, code, span, starts, previous, incidents, events)
            select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[], $8::bigint[])
            on conflict (basis, dimension, span, starts, code, previous)
            do update set incidents = w.incidents + excluded.incidents, events = w.events + excluded.events""";
    private static final String DROP_EMPTY = """
            delete from window_count where (basis, dimension, code, span, starts, previous)
              in (select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])) and incidents <= 0""";

    /** A row of {@code window_count}; sorted as its primary key, so that writers lock rows in one order. */
    private record Key(String basis, String dimension, String code, String span, String starts, String previous)
            implements Comparable<Key> {

        private static final Comparator<Key> ORDER = Comparator.comparing(Key::basis).thenComparing(Key::dimension)
                .thenComparing(Key::span).thenComparing(Key::starts).thenComparing(Key::code).thenComparing(Key::previous);

        @Override
        public int compareTo(Key other) {
            return ORDER.compare(this, other);
        }
    }

    /** What a row holds, or what an incident adds to it. */
    private record Counts(long incidents, long events) {

        Counts plus(Counts other) {
            return new Counts(incidents + other.incidents, events + other.events);
        }

        Counts negated() {
            return new Counts(-incidents, -events);
        }

        boolean isZero() {
            return incidents == 0 && events == 0;
        }
    }

    /** The incident one of its days belongs to, by one basis and dimension. */
    private record Owner(String basis, String dimension, String code, String incident) {

        Key row(Interval span, String starts, String previous) {
            return new Key(basis, dimension, code, span.label(), starts, previous);
        }
    }

    private WindowRows() {
    }

    /**
     * Runs {@code change}, which moves the counts of {@code incidents}, and moves their window rows with it.
     *
     * @param incidents every incident the change touches, sorted
     */
    public static Uni<Void> around(SqlClient tx, List<String> incidents, Supplier<Uni<Void>> change) {
        Tuple ids = Tuple.of(incidents.toArray(String[]::new));
        // sent together: the connection runs them in order, so the rows are read once they are locked
        return Uni.combine().all().unis(tx.preparedQuery(LOCK).execute(ids), rowsOf(tx, ids)).with((locked, before) -> before)
                .chain(before -> change.get()
                        .chain(() -> rowsOf(tx, ids))
                        .chain(after -> apply(tx, difference(before, after))));
    }

    /** What the incidents add to each row. */
    private static Uni<Map<Key, Counts>> rowsOf(SqlClient tx, Tuple incidents) {
        return tx.preparedQuery(DAYS).execute(incidents).map(days -> {
            Map<Key, Counts> rows = new HashMap<>();
            Owner last = null;
            String lastDay = NONE;
            for (Row row : days) {
                Owner owner = new Owner(row.getString("basis"), row.getString("dimension"), row.getString("code"),
                        row.getString("incident_id"));
                String day = row.getString("day");
                String previous = owner.equals(last) ? lastDay : NONE;
                String month = Interval.MONTH.start(LocalDate.parse(day)).toString();
                Counts adds = new Counts(1, row.getLong("refs"));
                rows.merge(owner.row(Interval.DAY, day, previous), adds, Counts::plus);
                rows.merge(owner.row(Interval.MONTH, month, previous.compareTo(month) < 0 ? previous : month), adds, Counts::plus);
                last = owner;
                lastDay = day;
            }
            return rows;
        });
    }

    private static SortedMap<Key, Counts> difference(Map<Key, Counts> before, Map<Key, Counts> after) {
        SortedMap<Key, Counts> change = new TreeMap<>(after);
        before.forEach((row, counts) -> change.merge(row, counts.negated(), Counts::plus));
        change.values().removeIf(Counts::isZero);
        return change;
    }

    private static Uni<Void> apply(SqlClient tx, SortedMap<Key, Counts> change) {
        if (change.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Key> rows = List.copyOf(change.keySet());
        List<Object> keys = List.of(column(rows, Key::basis), column(rows, Key::dimension), column(rows, Key::code),
                column(rows, Key::span), column(rows, Key::starts), column(rows, Key::previous));
        List<Object> changes = new ArrayList<>(keys);
        changes.add(change.values().stream().map(Counts::incidents).toArray(Long[]::new));
        changes.add(change.values().stream().map(Counts::events).toArray(Long[]::new));
        // a row that lost an incident may be left with none: a batch that only adds deletes nothing
        boolean lostSome = change.values().stream().anyMatch(counts -> counts.incidents() < 0);
        return tx.preparedQuery(CHANGE).execute(Tuple.from(changes))
                .chain(() -> lostSome ? tx.preparedQuery(DROP_EMPTY).execute(Tuple.from(keys)).replaceWithVoid() : Uni.createFrom().voidItem());
    }

    private static String[] column(List<Key> rows, Function<Key, String> field) {
        return rows.stream().map(field).toArray(String[]::new);
    }
}

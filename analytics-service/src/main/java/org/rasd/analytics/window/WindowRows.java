package org.rasd.analytics.window;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import org.rasd.analytics.counting.Interval;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

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
 * touches: from what each incident added to the rows before the change and what it adds after it (its
 * {@link Presence presences}, which the counting transaction knows, having locked the incidents), it adds the
 * difference. The lock makes two counting transactions touching one incident take turns, so that the second sees
 * the days the first committed.
 */
public final class WindowRows {

    /** The {@code previous} of an incident's first day. It sorts before every day. */
    private static final String NONE = "";

    private static final String CHANGE = """
            insert into window_count as w (basis, dimension, code, span, starts, previous, incidents, events)
            select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[], $8::bigint[])
            on conflict (basis, dimension, span, starts, code, previous)
            do update set incidents = w.incidents + excluded.incidents, events = w.events + excluded.events""";
    private static final String DROP_EMPTY = """
            delete from window_count where (basis, dimension, code, span, starts, previous)
              in (select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])) and incidents <= 0""";

    /** The breakdowns of a window, as the {@code dimension} of its rows. */
    public enum Breakdown {
        ALL, COUNTRY, THEME;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A day an incident is in, by one basis, in all or for one code (a country or theme its reports there name), with
     * its reports there (those that name the code).
     */
    public record Presence(RecentWindow.Basis basis, Breakdown breakdown, String code, String incident, String day, long refs) {

        private static final Comparator<Presence> ORDER = Comparator.comparing(Presence::basis).thenComparing(Presence::breakdown)
                .thenComparing(Presence::code).thenComparing(Presence::incident).thenComparing(Presence::day);

        Owner owner() {
            return new Owner(basis.label(), breakdown.label(), code, incident);
        }
    }

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

    /** The window rows a change moves, and by how much. */
    public static final class Change {

        private final SortedMap<Key, Counts> rows;

        private Change(SortedMap<Key, Counts> rows) {
            this.rows = rows;
        }

        /** Adds the change to the rows. */
        public Uni<Void> apply(SqlClient tx) {
            if (rows.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            List<Object> changes = new ArrayList<>(keys());
            changes.add(rows.values().stream().map(Counts::incidents).toArray(Long[]::new));
            changes.add(rows.values().stream().map(Counts::events).toArray(Long[]::new));
            return tx.preparedQuery(CHANGE).execute(Tuple.from(changes)).replaceWithVoid();
        }

        /** Deletes the rows the change left with no incident: only a row that lost one can be. */
        public Uni<Void> dropEmpty(SqlClient tx) {
            if (rows.values().stream().noneMatch(counts -> counts.incidents() < 0)) {
                return Uni.createFrom().voidItem();
            }
            return tx.preparedQuery(DROP_EMPTY).execute(Tuple.from(keys())).replaceWithVoid();
        }

        private List<Object> keys() {
            List<Key> keys = List.copyOf(rows.keySet());
            return List.of(column(keys, Key::basis), column(keys, Key::dimension), column(keys, Key::code),
                    column(keys, Key::span), column(keys, Key::starts), column(keys, Key::previous));
        }
    }

    private WindowRows() {
    }

    /** How the rows move when the incidents, which were in the days {@code before}, are in those {@code after}. */
    public static Change change(List<Presence> before, List<Presence> after) {
        return new Change(difference(rowsOf(before), rowsOf(after)));
    }

    /** What the incidents add to each row. */
    private static Map<Key, Counts> rowsOf(List<Presence> presences) {
        Map<Key, Counts> rows = new HashMap<>();
        Owner last = null;
        String lastDay = NONE;
        for (Presence presence : presences.stream().sorted(Presence.ORDER).toList()) {
            Owner owner = presence.owner();
            String day = presence.day();
            String previous = owner.equals(last) ? lastDay : NONE;
            String month = Interval.MONTH.start(LocalDate.parse(day)).toString();
            Counts adds = new Counts(1, presence.refs());
            rows.merge(owner.row(Interval.DAY, day, previous), adds, Counts::plus);
            rows.merge(owner.row(Interval.MONTH, month, previous.compareTo(month) < 0 ? previous : month), adds, Counts::plus);
            last = owner;
            lastDay = day;
        }
        return rows;
    }

    private static SortedMap<Key, Counts> difference(Map<Key, Counts> before, Map<Key, Counts> after) {
        SortedMap<Key, Counts> change = new TreeMap<>(after);
        before.forEach((row, counts) -> change.merge(row, counts.negated(), Counts::plus));
        change.values().removeIf(Counts::isZero);
        return change;
    }

    private static String[] column(List<Key> rows, Function<Key, String> field) {
        return rows.stream().map(field).toArray(String[]::new);
    }
}

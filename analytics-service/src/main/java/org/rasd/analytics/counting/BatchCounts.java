package org.rasd.analytics.counting;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What a batch of event versions changes in each aggregate row, summed in memory so that each table takes one
 * statement per batch: what the new versions add, less what the versions they replace had added. Keys are
 * sorted: every writer then locks rows in the same order and two counting transactions cannot deadlock on them.
 *
 * @param events          the change in the number of counted events
 * @param articles        the change in the counted events of each article
 * @param incidents       the change in the counted events of each incident
 * @param eventsByRow     per dimension, the change in each row's events
 * @param rowsOfIncidents per incident, the change in the counted events by which each row includes it
 * @param countryArticles the change in the counted events by which a country includes an article
 */
record BatchCounts(long events, SortedMap<Key, Long> articles, SortedMap<Key, Long> incidents,
                   Map<Dimension, SortedMap<Key, Long>> eventsByRow, SortedMap<String, Map<Row, Long>> rowsOfIncidents,
                   SortedMap<Key, Long> countryArticles) {

    /** The aggregate rows, each a table of counts keyed by some of an event's fields. */
    enum Dimension {
        COUNTRY("country_count", "country"),
        COUNTRY_TYPE("country_type_count", "country", "event_type"),
        COUNTRY_THEME("country_theme_count", "country", "theme"),
        THEME("theme_count", "theme"),
        PERIOD("period_count", "span", "starts"),
        PERIOD_COUNTRY("period_country_count", "span", "starts", "country"),
        PERIOD_THEME("period_theme_count", "span", "starts", "theme"),
        PERIOD_TYPE("period_type_count", "span", "starts", "event_type"),
        PERIOD_COUNTRY_THEME("period_country_theme_count", "span", "starts", "country", "theme"),
        PERIOD_COUNTRY_TYPE("period_country_type_count", "span", "starts", "country", "event_type"),
        PAIR("pair_count", "country", "partner"),
        PERIOD_PAIR("period_pair_count", "span", "starts", "country", "partner");

        final String countTable;
        final List<String> keyColumns;

        Dimension(String countTable, String... keyColumns) {
            this.countTable = countTable;
            this.keyColumns = List.of(keyColumns);
        }

        /** Whether the rows are the buckets of a time series: keyed by span and first day first. */
        boolean isSeries() {
            return keyColumns.getFirst().equals("span");
        }
    }

    /** The key of an aggregate row, or of a membership row (the row's key and a member). */
    record Key(List<String> parts) implements Comparable<Key> {

        static Key of(String... parts) {
            return new Key(List.of(parts));
        }

        /** The key without its member. */
        Key row() {
            return new Key(parts.subList(0, parts.size() - 1));
        }

        String part(int index) {
            return parts.get(index);
        }

        @Override
        public int compareTo(Key other) {
            for (int i = 0; i < Math.min(parts.size(), other.parts.size()); i++) {
                int byPart = parts.get(i).compareTo(other.parts.get(i));
                if (byPart != 0) {
                    return byPart;
                }
            }
            return Integer.compare(parts.size(), other.parts.size());
        }
    }

    /**
     * An aggregate row: a dimension's table and the row's key. As a member of an incident, named by its dimension and
     * key parts joined by {@link #SEPARATOR} ({@code PERIOD_COUNTRY|day|2024-02-13|MA}), codes and days holding none.
     */
    record Row(Dimension dimension, Key key) implements Comparable<Row> {

        static final String SEPARATOR = "|";

        static Row named(String name) {
            List<String> parts = List.of(name.split(Pattern.quote(SEPARATOR), -1));
            return new Row(Dimension.valueOf(parts.getFirst()), new Key(parts.subList(1, parts.size())));
        }

        String name() {
            return dimension.name() + SEPARATOR + String.join(SEPARATOR, key.parts());
        }

        @Override
        public int compareTo(Row other) {
            int byDimension = dimension.compareTo(other.dimension);
            return byDimension != 0 ? byDimension : key.compareTo(other.key);
        }
    }

    /**
     * @param added   the event versions counted now (removals excluded)
     * @param removed what the versions they replace had added
     */
    static BatchCounts of(List<EventMessage> added, List<EventMessage> removed) {
        Sums sums = new Sums();
        added.forEach(event -> sums.add(event, 1));
        removed.forEach(event -> sums.add(event, -1));
        return sums.sorted(added.size() - removed.size());
    }

    /**
     * The sums as they are taken: hashed, since an event moves some hundred rows and a batch of them merges into each
     * row many times; sorted once at the end, each row once.
     */
    private static final class Sums {

        private final Map<Key, Long> articles = new HashMap<>();
        private final Map<Key, Long> incidents = new HashMap<>();
        private final Map<Dimension, Map<Key, Long>> eventsByRow = new EnumMap<>(Dimension.class);
        private final Map<String, Map<Row, Long>> rowsOfIncidents = new HashMap<>();
        private final Map<Key, Long> countryArticles = new HashMap<>();

        Sums() {
            for (Dimension dimension : Dimension.values()) {
                eventsByRow.put(dimension, new HashMap<>());
            }
        }

        void add(EventMessage event, long sign) {
            articles.merge(Key.of(event.articleId()), sign, Long::sum);
            incidents.merge(Key.of(event.incident()), sign, Long::sum);
            List<String> themes = event.themes().stream().distinct().toList();
            for (String country : event.countries().stream().distinct().toList()) {
                add(Dimension.COUNTRY, Key.of(country), event, sign);
                add(Dimension.COUNTRY_TYPE, Key.of(country, event.type()), event, sign);
                themes.forEach(theme -> add(Dimension.COUNTRY_THEME, Key.of(country, theme), event, sign));
                countryArticles.merge(Key.of(country, event.articleId()), sign, Long::sum);
            }
            themes.forEach(theme -> add(Dimension.THEME, Key.of(theme), event, sign));
            String actor = event.actor();
            List<String> partners = actor == null ? List.of() : event.partnerCountries();
            partners.forEach(partner -> add(Dimension.PAIR, Key.of(actor, partner), event, sign));
            for (Interval.Bucket bucket : Interval.bucketsOf(event.dateValue())) {
                String span = bucket.interval().label();
                String starts = bucket.start().toString();
                add(Dimension.PERIOD, Key.of(span, starts), event, sign);
                for (String country : event.countries().stream().distinct().toList()) {
                    add(Dimension.PERIOD_COUNTRY, Key.of(span, starts, country), event, sign);
                    if (bucket.interval().keepsCombinations()) {
                        themes.forEach(theme -> add(Dimension.PERIOD_COUNTRY_THEME, Key.of(span, starts, country, theme), event, sign));
                        add(Dimension.PERIOD_COUNTRY_TYPE, Key.of(span, starts, country, event.type()), event, sign);
                    }
                }
                themes.forEach(theme -> add(Dimension.PERIOD_THEME, Key.of(span, starts, theme), event, sign));
                add(Dimension.PERIOD_TYPE, Key.of(span, starts, event.type()), event, sign);
                partners.forEach(partner -> add(Dimension.PERIOD_PAIR, Key.of(span, starts, actor, partner), event, sign));
            }
        }

        private void add(Dimension dimension, Key row, EventMessage event, long sign) {
            eventsByRow.get(dimension).merge(row, sign, Long::sum);
            rowsOfIncidents.computeIfAbsent(event.incident(), incident -> new HashMap<>()).merge(new Row(dimension, row), sign, Long::sum);
        }

        /** The sums in key order, without the rows a version moved back to where the one it replaces had left them. */
        BatchCounts sorted(long events) {
            Map<Dimension, SortedMap<Key, Long>> sortedEvents = new EnumMap<>(Dimension.class);
            for (Dimension dimension : Dimension.values()) {
                sortedEvents.put(dimension, nonZero(eventsByRow.get(dimension)));
            }
            SortedMap<String, Map<Row, Long>> sortedRowsOfIncidents = new TreeMap<>();
            rowsOfIncidents.forEach((incident, rows) -> {
                SortedMap<Row, Long> moved = nonZero(rows);
                if (!moved.isEmpty()) {
                    sortedRowsOfIncidents.put(incident, moved);
                }
            });
            return new BatchCounts(events, nonZero(articles), nonZero(incidents), sortedEvents, sortedRowsOfIncidents,
                    nonZero(countryArticles));
        }

        private static <K extends Comparable<K>> SortedMap<K, Long> nonZero(Map<K, Long> sums) {
            sums.values().removeIf(change -> change == 0);
            return new TreeMap<>(sums);
        }
    }

    /** The rows of a dimension whose events or incidents the batch changed. */
    SortedSet<Key> movedRows(Dimension dimension) {
        SortedSet<Key> rows = new TreeSet<>(eventsByRow.get(dimension).keySet());
        rowsOfIncidents.values().forEach(moved -> moved.keySet().stream().filter(row -> row.dimension() == dimension)
                .forEach(row -> rows.add(row.key())));
        return rows;
    }
}

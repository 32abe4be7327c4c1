package org.rasd.analytics.counting;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What a batch of newly counted events adds to each aggregate row, summed in memory so that each table takes
 * one statement per batch. Keys are sorted: every writer then locks rows in the same order and two counting
 * transactions cannot deadlock on them.
 *
 * @param eventCount       events counted
 * @param eventsByRow      events per row of each dimension
 * @param incidentMembers  per dimension, each row's key with an incident it now includes as the last part
 * @param countryArticles  each country's key with an article as the last part
 */
record BatchCounts(int eventCount, SortedSet<String> articles, SortedSet<String> incidents,
                   Map<Dimension, SortedMap<Key, Long>> eventsByRow, Map<Dimension, SortedSet<Key>> incidentMembers,
                   SortedSet<Key> countryArticles) {

    /** The aggregate rows, each a table of counts keyed by some of an event's fields. */
    enum Dimension {
        COUNTRY("country_count", "country_incident", "country"),
        COUNTRY_TYPE("country_type_count", "country_type_incident", "country", "event_type"),
        COUNTRY_THEME("country_theme_count", "country_theme_incident", "country", "theme"),
        THEME("theme_count", "theme_incident", "theme");

        final String countTable;
        final String incidentTable;
        final List<String> keyColumns;

        Dimension(String countTable, String incidentTable, String... keyColumns) {
            this.countTable = countTable;
            this.incidentTable = incidentTable;
            this.keyColumns = List.of(keyColumns);
        }
    }

    /** The key of an aggregate row, or of a membership row (the row's key and a member). */
    record Key(List<String> parts) implements Comparable<Key> {

        static Key of(String... parts) {
            return new Key(List.of(parts));
        }

        Key with(String member) {
            return new Key(Stream.concat(parts.stream(), Stream.of(member)).toList());
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

    /** @param counted events counted for the first time, each id once */
    static BatchCounts of(List<EventMessage> counted) {
        Map<Dimension, SortedMap<Key, Long>> events = new EnumMap<>(Dimension.class);
        Map<Dimension, SortedSet<Key>> incidentMembers = new EnumMap<>(Dimension.class);
        for (Dimension dimension : Dimension.values()) {
            events.put(dimension, new TreeMap<>());
            incidentMembers.put(dimension, new TreeSet<>());
        }
        BatchCounts sums = new BatchCounts(counted.size(), new TreeSet<>(), new TreeSet<>(), events, incidentMembers, new TreeSet<>());
        for (EventMessage event : counted) {
            sums.articles.add(event.articleId());
            sums.incidents.add(event.incident());
            List<String> themes = event.themes().stream().distinct().toList();
            for (String country : event.countries().stream().distinct().toList()) {
                sums.add(Dimension.COUNTRY, Key.of(country), event);
                sums.add(Dimension.COUNTRY_TYPE, Key.of(country, event.type()), event);
                themes.forEach(theme -> sums.add(Dimension.COUNTRY_THEME, Key.of(country, theme), event));
                sums.countryArticles.add(Key.of(country, event.articleId()));
            }
            themes.forEach(theme -> sums.add(Dimension.THEME, Key.of(theme), event));
        }
        return sums;
    }

    private void add(Dimension dimension, Key row, EventMessage event) {
        eventsByRow.get(dimension).merge(row, 1L, Long::sum);
        incidentMembers.get(dimension).add(row.with(event.incident()));
    }
}

package org.rasd.analytics.counting;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a batch of newly counted events adds to each aggregate row, summed in memory so that each table takes
 * one statement per batch. Keys are sorted: every writer then locks rows in the same order and two counting
 * transactions cannot deadlock on them.
 */
record BatchCounts(int events, SortedSet<String> articles, SortedMap<String, Long> byCountry,
                   SortedMap<Pair, Long> byCountryAndType, SortedMap<Pair, Long> byCountryAndTheme,
                   SortedMap<String, Long> byTheme, SortedSet<Pair> countryArticles) {

    /** Two keys of one aggregate row: (country, type), (country, theme) or (country, article). */
    record Pair(String first, String second) implements Comparable<Pair> {
        @Override
        public int compareTo(Pair other) {
            int byFirst = first.compareTo(other.first);
            return byFirst != 0 ? byFirst : second.compareTo(other.second);
        }
    }

    /** @param counted events counted for the first time, each id once */
    static BatchCounts of(List<EventMessage> counted) {
        BatchCounts sums = new BatchCounts(counted.size(), new TreeSet<>(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>(),
                new TreeMap<>(), new TreeSet<>());
        for (EventMessage event : counted) {
            sums.articles.add(event.articleId());
            List<String> themes = event.themes().stream().distinct().toList();
            for (String country : event.countries().stream().distinct().toList()) {
                add(sums.byCountry, country);
                add(sums.byCountryAndType, new Pair(country, event.type()));
                themes.forEach(theme -> add(sums.byCountryAndTheme, new Pair(country, theme)));
                sums.countryArticles.add(new Pair(country, event.articleId()));
            }
            themes.forEach(theme -> add(sums.byTheme, theme));
        }
        return sums;
    }

    private static <K> void add(Map<K, Long> counts, K key) {
        counts.merge(key, 1L, Long::sum);
    }
}

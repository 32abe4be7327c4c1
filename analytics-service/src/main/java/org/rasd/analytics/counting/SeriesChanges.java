package org.rasd.analytics.counting;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import org.rasd.analytics.counting.Aggregates.SeriesBucket;
import org.rasd.analytics.counting.BatchCounts.Dimension;
import org.rasd.analytics.counting.BatchCounts.Key;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The series buckets a counted batch moved, for the aggregate stream: their keys, kept with the change in the change
 * log, and their values, read when the change is relayed to someone following series (so at least as new as the
 * change). A pair's series is unordered, the sum of both directions, as {@code /api/series} gives it: both are read.
 */
final class SeriesChanges {

    private SeriesChanges() {
    }

    /** The series rows the batch moved: by dimension name, each row's key parts; empty when it moved none. */
    static Map<String, List<List<String>>> moved(BatchCounts changes) {
        Map<String, List<List<String>>> moved = new TreeMap<>();
        Arrays.stream(Dimension.values()).filter(Dimension::isSeries).forEach(dimension -> {
            SortedSet<Key> rows = changes.movedRows(dimension);
            if (!rows.isEmpty()) {
                moved.put(dimension.name(), rows.stream().map(Key::parts).toList());
            }
        });
        return moved;
    }

    /** The values now of the buckets that {@link #moved} named. */
    static Uni<List<SeriesBucket>> read(SqlClient client, Map<String, List<List<String>>> moved) {
        List<Uni<List<SeriesBucket>>> reads = moved.entrySet().stream()
                .map(rows -> read(client, Dimension.valueOf(rows.getKey()), rows.getValue().stream().map(Key::new)
                        .collect(Collectors.toCollection(TreeSet::new))))
                .toList();
        return reads.isEmpty() ? Uni.createFrom().item(List.of())
                : Uni.join().all(reads).andFailFast().map(lists -> lists.stream().flatMap(List::stream).toList());
    }

    private static Uni<List<SeriesBucket>> read(SqlClient client, Dimension dimension, SortedSet<Key> moved) {
        SortedSet<Key> buckets = new TreeSet<>();
        moved.forEach(row -> buckets.add(unordered(dimension, row)));
        SortedSet<Key> rows = new TreeSet<>(buckets);
        if (dimension == Dimension.PERIOD_PAIR) {
            buckets.forEach(bucket -> rows.add(reversed(bucket)));
        }
        int width = dimension.keyColumns.size();
        String keys = String.join(", ", dimension.keyColumns);
        String select = "select %s, incidents, events from %s where (%s) in (select * from unnest(%s))".formatted(keys,
                dimension.countTable, keys, IntStream.rangeClosed(1, width).mapToObj(i -> "$" + i + "::text[]").collect(Collectors.joining(", ")));
        List<Object> arrays = new ArrayList<>();
        List<Key> rowList = List.copyOf(rows);
        for (int i = 0; i < width; i++) {
            int part = i;
            arrays.add(rowList.stream().map(key -> key.part(part)).toArray(String[]::new));
        }
        return client.preparedQuery(select).execute(Tuple.from(arrays)).map(found -> {
            Map<Key, long[]> counts = new HashMap<>();
            for (Row row : found) {
                Key bucket = unordered(dimension, new Key(IntStream.range(0, width).mapToObj(row::getString).toList()));
                long[] sum = counts.computeIfAbsent(bucket, absent -> new long[2]);
                sum[0] += row.getLong("incidents");
                sum[1] += row.getLong("events");
            }
            return buckets.stream().map(bucket -> bucket(dimension, bucket, counts.getOrDefault(bucket, new long[2]))).toList();
        });
    }

    /** A pair's bucket with its two countries in alphabetical order; any other bucket as it is. */
    private static Key unordered(Dimension dimension, Key row) {
        return dimension == Dimension.PERIOD_PAIR && row.part(2).compareTo(row.part(3)) > 0 ? reversed(row) : row;
    }

    private static Key reversed(Key pair) {
        return Key.of(pair.part(0), pair.part(1), pair.part(3), pair.part(2));
    }

    private static SeriesBucket bucket(Dimension dimension, Key key, long[] counts) {
        Map<String, String> by = new HashMap<>();
        for (int i = 0; i < dimension.keyColumns.size(); i++) {
            by.put(dimension.keyColumns.get(i), key.part(i));
        }
        return new SeriesBucket(by.get("span"), by.get("starts"), by.get("country"), by.get("partner"), by.get("theme"),
                by.get("event_type"), counts[0], counts[1]);
    }
}

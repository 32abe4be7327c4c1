package org.rasd.analytics.series;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.rasd.analytics.counting.Interval;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the time series and the pairs that counting keeps. */
@ApplicationScoped
public class SeriesStore {

    /** The most buckets one series lists: ten years of weeks, or about three of days. */
    public static final int MAX_BUCKETS = 1100;

    /** The span and starts of a bucket are text: ISO days compare as they sort. */
    private static final String SERIES = """
            select starts, sum(incidents) as incidents, sum(events) as events from %s
            where span = $1 and starts >= $2 and starts <= $3 %s
            group by starts""";
    /** Both directions of each pair with the country, summed by the other country. */
    private static final String PARTNERS = """
            select partner as code, incidents, incidents as as_actor, 0 as as_partner, events
            from %1$s where country = $1 %2$s
            union all
            select country, incidents, 0, incidents, events from %1$s where partner = $1 %2$s""";
    private static final String TOP_PARTNERS = """
            select code, sum(incidents) as incidents, sum(as_actor) as as_actor, sum(as_partner) as as_partner,
                   sum(events) as events
            from (%s) pairs group by code order by 2 desc, 5 desc, code limit $%d""";

    private final Pool pool;

    public SeriesStore(Pool pool) {
        this.pool = pool;
    }

    /** How many buckets a series from {@code from} to {@code to} lists. */
    public static long bucketCount(Interval interval, LocalDate from, LocalDate to) {
        long count = 0;
        for (LocalDate start = interval.start(from); !start.isAfter(to) && count <= MAX_BUCKETS; start = interval.next(start)) {
            count++;
        }
        return count;
    }

    /**
     * The series of a kept filter ({@link SeriesFilter#isKept} by {@code interval}) from the bucket holding {@code from}
     * to the one holding {@code to}, at most {@link #MAX_BUCKETS} buckets.
     */
    public Uni<Series> series(Interval interval, LocalDate from, LocalDate to, SeriesFilter filter) {
        SeriesFilter.Source source = filter.source(interval).orElseThrow();
        LocalDate first = interval.start(from);
        List<Object> arguments = new ArrayList<>(List.of(interval.label(), first.toString(), to.toString()));
        arguments.addAll(source.values());
        return pool.preparedQuery(SERIES.formatted(source.table(), source.condition())).execute(Tuple.from(arguments)).map(rows -> {
            Map<String, Row> counted = new HashMap<>();
            rows.forEach(row -> counted.put(row.getString("starts"), row));
            List<Series.Bucket> buckets = new ArrayList<>();
            for (LocalDate start = first; !start.isAfter(to); start = interval.next(start)) {
                Row row = counted.get(start.toString());
                buckets.add(row == null ? new Series.Bucket(start.toString(), 0, 0)
                        : new Series.Bucket(start.toString(), row.getLong("incidents"), row.getLong("events")));
            }
            return new Series(interval.label(), first.toString(), to.toString(), filter, buckets);
        });
    }

    /**
     * A country's partners with the most acts together, either one acting: of all time, or of one year (by the
     * act's date; an act dated only to its year counts in it too).
     */
    public Uni<List<Partner>> partners(String country, Integer year, int limit) {
        List<Object> arguments = new ArrayList<>(List.of(country));
        String pairs;
        if (year == null) {
            pairs = PARTNERS.formatted("pair_count", "");
        } else {
            pairs = PARTNERS.formatted("period_pair_count", "and span = 'year' and starts = $2");
            arguments.add(LocalDate.of(year, 1, 1).toString());
        }
        arguments.add(limit);
        return pool.preparedQuery(TOP_PARTNERS.formatted(pairs, arguments.size())).execute(Tuple.from(arguments)).map(rows -> {
            List<Partner> partners = new ArrayList<>();
            for (Row row : rows) {
                partners.add(new Partner(row.getString("code"), row.getLong("incidents"), row.getLong("as_actor"),
                        row.getLong("as_partner"), row.getLong("events")));
            }
            return partners;
        });
    }
}

package org.rasd.analytics.counting;

import org.rasd.analytics.counting.Aggregates.SeriesBucket;
import org.rasd.analytics.counting.Aggregates.Update;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What one follower of the aggregate stream receives: the rows of one country and of one theme when given (else
 * all), and the series buckets by the intervals asked for (none unless asked), of series that name that country
 * (acting or partner) and that theme. A change that leaves nothing for the follower is not sent; the totals come
 * with every message.
 */
public record StreamFilter(String country, String theme, Set<Interval> intervals) {

    /** Every country and theme, no series buckets: the stream as it was before it carried series. */
    public static final StreamFilter EVERYTHING = new StreamFilter(null, null, Set.of());

    /** Whether changes are sent with the series buckets they moved. */
    boolean followsSeries() {
        return !intervals.isEmpty();
    }

    Optional<Update> apply(Update update) {
        List<Aggregates.CountryRow> countries = update.countries().stream().filter(row -> country == null || country.equals(row.code())).toList();
        List<Aggregates.CodeCount> themes = update.themes().stream().filter(row -> theme == null || theme.equals(row.code())).toList();
        List<SeriesBucket> series = update.series().stream().filter(this::follows).toList();
        if (update.kind().equals(Update.CHANGE) && countries.isEmpty() && themes.isEmpty() && series.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Update(update.kind(), update.eventIds(), update.totals(), countries, themes, series));
    }

    private boolean follows(SeriesBucket bucket) {
        return intervals.contains(Interval.of(bucket.interval()))
                && (country == null || country.equals(bucket.country()) || country.equals(bucket.partner()))
                && (theme == null || theme.equals(bucket.theme()));
    }
}

package org.rasd.analytics.counting;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/** The shapes the aggregate API and stream return. */
public final class Aggregates {

    /**
     * @param incidents the count: real-world acts, however many reports each had
     * @param events    the reports (mentions) of those acts
     * @param articles  the articles the reports came from
     * @param byType    incidents by the types they were reported as
     */
    public record CountryRow(String code, long incidents, long events, long articles, Map<String, Long> byType) {
    }

    /** A country's or a theme's incidents and their events. */
    @JsonPropertyOrder({"code", "incidents", "events"})
    public record CodeCount(String code, long incidents, long events) {
    }

    /** A country's counts without their types: a row of the CSV export. */
    @JsonPropertyOrder({"code", "incidents", "events", "articles"})
    public record CountryCounts(String code, long incidents, long events, long articles) {

        public static CountryCounts of(CountryRow row) {
            return new CountryCounts(row.code(), row.incidents(), row.events(), row.articles());
        }
    }

    public record Totals(long incidents, long events, long articles) {
    }

    public record Countries(Totals totals, List<CountryRow> countries) {
    }

    public record Themes(Totals totals, List<CodeCount> themes) {
    }

    public record CountryDetail(String code, long incidents, long events, long articles, Map<String, Long> byType,
                                List<CodeCount> themes) {
    }

    /**
     * One message of the aggregate stream: a {@code snapshot} with every country and theme, then one {@code change}
     * per counted batch of events, naming them and carrying the new absolute values of the rows they moved as that
     * batch committed them, with the buckets of the series they moved when asked for: those are read when the change
     * is relayed, so they are at least as new as the change (none in a snapshot: series are read from
     * {@code /api/series}).
     */
    public record Update(String kind, List<String> eventIds, Totals totals, List<CountryRow> countries, List<CodeCount> themes,
                         List<SeriesBucket> series) {

        static final String SNAPSHOT = "snapshot";
        static final String CHANGE = "change";

        Update withSeries(List<SeriesBucket> buckets) {
            return new Update(kind, eventIds, totals, countries, themes, buckets);
        }
    }

    /**
     * The new value of one bucket of a kept series, as {@code /api/series} answers it for the same filter: its
     * interval and first day, the filter (absent fields are null; a pair's two countries in alphabetical order,
     * either one acting), its incidents and events. A bucket whose last act went has zeros.
     */
    @JsonPropertyOrder({"interval", "start", "country", "partner", "theme", "type", "incidents", "events"})
    public record SeriesBucket(String interval, String start, @Schema(nullable = true) String country,
                               @Schema(nullable = true) String partner, @Schema(nullable = true) String theme,
                               @Schema(nullable = true) String type, long incidents, long events) {
    }

    private Aggregates() {
    }
}

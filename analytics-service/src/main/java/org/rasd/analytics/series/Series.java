package org.rasd.analytics.series;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * Counts of acts by bucket of their date, every bucket from {@code from} to {@code to} listed, empty ones with
 * zeros. Buckets are not summed: an act whose reports give two days of one week counts in both days and once in
 * the week.
 *
 * @param interval day, week, month or year
 * @param from     the first day of the first bucket
 * @param to       the last day asked for
 */
public record Series(String interval, String from, String to, SeriesFilter filter, List<Bucket> buckets) {

    /**
     * @param start     the bucket's first day
     * @param incidents the acts in the bucket
     * @param events    the reports of them
     */
    @JsonPropertyOrder({"start", "incidents", "events"})
    public record Bucket(String start, long incidents, long events) {
    }
}

package org.rasd.bench;

import org.HdrHistogram.Histogram;

import java.util.Map;
import java.util.Optional;

/**
 * What the requests of one query kind got, or why the kind was skipped.
 *
 * @param requests     the measured requests (the warm-up's excluded)
 * @param errors       those answered other than 200, or not at all
 * @param seconds      how long the measured requests took, all clients together
 * @param micros       the latency of each measured request, in microseconds, from its send to the last byte of its answer
 * @param errorSamples the first answer of each failing status (-1: no answer), to say why
 * @param skipped      why the kind was not measured, or null when it was
 */
record QueryResult(QueryKind kind, long requests, long errors, double seconds, Histogram micros,
                   Map<Integer, String> errorSamples, String skipped) {

    static QueryResult skipped(QueryKind kind, String why) {
        return new QueryResult(kind, 0, 0, 0, new Histogram(3), Map.of(), why);
    }

    boolean wasSkipped() {
        return skipped != null;
    }

    /** A percentile of the latency in milliseconds; empty when nothing was measured. */
    Optional<Double> millis(double percentile) {
        return micros.getTotalCount() == 0 ? Optional.empty() : Optional.of(micros.getValueAtPercentile(percentile) / 1000.0);
    }

    Optional<Double> maxMillis() {
        return micros.getTotalCount() == 0 ? Optional.empty() : Optional.of(micros.getMaxValue() / 1000.0);
    }

    double perSecond() {
        return seconds > 0 ? requests / seconds : 0;
    }

    /** Whether every request was answered 200 and the 99th percentile under the limit. */
    boolean meets(double p99LimitMillis) {
        return !wasSkipped() && requests > 0 && errors == 0 && millis(99).orElseThrow() < p99LimitMillis;
    }
}

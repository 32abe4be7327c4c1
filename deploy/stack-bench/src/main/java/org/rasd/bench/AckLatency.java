package org.rasd.bench;

import org.HdrHistogram.Histogram;

import java.util.Optional;

/** The ack latency percentiles of a step, in milliseconds, read from a histogram of microseconds. */
public record AckLatency(double p50, double p99, double p999) {

    public static Optional<AckLatency> of(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return Optional.empty();
        }
        return Optional.of(new AckLatency(millis(micros, 50), millis(micros, 99), millis(micros, 99.9)));
    }

    private static double millis(Histogram micros, double percentile) {
        return micros.getValueAtPercentile(percentile) / 1000.0;
    }
}

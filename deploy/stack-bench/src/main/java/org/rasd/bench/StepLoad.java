package org.rasd.bench;

import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one step sent: the ids of the articles answered {@code 202}, how many got another answer, how many got
 * none in time (timed out or refused connections: ingest may still have accepted those), the first answer of
 * each refusing status, and the ack latency of every request in microseconds.
 */
public record StepLoad(Instant started, Duration sending, List<String> acceptedIds, long refused, long unanswered,
                       Map<Integer, String> refusals, Histogram ackMicros) {

    public double acceptedPerSecond() {
        return acceptedIds.size() / (sending.toNanos() / 1e9);
    }
}

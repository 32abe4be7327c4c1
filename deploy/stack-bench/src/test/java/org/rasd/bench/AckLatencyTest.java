package org.rasd.bench;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AckLatencyTest {

    @Test
    void readsMillisecondsFromAHistogramOfMicroseconds() {
        Histogram micros = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
        for (int ms = 1; ms <= 1000; ms++) {
            micros.recordValue(ms * 1000L);
        }
        AckLatency latency = AckLatency.of(micros).orElseThrow();
        assertEquals(500, latency.p50(), 1);
        assertEquals(990, latency.p99(), 1);
        assertEquals(999, latency.p999(), 1);
    }

    @Test
    void aStallCountsForEveryRequestItHeldUp() {
        // open-loop: 99 requests answered in 1 ms, then one whose answer came a second after it was due
        Histogram micros = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
        micros.recordValueWithCount(1000, 99);
        micros.recordValue(1_000_000);
        AckLatency latency = AckLatency.of(micros).orElseThrow();
        assertEquals(1, latency.p50(), 0.01);
        assertEquals(1000, latency.p999(), 1);
    }

    @Test
    void noRequestNoLatency() {
        assertTrue(AckLatency.of(new Histogram(3)).isEmpty());
    }
}

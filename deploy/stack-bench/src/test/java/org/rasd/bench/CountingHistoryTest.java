package org.rasd.bench;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CountingHistoryTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aSteadyCounterGivesTheSameRateInEveryTenth() {
        List<CountingHistory.Sample> samples = new ArrayList<>();
        for (int second = 0; second <= 100; second++) {
            samples.add(new CountingHistory.Sample(second * SECOND, second * 1000.0));
        }
        CountingHistory.Figures figures = CountingHistory.figures(samples, 100_000);
        assertEquals(10, figures.perTenth().size());
        figures.perTenth().forEach(rate -> assertEquals(1000, rate, 1.0));
        assertEquals(1.0, figures.ratio(), 0.01);
    }

    @Test
    void aCounterThatSlowsDownShowsItInTheLastTenth() {
        List<CountingHistory.Sample> samples = new ArrayList<>();
        long nanos = 0;
        for (int count = 0; count <= 100_000; count += 1000) {
            samples.add(new CountingHistory.Sample(nanos, count));
            nanos += count < 90_000 ? SECOND : 2 * SECOND; // half the rate over the last tenth
        }
        CountingHistory.Figures figures = CountingHistory.figures(samples, 100_000);
        assertEquals(1000, figures.start(), 1.0);
        assertEquals(500, figures.end(), 1.0);
    }
}

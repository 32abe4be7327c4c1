package org.rasd.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RateScheduleTest {

    @Test
    void requestsFallDueEvenlyFromTheStart() {
        RateSchedule schedule = new RateSchedule(1_000, 200);
        assertEquals(1_000, schedule.dueNanos(0));
        assertEquals(1_000 + 5_000_000, schedule.dueNanos(1));
        assertEquals(1_000 + 1_000_000_000L, schedule.dueNanos(200));
    }

    @Test
    void aRateThatDoesNotDivideASecondDoesNotDrift() {
        RateSchedule schedule = new RateSchedule(0, 3);
        assertEquals(333_333_333, schedule.dueNanos(1));
        assertEquals(60_000_000_000L, schedule.dueNanos(180), "a minute later, exactly on time");
    }

    @Test
    void aStepHoldsRateTimesSecondsRequests() {
        RateSchedule schedule = new RateSchedule(500, 1000);
        assertEquals(30_000, schedule.countBefore(500 + 30_000_000_000L));
        assertEquals(1, schedule.countBefore(501), "the first is due at the start");
        assertEquals(0, schedule.countBefore(500));
    }

    @Test
    void maxIsNoSchedule() {
        assertThrows(IllegalArgumentException.class, () -> new RateSchedule(0, TargetRate.MAX.perSecond()));
    }
}

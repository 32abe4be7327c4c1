package org.rasd.ingest.feeds;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofMinutes(5), Duration.ofHours(1));

    @Test
    void eachFailureInARowDoublesTheWaitUpToTheLongest() {
        assertEquals(Duration.ofMinutes(5), backoff.after(0), "a feed that answers is polled at the interval");
        assertEquals(Duration.ofMinutes(10), backoff.after(1));
        assertEquals(Duration.ofMinutes(20), backoff.after(2));
        assertEquals(Duration.ofMinutes(40), backoff.after(3));
        assertEquals(Duration.ofHours(1), backoff.after(4));
        assertEquals(Duration.ofHours(1), backoff.after(1000), "no overflow after many failures");
    }

    @Test
    void aLongestWaitShorterThanTheIntervalIsTheInterval() {
        assertEquals(Duration.ofMinutes(5), new Backoff(Duration.ofMinutes(5), Duration.ofMinutes(1)).after(3));
    }

    @Test
    void retryAfterIsWaitedWhenLongerThanTheBackOffButNoLongerThanTheLongestWait() {
        assertEquals(Duration.ofMinutes(30), backoff.after(1, Optional.of(Duration.ofMinutes(30))));
        assertEquals(Duration.ofMinutes(10), backoff.after(1, Optional.of(Duration.ofSeconds(5))), "never sooner than the back-off");
        assertEquals(Duration.ofHours(1), backoff.after(1, Optional.of(Duration.ofDays(3))));
        assertEquals(Duration.ofMinutes(10), backoff.after(1, Optional.empty()));
    }

    @Test
    void retryAfterIsReadInSecondsOrAsAnHttpDate() {
        Instant now = Instant.parse("2024-02-13T10:00:00Z");
        assertEquals(Optional.of(Duration.ofSeconds(120)), Backoff.retryAfter("120", now));
        assertEquals(Optional.of(Duration.ofMinutes(30)), Backoff.retryAfter("Tue, 13 Feb 2024 10:30:00 GMT", now));
        assertEquals(Optional.of(Duration.ZERO), Backoff.retryAfter("Tue, 13 Feb 2024 09:00:00 GMT", now), "a date gone by");
        assertEquals(Optional.empty(), Backoff.retryAfter("soon", now));
        assertEquals(Optional.empty(), Backoff.retryAfter(null, now));
        assertEquals(Duration.ofHours(1), backoff.after(1, Backoff.retryAfter("99999999999999999999", now)), "too many digits for a long");
    }
}

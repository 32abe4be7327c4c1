package org.rasd.support.auth;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WriteRateLimiterTest {

    @Test
    void aKeyMayWriteItsBurstAtOnceThenAtItsRateAndKeysDoNotShare() {
        AtomicLong now = new AtomicLong();
        WriteRateLimiter limiter = new WriteRateLimiter(2, 3, now::get);
        for (int i = 0; i < 3; i++) {
            assertEquals(Duration.ZERO, limiter.acquire("a"), "write " + i + " of the burst");
        }
        assertEquals(Duration.ofMillis(500), limiter.acquire("a"), "the next token comes in half a second at 2/s");
        assertEquals(Duration.ZERO, limiter.acquire("b"), "another key has its own bucket");

        now.addAndGet(Duration.ofMillis(500).toNanos());
        assertEquals(Duration.ZERO, limiter.acquire("a"));
        now.addAndGet(Duration.ofHours(1).toNanos());
        for (int i = 0; i < 3; i++) {
            assertEquals(Duration.ZERO, limiter.acquire("a"), "a quiet spell refills the burst, no more");
        }
        assertEquals(Duration.ofMillis(500), limiter.acquire("a"));
    }
}

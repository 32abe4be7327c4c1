package org.rasd.support.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/** A token bucket per key: {@code writeRate} writes a second on average, {@code writeBurst} at once. */
@ApplicationScoped
public class WriteRateLimiter {

    private final double perNano;
    private final int burst;
    private final LongSupplier clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Inject
    public WriteRateLimiter(AuthConfig config) {
        this(config.writeRate(), config.writeBurst(), System::nanoTime);
    }

    WriteRateLimiter(double perSecond, int burst, LongSupplier clock) {
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.clock = clock;
    }

    /** @return empty when the write may go ahead, else how long until it may */
    public Duration acquire(String key) {
        return buckets.computeIfAbsent(key, k -> new Bucket(burst, clock.getAsLong())).take();
    }

    private final class Bucket {
        private double tokens;
        private long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }

        synchronized Duration take() {
            long now = clock.getAsLong();
            tokens = Math.min(burst, tokens + (now - refilledAt) * perNano);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return Duration.ZERO;
            }
            return Duration.ofNanos((long) Math.ceil((1 - tokens) / perNano));
        }
    }
}

package org.rasd.bench;

/**
 * When each request of an open-loop step is due: the n-th at {@code start + n / rate} seconds, computed from n
 * rather than by adding an interval each time, so rounding never drifts and a late send does not push the
 * ones after it back.
 */
public record RateSchedule(long startNanos, int perSecond) {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    public RateSchedule {
        if (perSecond <= 0) {
            throw new IllegalArgumentException("an open-loop schedule needs a positive rate");
        }
    }

    public long dueNanos(long n) {
        return startNanos + n * NANOS_PER_SECOND / perSecond;
    }

    /** How many requests fall due before {@code endNanos}. */
    public long countBefore(long endNanos) {
        long span = endNanos - startNanos;
        if (span <= 0) {
            return 0;
        }
        return (span * perSecond + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND;
    }
}

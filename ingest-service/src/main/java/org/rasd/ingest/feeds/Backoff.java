package org.rasd.ingest.feeds;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * When to poll a feed again: after the poll interval while it answers, after twice as long for each failure in a
 * row (network error, error status, no feed), up to the longest wait; no sooner than its server asked with
 * Retry-After, within that longest wait too, so a server cannot silence a feed for days.
 */
final class Backoff {

    private final Duration interval;
    private final Duration longest;

    Backoff(Duration interval, Duration longest) {
        this.interval = interval;
        this.longest = longest.compareTo(interval) < 0 ? interval : longest;
    }

    /** The wait after a poll that ended {@code failures} failures in a row (0 when it succeeded). */
    Duration after(int failures) {
        // past 2^30 intervals any configured longest wait is reached; stops the doubling from overflowing
        if (failures >= 30 || interval.multipliedBy(1L << failures).compareTo(longest) > 0) {
            return longest;
        }
        return interval.multipliedBy(1L << failures);
    }

    /** The wait after a failed poll whose answer may have said when to come back. */
    Duration after(int failures, Optional<Duration> retryAfter) {
        Duration wait = after(failures);
        return retryAfter.filter(asked -> asked.compareTo(wait) > 0)
                .map(asked -> asked.compareTo(longest) > 0 ? longest : asked)
                .orElse(wait);
    }

    /** A Retry-After header, in seconds or as an HTTP date, as a wait from {@code now}; empty when absent or unreadable. */
    static Optional<Duration> retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        if (value.chars().allMatch(Character::isDigit)) {
            // more digits than a long takes is longer than any wait kept anyway
            return Optional.of(value.length() > 12 ? ChronoUnit.FOREVER.getDuration() : Duration.ofSeconds(Long.parseLong(value)));
        }
        try {
            Duration until = Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return Optional.of(until.isNegative() ? Duration.ZERO : until);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}

package org.rasd.ingest.feeds;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/**
 * How a feed is doing, as {@code GET /api/feeds} lists it; counts since its state was first kept.
 *
 * @param polling    whether a poll of it is under way (the first poll of a long feed fetches many pages)
 * @param lastResult null before its first poll
 * @param ingested   items published as new articles or new versions
 * @param pending    items of the last poll left for the next one
 */
public record FeedStatus(String url, boolean polling, @Schema(nullable = true) Instant lastPoll,
                         @Schema(nullable = true) PollResult lastResult, @Schema(nullable = true) String lastError,
                         int consecutiveFailures, @Schema(nullable = true) Instant nextPoll, long ingested, long duplicates,
                         long refused, int pending) {
}

package org.rasd.ingest.feeds;

import java.time.Instant;

/**
 * How a feed is doing, as {@code GET /api/feeds} lists it; counts since its state was first kept.
 *
 * @param polling    whether a poll of it is under way (the first poll of a long feed fetches many pages)
 * @param lastResult null before its first poll
 * @param ingested   items published as new articles or new versions
 * @param pending    items of the last poll left for the next one
 */
public record FeedStatus(String url, boolean polling, Instant lastPoll, PollResult lastResult, String lastError,
                         int consecutiveFailures, Instant nextPoll, long ingested, long duplicates, long refused,
                         int pending) {
}

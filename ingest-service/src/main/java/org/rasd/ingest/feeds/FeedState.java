package org.rasd.ingest.feeds;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What ingest knows of a feed, kept across restarts: its validators for a conditional GET, the items it has seen
 * (the latest of them), how its polls went and when it is polled next. Each poll makes a new state.
 *
 * @param etag         the ETag of the feed as last read, sent back as If-None-Match
 * @param lastModified its Last-Modified, sent back as If-Modified-Since
 * @param pending      items of the last poll left for the next one ({@link ItemResult.Outcome#RETRY})
 * @param seen         the items done with, oldest first, each with what became of it
 */
record FeedState(String url, String etag, String lastModified, Instant lastPoll, PollResult lastResult, String lastError,
                 int consecutiveFailures, Instant nextPoll, long ingested, long duplicates, long refused, int pending,
                 List<ItemResult> seen) {

    /** A feed never polled: polled at once. */
    static FeedState first(String url) {
        return new FeedState(url, null, null, null, null, null, 0, null, 0, 0, 0, 0, List.of());
    }

    Set<String> seenKeys() {
        return seen.stream().map(ItemResult::key).collect(Collectors.toSet());
    }

    FeedState notModified(Instant at, Duration wait) {
        return new FeedState(url, etag, lastModified, at, PollResult.NOT_MODIFIED, null, 0, at.plus(wait),
                ingested, duplicates, refused, pending, seen);
    }

    FeedState failed(Instant at, String error, Duration wait) {
        return new FeedState(url, etag, lastModified, at, PollResult.FAILED, error, consecutiveFailures + 1, at.plus(wait),
                ingested, duplicates, refused, pending, seen);
    }

    /**
     * The feed read and its new items done with or left for the next poll. While any is left, the feed's new
     * validators are not kept: the next poll must read the feed whole again (a 304 would hide the item left).
     *
     * @param remembered how many seen items to keep, the latest
     */
    FeedState fetched(Instant at, String newEtag, String newLastModified, List<ItemResult> results, int remembered,
                      Duration wait) {
        List<ItemResult> settled = results.stream().filter(ItemResult::settled).toList();
        int left = results.size() - settled.size();
        List<ItemResult> allSeen = new ArrayList<>(seen);
        allSeen.addAll(settled);
        List<ItemResult> kept = List.copyOf(allSeen.subList(Math.max(0, allSeen.size() - remembered), allSeen.size()));
        return new FeedState(url, left == 0 ? newEtag : etag, left == 0 ? newLastModified : lastModified, at,
                PollResult.FETCHED, null, 0, at.plus(wait),
                ingested + count(settled, ItemResult.Outcome.ACCEPTED) + count(settled, ItemResult.Outcome.UPDATED),
                duplicates + count(settled, ItemResult.Outcome.DUPLICATE), refused + count(settled, ItemResult.Outcome.REFUSED),
                left, kept);
    }

    private static long count(List<ItemResult> results, ItemResult.Outcome outcome) {
        return results.stream().filter(result -> result.outcome() == outcome).count();
    }

    /** What {@code GET /api/feeds} shows of it, and whether a poll of it is under way. */
    FeedStatus status(boolean polling) {
        return new FeedStatus(url, polling, lastPoll, lastResult, lastError, consecutiveFailures, nextPoll, ingested,
                duplicates, refused, pending);
    }
}

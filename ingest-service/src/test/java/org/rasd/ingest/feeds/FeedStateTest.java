package org.rasd.ingest.feeds;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class FeedStateTest {

    private static final Instant NOW = Instant.parse("2024-02-13T10:00:00Z");
    private static final Duration INTERVAL = Duration.ofMinutes(5);

    private static ItemResult result(String key, ItemResult.Outcome outcome) {
        return new ItemResult(key, outcome, null);
    }

    @Test
    void aFetchedFeedKeepsItsValidatorsAndCountsItsItems() {
        FeedState state = FeedState.first("https://news.example.ma/rss").fetched(NOW, "\"v1\"", "Tue, 13 Feb 2024 09:00:00 GMT",
                List.of(result("a", ItemResult.Outcome.ACCEPTED), result("b", ItemResult.Outcome.UPDATED),
                        result("c", ItemResult.Outcome.DUPLICATE), result("d", ItemResult.Outcome.REFUSED)), 100, INTERVAL);

        assertEquals("\"v1\"", state.etag());
        assertEquals("Tue, 13 Feb 2024 09:00:00 GMT", state.lastModified());
        assertEquals(List.of(2L, 1L, 1L, 0), List.of(state.ingested(), state.duplicates(), state.refused(), state.pending()));
        assertEquals(Set.of("a", "b", "c", "d"), state.seenKeys());
        assertEquals(NOW.plus(INTERVAL), state.nextPoll());
        assertEquals(PollResult.FETCHED, state.lastResult());
    }

    @Test
    void anItemLeftForTheNextPollIsNotSeenAndTheOldValidatorsAreKeptSoTheFeedIsReadWholeAgain() {
        FeedState before = FeedState.first("https://news.example.ma/rss").fetched(NOW, "\"v1\"", null, List.of(), 100, INTERVAL);
        FeedState state = before.fetched(NOW.plus(INTERVAL), "\"v2\"", "Tue, 13 Feb 2024 10:05:00 GMT",
                List.of(result("a", ItemResult.Outcome.ACCEPTED), result("b", ItemResult.Outcome.RETRY)), 100, INTERVAL);

        assertEquals("\"v1\"", state.etag());
        assertNull(state.lastModified());
        assertEquals(1, state.pending());
        assertEquals(Set.of("a"), state.seenKeys());
    }

    @Test
    void onlyTheLatestSeenItemsAreRemembered() {
        List<ItemResult> results = IntStream.range(0, 10).mapToObj(i -> result("item-" + i, ItemResult.Outcome.ACCEPTED)).toList();
        FeedState state = FeedState.first("https://news.example.ma/rss").fetched(NOW, null, null, results, 4, INTERVAL);

        assertEquals(List.of("item-6", "item-7", "item-8", "item-9"), state.seen().stream().map(ItemResult::key).toList());
        assertEquals(10, state.ingested(), "counts are of every item, remembered or not");
    }

    @Test
    void failuresInARowAreCountedUntilAPollSucceeds() {
        FeedState failed = FeedState.first("https://news.example.ma/rss")
                .failed(NOW, "HTTP 500", Duration.ofMinutes(10))
                .failed(NOW.plusSeconds(600), "HTTP 500", Duration.ofMinutes(20));
        assertEquals(2, failed.consecutiveFailures());
        assertEquals(PollResult.FAILED, failed.lastResult());
        assertEquals("HTTP 500", failed.lastError());
        assertEquals(NOW.plusSeconds(600).plus(Duration.ofMinutes(20)), failed.nextPoll());

        FeedState recovered = failed.notModified(NOW.plusSeconds(1800), INTERVAL);
        assertEquals(0, recovered.consecutiveFailures());
        assertNull(recovered.lastError());
        assertEquals(PollResult.NOT_MODIFIED, recovered.lastResult());
    }
}

package org.rasd.ingest.feeds;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class FeedStateStoreTest {

    private static final String URL = "https://news.example.ma/rss";

    @TempDir
    Path directory;

    private static FeedState polled() {
        return FeedState.first(URL).fetched(Instant.parse("2024-02-13T10:00:00Z"), "\"v1\"", "Tue, 13 Feb 2024 09:00:00 GMT",
                List.of(new ItemResult("a", ItemResult.Outcome.ACCEPTED, null),
                        new ItemResult("b", ItemResult.Outcome.REFUSED, "Nothing is left of the article")), 100, Duration.ofMinutes(5));
    }

    @Test
    void aSavedStateIsReadBackByAnotherStoreOnTheSameDirectory() throws IOException {
        FeedState state = polled();
        new FeedStateStore(directory.resolve("feeds")).save(state);
        new FeedStateStore(directory.resolve("feeds")).save(state.notModified(Instant.parse("2024-02-13T10:05:00Z"), Duration.ofMinutes(5)));

        FeedState read = new FeedStateStore(directory.resolve("feeds")).load(URL);
        assertEquals(state.notModified(Instant.parse("2024-02-13T10:05:00Z"), Duration.ofMinutes(5)), read);
        try (Stream<Path> files = Files.list(directory.resolve("feeds"))) {
            assertEquals(1, files.count(), "one file a feed, no temporary file left behind");
        }
    }

    @Test
    void aFeedNeverSavedStartsAfresh() {
        assertEquals(FeedState.first(URL), new FeedStateStore(directory).load(URL));
    }

    @Test
    void aStateThatCannotBeReadStartsAfresh() throws IOException {
        FeedStateStore store = new FeedStateStore(directory);
        Files.writeString(store.fileOf(URL), "{\"url\": \"" + URL + "\", \"seen\": [");
        assertEquals(FeedState.first(URL), store.load(URL));
    }

    @Test
    void eachFeedHasAFileOfItsOwn() {
        FeedStateStore store = new FeedStateStore(directory);
        assertNotEquals(store.fileOf(URL), store.fileOf(URL + "?page=2"));
        store.save(polled());
        assertEquals(FeedState.first(URL + "?page=2"), store.load(URL + "?page=2"));
    }
}

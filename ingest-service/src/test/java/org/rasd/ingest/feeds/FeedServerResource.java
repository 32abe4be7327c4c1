package org.rasd.ingest.feeds;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Serves the feed fixtures before ingest starts, and points ingest's feed polling at them, with intervals short
 * enough for a test: an RSS feed, an Atom feed and a feed that fails. The test changes the served files in
 * {@code feed-server.directory} and reads what was asked at {@code feed-server.url}{@code _requests}.
 */
public class FeedServerResource implements QuarkusTestResourceLifecycleManager {

    private Path directory;
    private FeedServer server;

    @Override
    public Map<String, String> start() {
        try {
            Path base = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
            directory = Files.createTempDirectory(base, "feeds-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = FeedServer.ofFixtures(directory);
        return Map.of(
                "rasd.ingest.feeds.urls", String.join(",", server.url("rss.xml"), server.url("atom.xml"), server.url("failing.xml")),
                "rasd.ingest.feeds.poll-interval", "200ms",
                "rasd.ingest.feeds.max-backoff", "1600ms",
                "rasd.ingest.feeds.request-timeout", "10s",
                "rasd.ingest.feeds.state-directory", directory.resolve("state").toString(),
                "feed-server.directory", server.directory().toString(),
                "feed-server.url", server.url(""));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
        if (directory != null) {
            try (Stream<Path> paths = Files.walk(directory)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

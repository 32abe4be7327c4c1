package org.rasd.ingest.feeds;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Positive;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The RSS and Atom feeds ingest polls for articles, and how. */
@ConfigMapping(prefix = "rasd.ingest.feeds")
public interface FeedsConfig {

    /** The feeds' URLs ({@code INGEST_FEEDS}, comma-separated); none: no feed is polled and no timer set. */
    Optional<List<String>> urls();

    /** How long after a poll a feed is polled again ({@code INGEST_FEEDS_POLL_INTERVAL}). */
    @WithDefault("5m")
    Duration pollInterval();

    /** The longest wait before polling a failing feed again, however often it failed ({@code INGEST_FEEDS_MAX_BACKOFF}). */
    @WithDefault("1h")
    Duration maxBackoff();

    /** How long one request, for a feed or for an item's page, may take in all ({@code INGEST_FEEDS_REQUEST_TIMEOUT}). */
    @WithDefault("30s")
    Duration requestTimeout();

    /** Where each feed's state is kept across restarts, a JSON file a feed ({@code INGEST_FEEDS_STATE_DIR}). */
    Path stateDirectory();

    /**
     * How many items a feed's state remembers as seen, the latest: more than a feed ever lists at once, so an item
     * still listed is never taken for new.
     */
    @WithDefault("5000")
    @Positive
    int rememberedItems();

    /** The largest feed document read; a larger one is a failed poll. An item's page is held to the article size. */
    @WithDefault("5M")
    MemorySize maxFeedSize();

    /** How ingest names itself to the sites it polls. */
    @WithDefault("Rasd-ingest feed reader")
    String userAgent();
}

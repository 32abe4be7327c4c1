package org.rasd.ingest;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Positive;

import java.time.Duration;

@ConfigMapping(prefix = "rasd.ingest")
public interface IngestConfig {

    /** How long to wait for the broker's acknowledgement before answering 503. */
    @WithDefault("5s")
    Duration publishTimeout();

    /**
     * How many posted articles (batch lines included) ingest handles at once; more are refused with 503 and
     * Retry-After ({@code InFlightPosts}). Room for the burst a cold service gathers in a collection or a
     * compilation at 100 posts a second: with 64, a cold start refused one post in seven (README, "A bound on
     * the posts ingest holds").
     */
    @WithDefault("256")
    @Positive
    int maxInFlight();

    /** Where the catalog serves articles, for the Location of an accepted article. */
    @WithDefault("http://localhost:8081")
    String catalogUrl();

    /** The ids the catalog may hold, followed so that a post of a new article need not ask it. */
    Held held();

    interface Held {

        /** How often the ids the catalog stored since the last look are read. */
        @WithDefault("5s")
        Duration refresh();

        /**
         * How far back each look reads again: an article is listed by the moment its storing began, so one whose
         * transaction began before the last look but ended after it is read on the next. Each look re-reads this
         * long's ids: at 200 stored a second, 3,000 for 15 s.
         */
        @WithDefault("15s")
        Duration margin();

        /**
         * How many articles the filter is sized for, at 1% false positives (about 1.2 MB a million); past that it
         * answers "may hold" more often, which only means asking the catalog more often.
         */
        @WithDefault("4000000")
        @Positive
        int expectedArticles();
    }

    /** Bulk import, {@code POST /api/articles/batch}: one JSON article a line. */
    Batch batch();

    interface Batch {

        /** The most articles (lines that are not blank) one batch may hold; more is a 413 for the whole batch. */
        @WithDefault("1000")
        @Positive
        int maxLines();

        /**
         * The largest batch body; more is a 413 for the whole batch. It is ingest's HTTP body limit too (see
         * application.properties), so keep it at least {@code RASD_MAX_ARTICLE_SIZE}: each article, in a batch or
         * posted alone, is still held to that.
         */
        @WithDefault("8M")
        MemorySize maxSize();

        /**
         * How many lines of one batch are extracted and published at once: enough to keep the cores busy while
         * others wait for the catalog or the broker, few enough that a batch never floods either.
         */
        @WithDefault("8")
        @Positive
        int concurrency();
    }
}

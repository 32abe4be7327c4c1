package org.rasd.ingest.feeds;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpHeaders;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One poll of one feed: a conditional GET (If-None-Match, If-Modified-Since from the last read), and when the feed
 * changed, its new items ingested one after another, oldest first, so that one site is never asked for many pages
 * at once. Whatever fails makes a failed poll (backed off) or a failed item (refused or left for the next poll),
 * never a failed {@code Uni}.
 */
@ApplicationScoped
class FeedPoller {

    private static final String FEED_TYPES = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1";

    private final WebFetcher web;
    private final ItemIngestion items;
    private final FeedMetrics metrics;
    private final Backoff backoff;
    private final long maxFeedSize;
    private final int rememberedItems;

    FeedPoller(WebFetcher web, ItemIngestion items, FeedMetrics metrics, FeedsConfig config) {
        this.web = web;
        this.items = items;
        this.metrics = metrics;
        this.backoff = new Backoff(config.pollInterval(), config.maxBackoff());
        this.maxFeedSize = config.maxFeedSize().asLongValue();
        this.rememberedItems = config.rememberedItems();
    }

    /** The feed's state after polling it now. */
    Uni<FeedState> poll(FeedState state) {
        Instant started = Instant.now();
        return web.get(state.url(), conditions(state), maxFeedSize)
                .chain(answer -> {
                    if (answer.status() == 304) {
                        return Uni.createFrom().item(state.notModified(started, backoff.after(0)));
                    }
                    if (!answer.ok()) {
                        return Uni.createFrom().item(failed(state, started, "HTTP " + answer.status(),
                                Backoff.retryAfter(answer.header(HttpHeaders.RETRY_AFTER), Instant.now())));
                    }
                    return newItems(state, answer)
                            .chain(this::ingest)
                            .map(results -> state.fetched(started, answer.header(HttpHeaders.ETAG),
                                    answer.header(HttpHeaders.LAST_MODIFIED), results, rememberedItems, backoff.after(0)));
                })
                .onFailure().recoverWithItem(failure -> failed(state, started, failure.getMessage() != null
                        ? failure.getMessage() : failure.toString(), Optional.empty()))
                .invoke(polled -> metrics.polled(polled.lastResult()));
    }

    private static Map<CharSequence, String> conditions(FeedState state) {
        Map<CharSequence, String> headers = new HashMap<>();
        headers.put(HttpHeaders.ACCEPT, FEED_TYPES);
        if (state.etag() != null) {
            headers.put(HttpHeaders.IF_NONE_MATCH, state.etag());
        }
        if (state.lastModified() != null) {
            headers.put(HttpHeaders.IF_MODIFIED_SINCE, state.lastModified());
        }
        return headers;
    }

    /** The items not seen yet, oldest first (feeds list the newest first); reading XML is CPU work: not on the event loop. */
    private static Uni<List<FeedItem>> newItems(FeedState state, WebFetcher.Answer answer) {
        return Uni.createFrom().item(() -> {
            Set<String> seen = state.seenKeys();
            List<FeedItem> all = FeedParser.items(answer.body(), answer.header(HttpHeaders.CONTENT_TYPE), answer.url());
            return all.reversed().stream().filter(item -> seen.add(item.key())).toList(); // an item listed twice, once
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private Uni<List<ItemResult>> ingest(List<FeedItem> fresh) {
        return Multi.createFrom().iterable(fresh)
                .onItem().transformToUniAndConcatenate(items::ingest)
                .invoke(result -> metrics.item(result.outcome()))
                .collect().asList();
    }

    private FeedState failed(FeedState state, Instant started, String error, Optional<Duration> retryAfter) {
        Log.warnf("Polling the feed %s failed (%d in a row): %s", state.url(), state.consecutiveFailures() + 1, error);
        return state.failed(started, error, backoff.after(state.consecutiveFailures() + 1, retryAfter));
    }
}

package org.rasd.ingest.feeds;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Polls the configured feeds, each on a Vert.x timer of its own, set again when its poll ends: for the time its
 * state says (at once for a new feed), so a restart keeps each feed's pace and back-off. A slow or failing feed
 * holds up no other. Each poll's state is saved before the next is timed. With no feed configured nothing is
 * timed at all.
 */
@ApplicationScoped
public class FeedPolling {

    /** A feed being polled; its state is replaced by each poll, one poll at a time. */
    private static final class Feed {
        volatile FeedState state;
        volatile long timer;
        volatile boolean polling;
        volatile boolean stopped;

        Feed(FeedState state) {
            this.state = state;
        }
    }

    private final FeedsConfig config;
    private final FeedPoller poller;
    private final FeedStateStore store;
    private final Vertx vertx;
    private volatile List<Feed> feeds = List.of();

    public FeedPolling(FeedsConfig config, FeedPoller poller, FeedStateStore store, Vertx vertx) {
        this.config = config;
        this.poller = poller;
        this.store = store;
        this.vertx = vertx;
    }

    void onStart(@Observes StartupEvent started) {
        start();
    }

    void onStop(@Observes ShutdownEvent stopping) {
        stop();
    }

    /** Reads each feed's saved state and times its next poll. */
    synchronized void start() {
        List<String> urls = config.urls().orElse(List.of()).stream().map(String::strip).filter(url -> !url.isEmpty())
                .distinct().toList();
        if (urls.isEmpty()) {
            Log.info("No feeds configured (INGEST_FEEDS): none is polled");
            return;
        }
        urls.forEach(FeedPolling::checkUrl);
        feeds = urls.stream().map(url -> new Feed(store.load(url))).toList();
        feeds.forEach(feed -> schedule(feed, feed.state.nextPoll()));
        Log.infof("Polling %d feeds every %s; their state is kept in %s", feeds.size(), config.pollInterval(),
                config.stateDirectory().toAbsolutePath());
    }

    /** Times no more polls; a poll under way ends and saves its state. */
    synchronized void stop() {
        for (Feed feed : feeds) {
            feed.stopped = true;
            vertx.cancelTimer(feed.timer);
        }
    }

    /** Each feed's status, in the order configured. */
    public List<FeedStatus> statuses() {
        return feeds.stream().map(feed -> feed.state.status(feed.polling)).toList();
    }

    private static void checkUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("The feed URL " + url + " (INGEST_FEEDS) is not a URL: " + e.getMessage(), e);
        }
        boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
        if (!web || uri.getHost() == null) {
            throw new IllegalArgumentException("The feed URL " + url + " (INGEST_FEEDS) is not an http or https URL");
        }
    }

    private void schedule(Feed feed, Instant at) {
        long delay = at == null ? 0 : Duration.between(Instant.now(), at).toMillis();
        feed.timer = vertx.setTimer(Math.max(1, delay), fired -> poll(feed));
    }

    private void poll(Feed feed) {
        synchronized (this) { // once stop() returns, no poll starts
            if (feed.stopped) {
                return;
            }
            feed.polling = true;
        }
        poller.poll(feed.state)
                .call(this::save)
                .subscribe().with(polled -> {
                    feed.state = polled;
                    polled(feed, polled.nextPoll());
                }, failure -> { // a bug: the poller turns what goes wrong into a failed poll
                    Log.errorf(failure, "Polling the feed %s failed unexpectedly", feed.state.url());
                    polled(feed, Instant.now().plus(config.pollInterval()));
                });
    }

    private void polled(Feed feed, Instant next) {
        feed.polling = false;
        if (!feed.stopped) {
            schedule(feed, next);
        }
    }

    /** Writing a file blocks: on a worker thread. Unsaved, a state only costs items read again after a restart. */
    private Uni<Void> save(FeedState state) {
        return Uni.createFrom().item(() -> {
                    store.save(state);
                    return state;
                })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onFailure().invoke(failure -> Log.errorf(failure, "The state of the feed %s was not saved", state.url()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}

package org.rasd.catalog.messaging;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.rasd.catalog.article.CatalogService;
import org.rasd.catalog.article.InvalidArticleException;
import org.rasd.catalog.event.EventFeed;

import java.time.Duration;

/**
 * Stores each article record from the {@code articles} topic. A record that is not an article record fails
 * at once and goes to {@code articles.dlq} with the reason; other failures (the database restarting) are
 * retried with back-off first, so a good article is not sent to the dead letters by a passing outage.
 */
@ApplicationScoped
public class ArticleConsumer {

    private final CatalogService catalog;
    private final OutboxRelay relay;
    private final EventFeed feed;

    public ArticleConsumer(CatalogService catalog, OutboxRelay relay, EventFeed feed) {
        this.catalog = catalog;
        this.relay = relay;
        this.feed = feed;
    }

    @Incoming("articles")
    public Uni<Void> consume(String payload) {
        return Uni.createFrom().deferred(() -> catalog.store(payload))
                .onFailure(failure -> !(failure instanceof InvalidArticleException))
                .retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(20)
                .invoke(feed::publish)
                // The events are committed: the broker taking them can wait for the sweep if it must.
                .call(stored -> stored.isEmpty() ? Uni.createFrom().voidItem() : relay.drain()
                        .onFailure().invoke(failure -> Log.warnf("Events stay in the outbox for now: %s", failure.toString()))
                        .onFailure().recoverWithNull())
                .onFailure(InvalidArticleException.class).invoke(failure -> Log.warnf("Dead-lettered: %s", failure.getMessage()))
                .replaceWithVoid();
    }
}

package org.rasd.catalog.messaging;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.rasd.catalog.article.CatalogService;
import org.rasd.catalog.article.InvalidArticleException;
import org.rasd.catalog.event.EventFeed;
import org.rasd.support.storage.StorageFailures;
import org.rasd.support.storage.UntilStored;

/**
 * Stores each article record from the {@code articles} topic. A record that can never be stored (not an
 * article record, or one the database refuses for its data) fails at once and goes to {@code articles.dlq}
 * with the reason, and the next record is stored right after. Any other failure is the database being
 * unreachable: the record is retried for as long as that lasts, so an outage delays articles but loses none.
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
        return UntilStored.store(() -> catalog.store(payload), ArticleConsumer::neverStorable,
                        failure -> Log.warnf("Article not stored yet, retrying: %s", failure.toString()))
                .onFailure(failure -> !(failure instanceof InvalidArticleException))
                .transform(failure -> new InvalidArticleException(StorageFailures.recordAtFault(failure).orElseThrow()))
                .invoke(feed::publish)
                // The events are committed: the broker taking them can wait for the sweep if it must.
                .call(stored -> stored.isEmpty() ? Uni.createFrom().voidItem() : relay.drain()
                        .onFailure().invoke(failure -> Log.warnf("Events stay in the outbox for now: %s", failure.toString()))
                        .onFailure().recoverWithNull())
                .onFailure().invoke(failure -> Log.warnf("Dead-lettered: %s", failure.getMessage()))
                .replaceWithVoid();
    }

    private static boolean neverStorable(Throwable failure) {
        return failure instanceof InvalidArticleException || StorageFailures.recordAtFault(failure).isPresent();
    }
}

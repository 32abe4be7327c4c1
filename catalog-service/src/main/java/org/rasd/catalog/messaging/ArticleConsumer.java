package org.rasd.catalog.messaging;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.rasd.catalog.article.CatalogService;
import org.rasd.catalog.article.InvalidArticleException;
import org.rasd.catalog.event.EventFeed;
import org.rasd.support.messaging.DeadLetters;
import org.rasd.support.storage.RecordAtFaultException;
import org.rasd.support.storage.UntilStored;

/**
 * Stores each article record from the {@code articles} topic. A record that can never be stored (not an
 * article record, data the database refuses, or one that keeps failing while the database answers) goes to
 * {@code articles.dlq} with the reason, and the next record is stored right after. A database that is down
 * is waited out, so an outage delays articles but loses none.
 */
@ApplicationScoped
public class ArticleConsumer {

    private final CatalogService catalog;
    private final OutboxRelay relay;
    private final EventFeed feed;
    private final MutinyEmitter<String> deadLetters;

    public ArticleConsumer(CatalogService catalog, OutboxRelay relay, EventFeed feed,
                           @Channel("articles-dead-letters") MutinyEmitter<String> deadLetters) {
        this.catalog = catalog;
        this.relay = relay;
        this.feed = feed;
        this.deadLetters = deadLetters;
    }

    @Incoming("articles")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        Uni<Void> stored;
        try {
            var document = catalog.read(record.value());
            stored = UntilStored.store(() -> catalog.store(document), catalog::answers,
                            failure -> Log.warnf("Article %s not stored yet, retrying: %s", document.id(), failure.toString()))
                    .invoke(feed::publish)
                    // The events are committed: the broker taking them can wait for the sweep if it must.
                    .call(messages -> messages.isEmpty() ? Uni.createFrom().voidItem() : relay.drain()
                            .onFailure().invoke(failure -> Log.warnf("Events stay in the outbox for now: %s", failure.toString()))
                            .onFailure().recoverWithNull())
                    .replaceWithVoid();
        } catch (InvalidArticleException notAnArticle) {
            stored = Uni.createFrom().failure(new RecordAtFaultException(notAnArticle.getMessage()));
        }
        return stored.onFailure(RecordAtFaultException.class)
                .recoverWithUni(failure -> DeadLetters.send(deadLetters, record, failure.getMessage()));
    }
}

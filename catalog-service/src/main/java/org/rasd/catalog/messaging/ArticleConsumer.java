package org.rasd.catalog.messaging;

import io.opentelemetry.api.trace.Tracer;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.rasd.catalog.article.ArticleDocument;
import org.rasd.catalog.article.CatalogService;
import org.rasd.catalog.article.StoredBatch;
import org.rasd.support.logging.LogContext;
import org.rasd.support.messaging.AcceptedAt;
import org.rasd.support.messaging.PollStorage;
import org.rasd.support.tracing.Traces;

import java.util.Map;

/**
 * Stores the article records of the {@code articles} topic a poll at a time, each poll in one transaction. A
 * record that can never be stored (not an article record, data the database refuses, or one that keeps
 * failing while the database answers) goes to {@code articles.dlq} with the reason and the rest of its poll
 * is stored. A database that is down is waited out, so an outage delays articles but loses none. Each record's
 * trace context is kept with its events, for their messages to go on in the article's trace; a poll is stored under
 * a span of its own, linked to the records' traces.
 */
@ApplicationScoped
public class ArticleConsumer {

    private final PollStorage<ArticleDocument, StoredBatch> storage;
    private final JoinRelay joins;
    private final CatalogMetrics metrics;
    private final Tracer tracer;

    public ArticleConsumer(CatalogService catalog, JoinRelay joins, CatalogMetrics metrics, Tracer tracer,
                           @Channel("articles-dead-letters") MutinyEmitter<String> deadLetters) {
        this.joins = joins;
        this.metrics = metrics;
        this.tracer = tracer;
        this.storage = new PollStorage<>(record -> catalog.read(record.value(), AcceptedAt.of(record.headers()).orElse(null),
                Traces.traceparent(record.headers())), catalog::store, catalog::answers, this::announce, deadLetters,
                record -> record.key() == null ? Map.of() : Map.of(LogContext.ARTICLE_ID, record.key()));
    }

    @Incoming("articles")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return Traces.poll(tracer, "store", records, () -> storage.store(records));
    }

    /** Asks for the stored events to be joined into incidents and sent on; that does not hold up the next poll. */
    private Uni<Void> announce(StoredBatch stored) {
        metrics.stored(stored);
        if (Log.isDebugEnabled()) {
            stored.articleIds().forEach(id -> LogContext.article(id, () -> Log.debugf("Stored article %s", id)));
        }
        if (!stored.eventMessages().isEmpty() || stored.newVersions() > 0) { // a new version may only remove events
            joins.requestDrain();
        }
        return Uni.createFrom().voidItem();
    }
}

package org.rasd.catalog.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.rasd.catalog.article.StoredBatch;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What the catalog stored, for {@code /q/metrics}: {@code rasd_catalog_articles_stored_total},
 * {@code rasd_catalog_events_stored_total}, the join queue depth (events stored, not yet joined into incidents)
 * and the outbox depth (events joined, not yet on the broker).
 */
@ApplicationScoped
public class CatalogMetrics {

    private final Counter articles;
    private final Counter events;
    private final AtomicLong joinQueueDepth;
    private final AtomicLong outboxDepth;

    public CatalogMetrics(MeterRegistry registry) {
        this.articles = registry.counter("rasd.catalog.articles.stored");
        this.events = registry.counter("rasd.catalog.events.stored");
        this.joinQueueDepth = registry.gauge("rasd.catalog.join.queue.depth", new AtomicLong());
        this.outboxDepth = registry.gauge("rasd.catalog.outbox.depth", new AtomicLong());
    }

    void stored(StoredBatch batch) {
        articles.increment(batch.articles());
        events.increment(batch.eventMessages().size());
    }

    void backlogs(long queued, long inOutbox) {
        joinQueueDepth.set(queued);
        outboxDepth.set(inOutbox);
    }
}

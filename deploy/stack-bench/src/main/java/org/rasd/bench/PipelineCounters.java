package org.rasd.bench;

import org.rasd.stack.LocalStack;
import org.rasd.stack.ServiceMetrics;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/**
 * Whether the pipeline has caught up, from the services' own counters: the catalog stored every article ingest
 * accepted, and analytics counted every event the catalog stored. Reading counters costs the stack nothing,
 * where polling the databases for a step's articles would load PostgreSQL while it drains.
 */
final class PipelineCounters {

    private static final Duration POLL = Duration.ofMillis(250);

    private final ServiceMetrics metrics;
    private final LocalStack stack;

    PipelineCounters(ServiceMetrics metrics, LocalStack stack) {
        this.metrics = metrics;
        this.stack = stack;
    }

    /** Waits until the pipeline has caught up, or the patience runs out; returns whether it caught up. */
    boolean awaitCaughtUp(Duration patience) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (!caughtUp()) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            Thread.sleep(POLL.toMillis());
        }
        return true;
    }

    private boolean caughtUp() throws IOException, InterruptedException {
        double accepted = metrics.read(stack.url(LocalStack.Service.INGEST), ServiceMetrics.INGEST_ACCEPTED);
        double stored = metrics.read(stack.url(LocalStack.Service.CATALOG), ServiceMetrics.CATALOG_STORED);
        double storedEvents = metrics.read(stack.url(LocalStack.Service.CATALOG), ServiceMetrics.CATALOG_EVENTS);
        double counted = metrics.read(stack.url(LocalStack.Service.ANALYTICS), ServiceMetrics.ANALYTICS_COUNTED);
        return stored >= accepted && counted >= storedEvents;
    }
}

package org.rasd.ingest.submission;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.rasd.ingest.IngestConfig;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A bound on the articles ingest handles at once, from a post (or a batch's line) read to its answer. Past it a
 * post is refused at once with 503 and Retry-After: under more load than the cores take, a post waiting seconds
 * for a worker or the broker costs the client its wait and the collector its copies (README, "Garbage collection
 * in ingest"), and would mostly be answered 503 after the broker's timeout anyway.
 */
@ApplicationScoped
public class InFlightPosts {

    private final AtomicInteger inFlight = new AtomicInteger();
    private final int limit;
    private final IngestMetrics metrics;

    @Inject
    public InFlightPosts(IngestConfig config, IngestMetrics metrics, MeterRegistry registry) {
        this(config.maxInFlight(), metrics);
        Gauge.builder("rasd.ingest.posts.in.flight", inFlight, AtomicInteger::get)
                .description("Posted articles being extracted or published, batch lines included").register(registry);
    }

    InFlightPosts(int limit, IngestMetrics metrics) {
        this.limit = limit;
        this.metrics = metrics;
    }

    /**
     * The post, if a slot is free when it is subscribed to; its slot is freed when it ends, however it ends (an
     * answer, a failure, a client gone). Otherwise an {@link IngestBusyException}, and the post is not begun.
     */
    public <T> Uni<T> admit(Supplier<Uni<T>> post) {
        return Uni.createFrom().deferred(() -> {
            if (inFlight.incrementAndGet() > limit) {
                inFlight.decrementAndGet();
                metrics.shed();
                return Uni.createFrom().failure(new IngestBusyException(limit));
            }
            return Uni.createFrom().<T>deferred(post::get).onTermination().invoke(inFlight::decrementAndGet);
        });
    }

    int inFlight() {
        return inFlight.get();
    }
}

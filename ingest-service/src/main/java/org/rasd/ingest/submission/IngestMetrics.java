package org.rasd.ingest.submission;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What ingest did with posted articles, for {@code /q/metrics}: {@code rasd_ingest_articles_total} by outcome
 * (accepted, duplicate, refused for the article's sake, failed for the broker's, busy when ingest held as many as
 * it takes at once) and the extraction time.
 * Requests refused before they reach the service (no key, too large, too many) show in the HTTP server metrics.
 */
@ApplicationScoped
public class IngestMetrics {

    private final Timer extraction;
    /** Registered once: a registry lookup of name and tags on every post would cost more than the increment. */
    private final Map<IngestionService.Status, Counter> byStatus = new EnumMap<>(IngestionService.Status.class);
    private final Counter refused;
    private final Counter failed;
    private final Counter busy;

    public IngestMetrics(MeterRegistry registry) {
        this.extraction = Timer.builder("rasd.ingest.extraction").description("Parsing and extracting one article")
                .register(registry);
        for (IngestionService.Status status : IngestionService.Status.values()) {
            byStatus.put(status, articles(registry, status.name().toLowerCase(Locale.ROOT)));
        }
        this.refused = articles(registry, "refused");
        this.failed = articles(registry, "failed");
        this.busy = articles(registry, "busy");
    }

    private static Counter articles(MeterRegistry registry, String outcome) {
        return registry.counter("rasd.ingest.articles", "outcome", outcome);
    }

    <T> T timeExtraction(Supplier<T> work) {
        return extraction.record(work);
    }

    /** An article published to the broker, counted when the broker has it. */
    void published(IngestionService.Status status) {
        byStatus.get(status).increment();
    }

    /** A post as answered: only a duplicate is counted here, a publication by {@link #published}. */
    void answered(IngestionService.Outcome outcome) {
        if (outcome.status() == IngestionService.Status.DUPLICATE) {
            byStatus.get(IngestionService.Status.DUPLICATE).increment();
        }
    }

    /** A post refused before it was begun, because ingest held as many as it takes at once ({@link InFlightPosts}). */
    void shed() {
        busy.increment();
    }

    void failed(Throwable failure) {
        (failure instanceof HttpProblem problem && problem.getStatusCode() < 500 ? refused : failed).increment();
    }
}

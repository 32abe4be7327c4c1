package org.rasd.ingest.submission;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * What ingest did with posted articles, for {@code /q/metrics}: {@code rasd_ingest_articles_total} by outcome
 * (accepted, duplicate, refused for the article's sake, failed for the broker's) and the extraction time.
 * Requests refused before they reach the service (no key, too large, too many) show in the HTTP server metrics.
 */
@ApplicationScoped
public class IngestMetrics {

    private final MeterRegistry registry;
    private final Timer extraction;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.extraction = Timer.builder("rasd.ingest.extraction").description("Parsing and extracting one article")
                .register(registry);
    }

    <T> T timeExtraction(Supplier<T> work) {
        return extraction.record(work);
    }

    void counted(IngestionService.Status status) {
        count(status.name().toLowerCase(Locale.ROOT));
    }

    void failed(Throwable failure) {
        count(failure instanceof HttpProblem problem && problem.getStatusCode() < 500 ? "refused" : "failed");
    }

    private void count(String outcome) {
        registry.counter("rasd.ingest.articles", "outcome", outcome).increment();
    }
}

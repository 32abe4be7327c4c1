package org.rasd.ingest.reextraction;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.rasd.ingest.record.ArticleRecord;
import org.rasd.ingest.submission.CatalogClient;
import org.rasd.ingest.submission.IngestionService;
import org.rasd.support.http.CursorPages;
import org.rasd.support.logging.LogContext;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Re-extracts stored articles with the current extractor, in the background, a page of the catalog at a time: each
 * record whose revision changes is published as a new version of its article. A run reports its progress and the
 * cursor it has reached: a stopped run is resumed from there, and a run started from that cursor goes on where
 * another stopped (a restart of ingest included, which forgets the runs).
 */
@ApplicationScoped
public class Reextraction {

    /** Records are whole articles: a few at a time. */
    static final int PAGE = 20;
    /**
     * Reading a page is tried again after a failure the catalog may get over (a timeout, a restart, a 5xx), for
     * about a minute in all, before the run stops.
     */
    static final int PAGE_ATTEMPTS = 8;
    private static final Duration FIRST_RETRY = Duration.ofMillis(500);
    private static final Duration LAST_RETRY = Duration.ofSeconds(15);
    /** Runs whose progress is kept: every running one, and the latest finished ones up to this many in all. */
    static final int KEPT_RUNS = 100;

    /** Which stored articles a run takes; every field is optional ({@code from}, {@code to}: publication days). */
    public record Scope(@Schema(nullable = true) String extractor, @Schema(nullable = true) String source,
                        @Schema(nullable = true, format = "date") String from, @Schema(nullable = true, format = "date") String to) {
    }

    /**
     * A run and how far it is. {@code skipped}: articles whose id came from their posted text, which cannot be
     * re-extracted from the stored text; {@code cursor}: start a run there to go on after the articles done.
     */
    public record Progress(String id, Scope scope, Instant started, @Schema(enumeration = {"running", "done", "stopped"}) String state,
                           long read, long updated, long unchanged, long skipped, long failed,
                           @Schema(nullable = true) String cursor, @Schema(nullable = true) String error) {
    }

    private static final class Run {
        final String id = UUID.randomUUID().toString();
        /** The how-manieth run this is: the order runs are forgotten in. */
        final long order;
        final Scope scope;
        final Instant started = Instant.now();
        final AtomicLong read = new AtomicLong();
        final AtomicLong updated = new AtomicLong();
        final AtomicLong unchanged = new AtomicLong();
        final AtomicLong skipped = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        volatile String cursor;
        volatile String state = "running";
        volatile String error;

        Run(long order, Scope scope, String cursor) {
            this.order = order;
            this.scope = scope;
            this.cursor = cursor;
        }

        Progress progress() {
            return new Progress(id, scope, started, state, read.get(), updated.get(), unchanged.get(), skipped.get(),
                    failed.get(), cursor, error);
        }
    }

    private final CatalogClient catalog;
    private final IngestionService ingestion;
    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private final AtomicLong started = new AtomicLong();

    public Reextraction(@RestClient CatalogClient catalog, IngestionService ingestion) {
        this.catalog = catalog;
        this.ingestion = ingestion;
    }

    /**
     * Starts a run and returns at once.
     *
     * @param cursor        where an earlier run stopped, or null to start from the first article
     * @param authorization passed on to the catalog, whose reads may need a key
     */
    public Progress start(Scope scope, String cursor, String authorization) {
        Run run = new Run(started.incrementAndGet(), scope, cursor);
        runs.put(run.id, run);
        forgetOldestFinishedRuns();
        launch(run, authorization);
        return run.progress();
    }

    /** A run that cannot go on: it is running, or it is done. */
    public static final class NotResumable extends RuntimeException {
        NotResumable(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Goes on with a stopped run (the catalog refused a page, or stayed unreachable) from the cursor it reached, its
     * counts kept; empty when this service has no such run.
     *
     * @throws NotResumable when the run is running or done
     */
    public Optional<Progress> resume(String id, String authorization) {
        Run run = runs.get(id);
        if (run == null) {
            return Optional.empty();
        }
        synchronized (run) { // two resumes at once: one goes on, the other finds it running
            if (!run.state.equals("stopped")) {
                throw new NotResumable("Re-extraction " + id + " is " + run.state
                        + (run.state.equals("done") ? "; start another one." : "."));
            }
            run.state = "running";
            run.error = null;
        }
        launch(run, authorization);
        return Optional.of(run.progress());
    }

    /** Reads the run's pages from its cursor, in the background, until there is none left or one fails. */
    private void launch(Run run, String authorization) {
        pages(run, authorization).subscribe().with(
                done -> run.state = "done",
                failure -> {
                    run.error = failure.toString();
                    run.state = "stopped";
                    Log.warnf("Re-extraction %s stopped at cursor %s: %s", run.id, run.cursor, failure);
                });
    }

    /** A service that runs for months is asked for runs without end: their progress cannot all be kept. */
    private void forgetOldestFinishedRuns() {
        runs.values().stream().filter(run -> !run.state.equals("running"))
                .sorted(Comparator.comparingLong(run -> run.order))
                .limit(Math.max(0, runs.size() - KEPT_RUNS))
                .toList()
                .forEach(run -> runs.remove(run.id));
    }

    public Optional<Progress> progress(String id) {
        return Optional.ofNullable(runs.get(id)).map(Run::progress);
    }

    /** The run's pages, one after another, from its cursor. */
    private Uni<Void> pages(Run run, String authorization) {
        return CursorPages.from(run.cursor, cursor -> catalog.records(run.scope.extractor(), run.scope.source(), run.scope.from(),
                                run.scope.to(), cursor, PAGE, authorization)
                        .onFailure(Reextraction::mayPass).retry().withBackOff(FIRST_RETRY, LAST_RETRY).atMost(PAGE_ATTEMPTS)
                        .call(page -> Multi.createFrom().iterable(page.items())
                                .onItem().transformToUniAndConcatenate(stored -> reextract(run, stored))
                                .collect().last())
                        .invoke(page -> run.cursor = page.nextCursor()),
                        CatalogClient.RecordPage::nextCursor)
                .collect().last()
                .replaceWithVoid();
    }

    /** Whether a failure to read a page may pass: anything but the catalog refusing the request itself. */
    private static boolean mayPass(Throwable failure) {
        return !(failure instanceof WebApplicationException refused && refused.getResponse().getStatus() < 500);
    }

    /** One article; a failure is counted, and the run goes on. */
    private Uni<Void> reextract(Run run, ArticleRecord stored) {
        run.read.incrementAndGet();
        return ingestion.reextract(stored).invoke(outcome -> {
                    if (outcome.isEmpty()) {
                        run.skipped.incrementAndGet();
                    } else if (outcome.get().status() == IngestionService.Status.DUPLICATE) {
                        run.unchanged.incrementAndGet();
                    } else {
                        run.updated.incrementAndGet();
                    }
                })
                .onFailure().invoke(failure -> {
                    run.failed.incrementAndGet();
                    LogContext.article(stored.id(), () -> Log.warnf("Re-extraction %s: article %s not re-extracted: %s", run.id,
                            stored.id(), failure.toString()));
                })
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}

package org.rasd.ingest.reextraction;

import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.rasd.ingest.record.ArticleRecord;
import org.rasd.ingest.state.StateFiles;
import org.rasd.ingest.submission.CatalogClient;
import org.rasd.ingest.submission.IngestionService;
import org.rasd.support.http.CursorPages;
import org.rasd.support.logging.LogContext;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Re-extracts stored articles with the current extractor, in the background, a page of the catalog at a time: each
 * record whose revision changes is published as a new version of its article. A run reports its progress and the
 * cursor it has reached: a stopped run is resumed from there, and a run started from that cursor goes on where
 * another stopped.
 * <p>
 * Each run's progress is saved in the instance's state directory when it starts, after each page and when it ends,
 * and read back when ingest starts (eagerly, off the event loop): a run that was going on when ingest stopped is
 * found stopped at the last page it finished, and is resumed by its id. The articles of the page it was in are
 * taken again: the catalog stores none of them twice, but those it had stored are counted unchanged this time.
 */
@ApplicationScoped
@Startup
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
    public static final int KEPT_RUNS = 100;

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
        final String id;
        final Scope scope;
        /** Also the order runs are forgotten in. */
        final Instant started;
        final AtomicLong read = new AtomicLong();
        final AtomicLong updated = new AtomicLong();
        final AtomicLong unchanged = new AtomicLong();
        final AtomicLong skipped = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        volatile String cursor;
        volatile String state = "running";
        volatile String error;

        Run(Scope scope, String cursor) {
            this.id = UUID.randomUUID().toString();
            this.scope = scope;
            this.started = Instant.now();
            this.cursor = cursor;
        }

        /** A run as it was saved; one saved running was cut off by the end of the ingest that ran it. */
        Run(Progress saved) {
            this.id = saved.id();
            this.scope = saved.scope();
            this.started = saved.started();
            read.set(saved.read());
            updated.set(saved.updated());
            unchanged.set(saved.unchanged());
            skipped.set(saved.skipped());
            failed.set(saved.failed());
            this.cursor = saved.cursor();
            this.state = saved.state().equals("running") ? "stopped" : saved.state();
            this.error = saved.state().equals("running") ? "ingest stopped while the run was going on" : saved.error();
        }

        Progress progress() {
            return progress(state, error);
        }

        /** The progress the run will have once it is in {@code state}. */
        Progress progress(String state, String error) {
            return new Progress(id, scope, started, state, read.get(), updated.get(), unchanged.get(), skipped.get(),
                    failed.get(), cursor, error);
        }

        /** Whether a saved progress can be a run's: a file written by hand or cut short may not be. */
        static boolean readable(Progress saved) {
            return saved.id() != null && saved.scope() != null && saved.started() != null
                    && List.of("running", "done", "stopped").contains(saved.state());
        }
    }

    private final CatalogClient catalog;
    private final IngestionService ingestion;
    private final StateFiles saved;
    /** Writes and deletes the state files one after another, in the order they are asked for. */
    private final Executor fileWriter;
    private final Map<String, Run> runs = new ConcurrentHashMap<>();

    @Inject
    public Reextraction(@RestClient CatalogClient catalog, IngestionService ingestion, ReextractionConfig config) {
        this(catalog, ingestion, new StateFiles(config.stateDirectory()),
                Executors.newSingleThreadExecutor(Thread.ofVirtual().name("reextraction-state").factory()));
    }

    Reextraction(CatalogClient catalog, IngestionService ingestion, StateFiles saved, Executor fileWriter) {
        this.catalog = catalog;
        this.ingestion = ingestion;
        this.saved = saved;
        this.fileWriter = fileWriter;
        for (Progress progress : saved.readAll(Progress.class)) {
            if (Run.readable(progress)) {
                runs.put(progress.id(), new Run(progress));
            } else {
                Log.warnf("A re-extraction state without its id, scope, start or state is left out: %s", progress);
            }
        }
    }

    /** The writer of the state files, when this service made it. */
    @PreDestroy
    void stopWriting() {
        if (fileWriter instanceof ExecutorService ownWriter) {
            ownWriter.shutdown(); // what is queued is still written
        }
    }

    /**
     * Starts a run and returns at once.
     *
     * @param cursor        where an earlier run stopped, or null to start from the first article
     * @param authorization passed on to the catalog, whose reads may need a key
     */
    public Progress start(Scope scope, String cursor, String authorization) {
        Run run = new Run(scope, cursor);
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
     * Goes on with a stopped run (the catalog refused a page, or stayed unreachable, or ingest stopped while it ran)
     * from the cursor it reached, its counts kept; empty when this service has no such run.
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

    /**
     * Reads the run's pages from its cursor, in the background, until there is none left or one fails. Its end is
     * shown only once its save is queued, so that the save of a resume asked for then comes after it.
     */
    private void launch(Run run, String authorization) {
        save(run.progress())
                .chain(() -> pages(run, authorization))
                .onItemOrFailure().transformToUni((done, failure) -> {
                    if (failure != null) {
                        Log.warnf("Re-extraction %s stopped at cursor %s: %s", run.id, run.cursor, failure);
                    }
                    String state = failure == null ? "done" : "stopped";
                    String error = failure == null ? null : failure.toString();
                    Uni<Void> saving = save(run.progress(state, error));
                    synchronized (run) {
                        run.error = error;
                        run.state = state;
                    }
                    return saving;
                })
                .subscribe().with(ended -> { }, failure -> { });
    }

    /**
     * Queues the write of a run's progress, in the order asked for. A progress that cannot be written (a full or
     * read-only disk) is logged, and the run goes on: it is only lost to a restart.
     */
    private Uni<Void> save(Progress progress) {
        CompletableFuture<Void> written = CompletableFuture.runAsync(() -> {
            try {
                saved.write(progress.id(), progress);
            } catch (RuntimeException e) {
                Log.warnf("Re-extraction %s: its progress cannot be saved, a restart will not find it: %s", progress.id(), e.toString());
            }
        }, fileWriter);
        return Uni.createFrom().completionStage(written);
    }

    /** A service that runs for months is asked for runs without end: their progress cannot all be kept. */
    private void forgetOldestFinishedRuns() {
        List<Run> oldestFinished = runs.values().stream().filter(run -> !run.state.equals("running"))
                .sorted(Comparator.comparing(run -> run.started))
                .limit(Math.max(0, runs.size() - KEPT_RUNS))
                .toList();
        for (Run run : oldestFinished) {
            synchronized (run) { // not one resumed meanwhile
                if (!run.state.equals("running")) {
                    runs.remove(run.id);
                    // queued after the run's last save, which was queued before it ended
                    fileWriter.execute(() -> {
                        try {
                            saved.delete(run.id);
                        } catch (RuntimeException e) {
                            Log.warnf("Re-extraction %s: its forgotten progress cannot be deleted: %s", run.id, e.toString());
                        }
                    });
                }
            }
        }
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
                        .invoke(page -> run.cursor = page.nextCursor())
                        .call(page -> save(run.progress())),
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

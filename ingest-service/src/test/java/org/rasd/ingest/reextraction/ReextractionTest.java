package org.rasd.ingest.reextraction;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.WebApplicationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rasd.ingest.state.StateFiles;
import org.rasd.ingest.submission.CatalogClient;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReextractionTest {

    @TempDir
    Path stateDirectory;

    /** Re-extraction with its runs saved in the test's directory, each save done before the run goes on. */
    private Reextraction reextraction(CatalogClient catalog) {
        return new Reextraction(catalog, null, new StateFiles(stateDirectory), Runnable::run);
    }

    /** A catalog whose pages are empty; the first, asked without a cursor, points to a second. */
    private static CatalogClient twoEmptyPages(List<String> cursorsAsked) {
        return (CatalogClient) Proxy.newProxyInstance(CatalogClient.class.getClassLoader(), new Class<?>[]{CatalogClient.class},
                (proxy, method, arguments) -> {
                    String cursor = (String) arguments[4];
                    cursorsAsked.add(cursor);
                    return Uni.createFrom().item(new CatalogClient.RecordPage(List.of(), cursor == null ? "after-first" : null));
                });
    }

    /**
     * A catalog with no stored records: a run ends at once, but for one scope, whose run never ends. A proxy, not a
     * class: Quarkus would take a class implementing the REST client interface for the client of every test app.
     */
    private static final CatalogClient EMPTY_CATALOG = (CatalogClient) Proxy.newProxyInstance(CatalogClient.class.getClassLoader(),
            new Class<?>[]{CatalogClient.class}, (proxy, method, arguments) -> {
                if (!method.getName().equals("records")) {
                    throw new UnsupportedOperationException("not asked by re-extraction");
                }
                return "slow".equals(arguments[0]) ? Uni.createFrom().nothing()
                        : Uni.createFrom().item(new CatalogClient.RecordPage(List.of(), null));
            });

    @Test
    void theProgressOfTheLatestRunsIsKeptAndThatOfOlderFinishedOnesForgotten() {
        Reextraction reextraction = reextraction(EMPTY_CATALOG);
        String running = reextraction.start(new Reextraction.Scope("slow", null, null, null), null, null).id();
        List<String> finished = new ArrayList<>();
        for (int i = 0; i < Reextraction.KEPT_RUNS + 5; i++) {
            finished.add(reextraction.start(new Reextraction.Scope(null, null, null, null), null, null).id());
        }

        assertEquals("running", reextraction.progress(running).orElseThrow().state(), "a running run is never forgotten");
        finished.subList(0, 6).forEach(id -> assertTrue(reextraction.progress(id).isEmpty(), "the oldest finished runs go"));
        finished.subList(6, finished.size()).forEach(id -> assertEquals("done", reextraction.progress(id).orElseThrow().state()));
    }

    @Test
    void aStoppedRunGoesOnFromItsCursorAndADoneOrUnknownOneIsNoResume() {
        List<String> cursorsAsked = new ArrayList<>();
        boolean[] refusing = {true};
        // two empty pages: the second is refused (a 400 is not tried again) until the catalog is told to answer
        CatalogClient catalog = (CatalogClient) Proxy.newProxyInstance(CatalogClient.class.getClassLoader(),
                new Class<?>[]{CatalogClient.class}, (proxy, method, arguments) -> {
                    String cursor = (String) arguments[4];
                    cursorsAsked.add(cursor);
                    if (cursor == null) {
                        return Uni.createFrom().item(new CatalogClient.RecordPage(List.of(), "after-first"));
                    }
                    return refusing[0] ? Uni.createFrom().failure(new WebApplicationException(400))
                            : Uni.createFrom().item(new CatalogClient.RecordPage(List.of(), null));
                });
        Reextraction reextraction = reextraction(catalog);
        String id = reextraction.start(new Reextraction.Scope(null, null, null, null), null, null).id();

        Reextraction.Progress stopped = reextraction.progress(id).orElseThrow();
        assertEquals("stopped", stopped.state());
        assertEquals("after-first", stopped.cursor());
        assertTrue(stopped.error().contains("400"), stopped.error());

        refusing[0] = false;
        assertEquals(id, reextraction.resume(id, null).orElseThrow().id());
        Reextraction.Progress done = reextraction.progress(id).orElseThrow();
        assertEquals("done", done.state());
        assertNull(done.error());
        assertEquals(Arrays.asList(null, "after-first", "after-first"), cursorsAsked, "resumed from the cursor it reached, not from the start");

        assertThrows(Reextraction.NotResumable.class, () -> reextraction.resume(id, null), "a run that is done");
        assertTrue(reextraction.resume("no-such-run", null).isEmpty());
    }

    @Test
    void aRunningRunIsNoResume() {
        Reextraction reextraction = reextraction(EMPTY_CATALOG);
        String running = reextraction.start(new Reextraction.Scope("slow", null, null, null), null, null).id();

        assertThrows(Reextraction.NotResumable.class, () -> reextraction.resume(running, null));
        assertEquals("running", reextraction.progress(running).orElseThrow().state());
    }

    @Test
    void aRunCutOffByTheEndOfIngestIsFoundStoppedWithItsCountsAndGoesOnFromItsLastPage() throws Exception {
        // what an instance killed in the middle of a run leaves: the progress saved after its last finished page
        Reextraction.Progress cutOff = new Reextraction.Progress("run-1", new Reextraction.Scope("rasd-rules/0.8", null, null, null),
                Instant.parse("2026-12-01T10:00:00Z"), "running", 40, 12, 27, 1, 0, "after-second", null);
        new StateFiles(stateDirectory).write(cutOff.id(), cutOff);

        List<String> cursorsAsked = new ArrayList<>();
        Reextraction restarted = reextraction(twoEmptyPages(cursorsAsked));
        Reextraction.Progress found = restarted.progress("run-1").orElseThrow();
        assertEquals("stopped", found.state());
        assertEquals("ingest stopped while the run was going on", found.error());
        assertEquals(List.of(40L, 12L, 27L, 1L, 0L), List.of(found.read(), found.updated(), found.unchanged(), found.skipped(), found.failed()));
        assertTrue(cursorsAsked.isEmpty(), "nothing goes on until the run is resumed");

        restarted.resume("run-1", null).orElseThrow();
        assertEquals(List.of("after-second"), cursorsAsked, "resumed from the page it reached");
        Reextraction.Progress done = reextraction(EMPTY_CATALOG).progress("run-1").orElseThrow();
        assertEquals("done", done.state(), "the end is saved too");
        assertEquals(40, done.read(), "its counts kept");
        assertEquals(cutOff.scope(), done.scope());
        assertEquals(cutOff.started(), done.started());
    }

    @Test
    void eachPageFinishedIsSavedBeforeTheNextIsAsked() {
        List<String> cursorsAsked = new ArrayList<>();
        List<String> cursorsSaved = new ArrayList<>();
        StateFiles files = new StateFiles(stateDirectory);
        CatalogClient pages = twoEmptyPages(cursorsAsked);
        CatalogClient watched = (CatalogClient) Proxy.newProxyInstance(CatalogClient.class.getClassLoader(), new Class<?>[]{CatalogClient.class},
                (proxy, method, arguments) -> {
                    files.readAll(Reextraction.Progress.class).forEach(saved -> cursorsSaved.add(saved.state() + " " + saved.cursor()));
                    return method.invoke(pages, arguments);
                });
        new Reextraction(watched, null, files, Runnable::run).start(new Reextraction.Scope(null, null, null, null), null, null);

        assertEquals(List.of("running null", "running after-first"), cursorsSaved);
        assertEquals("done", files.readAll(Reextraction.Progress.class).getFirst().state());
    }

    @Test
    void forgottenRunsLeaveNoFileBehind() throws Exception {
        Reextraction reextraction = reextraction(EMPTY_CATALOG);
        for (int i = 0; i < Reextraction.KEPT_RUNS + 3; i++) {
            reextraction.start(new Reextraction.Scope(null, null, null, null), null, null);
        }
        try (Stream<Path> files = Files.list(stateDirectory)) {
            assertEquals(Reextraction.KEPT_RUNS, files.count());
        }
    }

    @Test
    void statesThatAreNoRunsAreLeftOutAndTheOthersRead() throws Exception {
        Reextraction.Progress done = new Reextraction.Progress("run-2", new Reextraction.Scope(null, "hespress.com", null, null),
                Instant.parse("2026-12-01T11:00:00Z"), "done", 3, 1, 2, 0, 0, null, null);
        new StateFiles(stateDirectory).write(done.id(), done);
        Files.writeString(stateDirectory.resolve("empty.json"), "null");
        Files.writeString(stateDirectory.resolve("fields.json"), "{}");
        Files.writeString(stateDirectory.resolve("cut.json"), "{\"id\": \"run-3\", \"state\": \"runn");
        Files.writeString(stateDirectory.resolve("feed.json"), "{\"url\": \"https://news.example.ma/rss\", \"seen\": []}");

        Reextraction restarted = reextraction(EMPTY_CATALOG);
        assertEquals(done, restarted.progress("run-2").orElseThrow());
        assertTrue(restarted.progress("run-3").isEmpty());
    }

    @Test
    void aRunWhoseProgressCannotBeSavedStillGoesOn() throws Exception {
        Path notADirectory = Files.writeString(stateDirectory.resolve("a-file"), "");
        Reextraction reextraction = new Reextraction(twoEmptyPages(new ArrayList<>()), null,
                new StateFiles(notADirectory.resolve("runs")), Runnable::run);
        String id = reextraction.start(new Reextraction.Scope(null, null, null, null), null, null).id();

        assertEquals("done", reextraction.progress(id).orElseThrow().state());
    }
}

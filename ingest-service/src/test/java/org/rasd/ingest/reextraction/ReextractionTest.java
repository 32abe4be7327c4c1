package org.rasd.ingest.reextraction;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.WebApplicationException;
import org.junit.jupiter.api.Test;
import org.rasd.ingest.submission.CatalogClient;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReextractionTest {

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
        Reextraction reextraction = new Reextraction(EMPTY_CATALOG, null);
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
        Reextraction reextraction = new Reextraction(catalog, null);
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
        Reextraction reextraction = new Reextraction(EMPTY_CATALOG, null);
        String running = reextraction.start(new Reextraction.Scope("slow", null, null, null), null, null).id();

        assertThrows(Reextraction.NotResumable.class, () -> reextraction.resume(running, null));
        assertEquals("running", reextraction.progress(running).orElseThrow().state());
    }
}

package org.rasd.ingest.reextraction;

import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;
import org.rasd.ingest.submission.CatalogClient;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}

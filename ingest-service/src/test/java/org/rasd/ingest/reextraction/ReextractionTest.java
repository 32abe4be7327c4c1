package org.rasd.ingest.reextraction;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.rasd.ingest.submission.CatalogClient;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReextractionTest {

    /** A catalog with no stored records: a run ends at once, but for one scope, whose run never ends. */
    private static final CatalogClient EMPTY_CATALOG = new CatalogClient() {
        @Override
        public Uni<Response> article(String id) {
            throw new UnsupportedOperationException("not asked by re-extraction");
        }

        @Override
        public Uni<RecordPage> records(String extractor, String source, String from, String to, String cursor, int limit,
                                       String authorization) {
            return "slow".equals(extractor) ? Uni.createFrom().nothing() : Uni.createFrom().item(new RecordPage(List.of(), null));
        }
    };

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

package org.rasd.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogRecountTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void asksAnalyticsForARecountWithTheStacksKeyAndReadsItsReport() throws Exception {
        AtomicReference<String> asked = new AtomicReference<>();
        HttpServer analytics = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicReference<Integer> polls = new AtomicReference<>(0);
        analytics.createContext("/", exchange -> {
            String request = exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + exchange.getRequestHeaders().getFirst("Authorization");
            String body;
            if (exchange.getRequestMethod().equals("POST")) {
                asked.set(request);
                exchange.getResponseHeaders().set("Location", "/api/admin/recount/run-1");
                body = "{\"id\":\"run-1\",\"state\":\"running\",\"changes\":0}";
                exchange.sendResponseHeaders(202, body.length());
            } else {
                assertEquals("GET /api/admin/recount/run-1 Bearer the-key", request, "its progress, where the Location says");
                polls.set(polls.get() + 1);
                body = polls.get() == 1 ? "{\"id\":\"run-1\",\"state\":\"running\",\"changes\":500}"
                        : "{\"id\":\"run-1\",\"state\":\"done\",\"changes\":2166,\"matches\":true,\"replaced\":false,\"differences\":[]}";
                exchange.sendResponseHeaders(200, body.length());
            }
            exchange.getResponseBody().write(body.getBytes(StandardCharsets.UTF_8));
            exchange.close();
        });
        analytics.start();
        try {
            CatalogRecount recount = CatalogRecount.run("http://127.0.0.1:" + analytics.getAddress().getPort(), "the-key", JSON);
            assertEquals("POST /api/admin/recount Bearer the-key", asked.get(), "a recount that replaces nothing");
            assertEquals(2, polls.get(), "followed until done");
            assertTrue(recount.matches());
            assertEquals(2166, recount.changes());
            assertTrue(recount.line().startsWith("recount: 2,166 events of the catalog counted again in "), recount.line());
            assertTrue(recount.line().endsWith(": ok"), recount.line());
        } finally {
            analytics.stop(0);
        }
    }

    @Test
    void saysWhichTablesDifferWhenTheCountsDoNotMatch() throws Exception {
        CatalogRecount recount = CatalogRecount.of(JSON.readTree("""
                {"changes": 40, "state": "done", "matches": false, "replaced": false, "differences": [
                 {"table": "period_pair_count", "key": {"span": "month"}, "live": {"events": 2, "incidents": 1}, "recounted": null},
                 {"table": "window_count", "key": {"basis": "date"}, "live": null, "recounted": {"incidents": 1, "events": 1}},
                 {"table": "period_pair_count", "key": {"span": "year"}, "live": {"events": 2, "incidents": 1}, "recounted": null}]}"""),
                Duration.ofSeconds(3));
        assertFalse(recount.matches());
        assertEquals(Map.of("period_pair_count", 2, "window_count", 1), recount.differingRows());
        assertEquals("recount: 40 events of the catalog counted again in 3 s; rows that differ from the live ones, by table: "
                + "period_pair_count 2, window_count 1: MISMATCH", recount.line());
    }
}

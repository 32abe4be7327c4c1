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
        analytics.createContext("/", exchange -> {
            asked.set(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = "{\"events\":2166,\"matches\":true,\"replaced\":false,\"differences\":[]}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        analytics.start();
        try {
            CatalogRecount recount = CatalogRecount.run("http://127.0.0.1:" + analytics.getAddress().getPort(), "the-key", JSON);
            assertEquals("POST /api/admin/recount Bearer the-key", asked.get(), "a recount that replaces nothing");
            assertTrue(recount.matches());
            assertEquals(2166, recount.events());
            assertTrue(recount.line().startsWith("recount: 2,166 events of the catalog counted again in "), recount.line());
            assertTrue(recount.line().endsWith(": ok"), recount.line());
        } finally {
            analytics.stop(0);
        }
    }

    @Test
    void saysWhichTablesDifferWhenTheCountsDoNotMatch() throws Exception {
        CatalogRecount recount = CatalogRecount.of(JSON.readTree("""
                {"events": 40, "matches": false, "replaced": false, "differences": [
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

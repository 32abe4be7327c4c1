package org.rasd.bench;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The runner against a tiny server on the loopback: no stack needed. */
class QueryRunnerTest {

    private HttpServer server;
    private final AtomicInteger themes = new AtomicInteger();
    private final Set<String> asked = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().toString();
            asked.add(path);
            int status;
            if (path.startsWith("/api/aggregates/recent")) {
                status = 404;
            } else if (path.equals("/api/aggregates/themes")) {
                status = themes.incrementAndGet() % 100 == 0 ? 500 : 200; // one in a hundred fails
            } else {
                status = 200;
            }
            byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private QueryRunner runner(int requests) {
        return new QueryRunner("http://127.0.0.1:" + server.getAddress().getPort(), new QueryPlan(QueryPlanTest.STORE),
                new QueryRunner.Settings(4, requests, 100, Duration.ofSeconds(30)));
    }

    @Test
    void measuresTheAskedNumberOfRequestsAfterTheWarmUp() throws InterruptedException {
        QueryResult result = runner(400).run(QueryKind.COUNTRY);
        assertFalse(result.wasSkipped());
        assertEquals(400, result.requests());
        assertEquals(0, result.errors());
        assertTrue(result.millis(99).orElseThrow() > 0);
        assertTrue(result.meets(QueryReport.P99_LIMIT_MILLIS));
        assertTrue(asked.size() > 20, "the countries vary: " + asked.size());
    }

    @Test
    void countsEveryAnswerOtherThan200AsAnError() throws InterruptedException {
        QueryResult result = runner(400).run(QueryKind.THEMES);
        assertEquals(400, result.requests());
        assertEquals(4, result.errors(), "one in a hundred of warm-up and measured requests alike");
        assertTrue(result.errorSamples().get(500).startsWith("/api/aggregates/themes -> "));
        assertFalse(result.meets(QueryReport.P99_LIMIT_MILLIS));
    }

    @Test
    void skipsAKindTheServiceDoesNotHave() throws InterruptedException {
        QueryResult result = runner(400).run(QueryKind.RECENT);
        assertTrue(result.wasSkipped());
        assertTrue(result.skipped().contains("404"), result.skipped());
        assertEquals(Set.of("/api/aggregates/recent?days=7&by=date"), asked, "only the probe was sent");
    }
}

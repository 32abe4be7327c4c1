package org.rasd.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * The catalog's change pages as a recount reads them ({@code GET /api/events/changes?after=&limit=}), listing what a
 * test put there ({@code PUT /api/events}, a JSON array of event messages), in that order; a page's {@code next} is
 * where the one after it starts. A test can slow each page ({@code PUT /api/events/pace?millis=}) and make the pages
 * after a position refused ({@code PUT /api/events/refuse?after=}, {@code -1}: none), as a catalog gone wrong would.
 */
public class CatalogStub implements QuarkusTestResourceLifecycleManager {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer server;
    private volatile List<JsonNode> events = List.of();
    private volatile long pace;
    private volatile int refusedAfter = -1;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("no port for the catalog stub", e);
        }
        server.createContext("/api/events", this::answer);
        server.start();
        return Map.of("quarkus.rest-client.catalog.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> query = exchange.getRequestURI().getRawQuery() == null ? Map.of()
                    : Arrays.stream(exchange.getRequestURI().getRawQuery().split("&")).map(pair -> pair.split("=", 2))
                    .collect(Collectors.toMap(pair -> pair[0], pair -> pair.length < 2 ? "" : URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
            String path = exchange.getRequestURI().getPath();
            if (exchange.getRequestMethod().equals("PUT")) {
                switch (path) {
                    case "/api/events/pace" -> pace = Long.parseLong(query.get("millis"));
                    case "/api/events/refuse" -> refusedAfter = Integer.parseInt(query.get("after"));
                    default -> events = StreamSupport.stream(JSON.readTree(exchange.getRequestBody()).spliterator(), false).toList();
                }
                exchange.sendResponseHeaders(204, -1);
                return;
            }
            int from = query.getOrDefault("after", "").isEmpty() ? 0 : Integer.parseInt(query.get("after"));
            if (refusedAfter >= 0 && from >= refusedAfter) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            Thread.sleep(pace);
            List<JsonNode> listed = events;
            int to = Math.min(listed.size(), from + Integer.parseInt(query.getOrDefault("limit", "100")));
            ObjectNode page = JSON.createObjectNode();
            ArrayNode items = page.putArray("items");
            listed.subList(Math.min(from, to), to).forEach(items::add);
            page.put("next", Integer.toString(to));
            byte[] body = JSON.writeValueAsBytes(page);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

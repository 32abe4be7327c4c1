package org.rasd.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Analytics' counts against a fresh count of every event the catalog holds, as {@code deploy/recount} asks for it
 * ({@code POST /api/admin/recount}, without replacing anything): every aggregate row, time series bucket, country
 * pair and rolling-window row is compared.
 *
 * @param events        the events the catalog listed and the recount counted again
 * @param differingRows per table, the rows whose live counts differ from the recounted ones (as many as analytics
 *                      reports: at most its first hundred)
 */
record CatalogRecount(long events, boolean matches, Map<String, Integer> differingRows, Duration took) {

    /** A recount is one transaction over the whole catalog: a million events take minutes. */
    private static final Duration PATIENCE = Duration.ofMinutes(60);

    static CatalogRecount run(String analyticsUrl, String apiKey, ObjectMapper json) throws IOException, InterruptedException {
        long started = System.nanoTime();
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(analyticsUrl + "/api/admin/recount"))
                    .header("Authorization", "Bearer " + apiKey).timeout(PATIENCE).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IOException("POST /api/admin/recount answered " + response.statusCode() + ": "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
            return of(json.readTree(response.body()), Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /** From analytics' recount report. */
    static CatalogRecount of(JsonNode report, Duration took) {
        Map<String, Integer> differing = new TreeMap<>();
        report.path("differences").forEach(row -> differing.merge(row.path("table").asText(), 1, Integer::sum));
        return new CatalogRecount(report.path("events").asLong(), report.path("matches").asBoolean(false), differing, took);
    }

    String line() {
        String counted = String.format(Locale.ROOT, "recount: %,d events of the catalog counted again in %d s", events, took.toSeconds());
        if (matches) {
            return counted + "; every aggregate, series, pair and window row equals the live one: ok";
        }
        return counted + "; rows that differ from the live ones, by table: " + differingRows.entrySet().stream()
                .map(table -> table.getKey() + " " + table.getValue()).collect(Collectors.joining(", ")) + ": MISMATCH";
    }
}

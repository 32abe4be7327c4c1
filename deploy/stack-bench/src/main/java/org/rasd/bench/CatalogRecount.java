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
 * ({@code POST /api/admin/recount}, without replacing anything, then its progress until it is over): every aggregate
 * row, time series bucket, country pair and rolling-window row is compared.
 *
 * @param changes       the events (and removals) the catalog listed and the recount counted again
 * @param differingRows per table, the rows whose live counts differ from the recounted ones (as many as analytics
 *                      reports: at most its first hundred)
 */
record CatalogRecount(long changes, boolean matches, Map<String, Integer> differingRows, Duration took) {

    /** A run that reads nothing more for this long has stalled: a failed check. */
    private static final Duration PATIENCE = Duration.ofMinutes(10);
    private static final Duration POLL = Duration.ofSeconds(2);

    /** @throws IOException when analytics refuses the recount, or the run stops or stalls */
    static CatalogRecount run(String analyticsUrl, String apiKey, ObjectMapper json) throws IOException, InterruptedException {
        long started = System.nanoTime();
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(analyticsUrl + "/api/admin/recount"))
                    .header("Authorization", "Bearer " + apiKey).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 202) {
                throw new IOException("POST /api/admin/recount answered " + response.statusCode() + ": "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
            URI progress = URI.create(analyticsUrl).resolve(response.headers().firstValue("Location")
                    .orElseThrow(() -> new IOException("a started recount without its Location")));
            long read = -1;
            long movedAt = System.nanoTime();
            while (true) {
                Thread.sleep(POLL);
                JsonNode run = json.readTree(client.send(HttpRequest.newBuilder(progress).header("Authorization", "Bearer " + apiKey)
                        .GET().build(), HttpResponse.BodyHandlers.ofByteArray()).body());
                switch (run.path("state").asText()) {
                    case "done" -> {
                        return of(run, Duration.ofNanos(System.nanoTime() - started));
                    }
                    case "running" -> {
                        if (run.path("changes").asLong() != read) {
                            read = run.path("changes").asLong();
                            movedAt = System.nanoTime();
                        } else if (System.nanoTime() - movedAt > PATIENCE.toNanos()) {
                            throw new IOException("the recount read nothing more for " + PATIENCE.toMinutes() + " min, at " + read + " changes");
                        }
                    }
                    default -> throw new IOException("the recount stopped at " + run.path("changes").asLong() + " changes: "
                            + run.path("error").asText());
                }
            }
        }
    }

    /** From analytics' recount report. */
    static CatalogRecount of(JsonNode report, Duration took) {
        Map<String, Integer> differing = new TreeMap<>();
        report.path("differences").forEach(row -> differing.merge(row.path("table").asText(), 1, Integer::sum));
        return new CatalogRecount(report.path("changes").asLong(), report.path("matches").asBoolean(false), differing, took);
    }

    String line() {
        String counted = String.format(Locale.ROOT, "recount: %,d events of the catalog counted again in %d s", changes, took.toSeconds());
        if (matches) {
            return counted + "; every aggregate, series, pair and window row equals the live one: ok";
        }
        return counted + "; rows that differ from the live ones, by table: " + differingRows.entrySet().stream()
                .map(table -> table.getKey() + " " + table.getValue()).collect(Collectors.joining(", ")) + ": MISMATCH";
    }
}

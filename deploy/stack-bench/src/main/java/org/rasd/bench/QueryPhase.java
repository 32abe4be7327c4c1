package org.rasd.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The analytics read API under a few users once the history is counted: reads what the store holds (not
 * measured), then measures each {@link QueryKind} in turn with {@link QueryRunner}.
 */
final class QueryPhase {

    static final int CLIENTS = 4;
    static final Duration CAP = Duration.ofSeconds(60);

    private QueryPhase() {
    }

    static QueryRunner.Settings settings(int requests) {
        return new QueryRunner.Settings(CLIENTS, requests, Math.max(100, requests / 10), CAP);
    }

    static QueryReport run(String analyticsUrl, int requests, ObjectMapper json) throws IOException, InterruptedException {
        StoreShape store = storeShape(analyticsUrl, json);
        QueryRunner.Settings settings = settings(requests);
        QueryRunner runner = new QueryRunner(analyticsUrl, new QueryPlan(store), settings);
        List<QueryResult> results = new ArrayList<>();
        for (QueryKind kind : QueryKind.values()) {
            System.out.printf("queries: %s...%n", kind.label());
            results.add(runner.run(kind));
        }
        return new QueryReport(store, settings, results);
    }

    /** What the store holds, from the read API itself. */
    static StoreShape storeShape(String analyticsUrl, ObjectMapper json) throws IOException, InterruptedException {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        try (HttpClient client = HttpClient.newHttpClient()) {
            JsonNode countries = get(client, analyticsUrl + "/api/aggregates/countries", json);
            JsonNode themes = get(client, analyticsUrl + "/api/aggregates/themes", json);
            JsonNode years = get(client, analyticsUrl + "/api/series?interval=year&from=" + today.minusYears(40).withDayOfYear(1)
                    + "&to=" + today, json);
            Map<String, JsonNode> partners = new LinkedHashMap<>();
            for (JsonNode row : countries.path("countries")) {
                if (partners.size() == StoreShape.PAIR_COUNTRIES) {
                    break;
                }
                String code = row.path("code").asText();
                partners.put(code, get(client, analyticsUrl + "/api/aggregates/countries/" + code + "/partners", json));
            }
            return StoreShape.read(countries, themes, years, partners, today);
        }
    }

    private static JsonNode get(HttpClient client, String url, ObjectMapper json) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + url + " answered " + response.statusCode());
        }
        return json.readTree(response.body());
    }
}

package org.rasd.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Reads what ingest says it accepted from its Prometheus metrics. A request the load generator gave up on may
 * still have been accepted: ingest's own count, not the 202s the generator saw, is what the catalog must hold.
 */
final class IngestCounters {

    private static final String ACCEPTED = "rasd_ingest_articles_total{outcome=\"accepted\"";

    static long accepted(String ingestUrl) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            String metrics = client.send(HttpRequest.newBuilder(URI.create(ingestUrl + "/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return parseAccepted(metrics);
        }
    }

    static long parseAccepted(String metrics) {
        return metrics.lines().filter(line -> line.startsWith(ACCEPTED))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private IngestCounters() {
    }
}

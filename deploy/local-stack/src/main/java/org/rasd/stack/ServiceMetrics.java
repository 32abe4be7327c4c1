package org.rasd.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Reads counters from a service's Prometheus metrics ({@code /q/metrics}): the bench's figures, the tests' checks. */
public final class ServiceMetrics implements AutoCloseable {

    /** What ingest accepted, by its own count: a request the generator gave up on may still have been accepted. */
    public static final String INGEST_ACCEPTED = "rasd_ingest_articles_total{outcome=\"accepted\"";
    public static final String CATALOG_STORED = "rasd_catalog_articles_stored_total";
    public static final String CATALOG_EVENTS = "rasd_catalog_events_stored_total";
    public static final String ANALYTICS_COUNTED = "rasd_analytics_events_counted_total";

    private final HttpClient client = HttpClient.newHttpClient();

    /** The sum of the series whose line starts with {@code series} (a name, or a name and its first labels). */
    public double read(String serviceUrl, String series) throws IOException, InterruptedException {
        return sum(client.send(HttpRequest.newBuilder(URI.create(serviceUrl + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body(), series);
    }

    public static double sum(String exposition, String series) {
        return exposition.lines().filter(line -> line.startsWith(series))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    @Override
    public void close() {
        client.close();
    }
}

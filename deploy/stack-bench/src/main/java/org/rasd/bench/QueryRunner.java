package org.rasd.bench;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends the requests of one query kind from a few closed-loop clients, as users would: each client has its own
 * connection and sends its next request when the last one's answer has been read to the end. A warm-up of the
 * same requests comes first and is not measured. Closed loop: a stall holds up the clients instead of piling
 * up requests, so the percentiles are those of the requests sent, at the rate the service answered them.
 */
final class QueryRunner {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(1);
    private static final int NO_ANSWER = -1;

    /**
     * @param clients  closed-loop clients, each on its own connection
     * @param requests measured requests of a kind, all clients together
     * @param warmUp   requests of the kind sent first, not measured
     * @param cap      the longest a kind's measured requests may take: past it they stop, however many were sent
     */
    record Settings(int clients, int requests, int warmUp, Duration cap) {
    }

    private final String baseUrl;
    private final QueryPlan plan;
    private final Settings settings;

    QueryRunner(String baseUrl, QueryPlan plan, Settings settings) {
        this.baseUrl = baseUrl;
        this.plan = plan;
        this.settings = settings;
    }

    /** Measures a kind; skips a kind the service does not have (its probe answered 404). */
    QueryResult run(QueryKind kind) throws InterruptedException {
        if (kind.optional()) {
            try (HttpClient client = client()) {
                int status = client.send(request(kind.probe()), HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 404) {
                    return QueryResult.skipped(kind, "GET " + kind.probe() + " answered 404: this build has no such endpoint");
                }
            } catch (IOException e) {
                return QueryResult.skipped(kind, "GET " + kind.probe() + " failed: " + e);
            }
        }
        Histogram ignored = new ConcurrentHistogram(HIGHEST_MICROS, 3);
        loop(kind, settings.warmUp(), Duration.ofSeconds(Math.max(5, settings.cap().toSeconds() / 4)), ignored,
                new AtomicLong(), new ConcurrentHashMap<>(), 1);
        Histogram micros = new ConcurrentHistogram(HIGHEST_MICROS, 3);
        AtomicLong errors = new AtomicLong();
        Map<Integer, String> samples = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        loop(kind, settings.requests(), settings.cap(), micros, errors, samples, 2);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new QueryResult(kind, micros.getTotalCount(), errors.get(), seconds, micros, Map.copyOf(samples), null);
    }

    private void loop(QueryKind kind, int requests, Duration cap, Histogram micros, AtomicLong errors,
                      Map<Integer, String> samples, int round) throws InterruptedException {
        AtomicLong left = new AtomicLong(requests);
        long end = System.nanoTime() + cap.toNanos();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < settings.clients(); c++) {
            SplittableRandom random = new SplittableRandom(((long) kind.ordinal() << 32) + round * 1000L + c);
            clients.add(Thread.ofPlatform().name("query-client-" + c).start(() -> {
                try (HttpClient client = client()) {
                    while (System.nanoTime() < end && left.getAndDecrement() > 0) {
                        String path = plan.path(kind, random);
                        HttpRequest request = request(path);
                        long sent = System.nanoTime();
                        int status;
                        String body;
                        try {
                            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                            status = response.statusCode();
                            body = new String(response.body(), StandardCharsets.UTF_8);
                        } catch (IOException e) {
                            status = NO_ANSWER;
                            body = e.toString();
                        }
                        micros.recordValue(Math.min(HIGHEST_MICROS, (System.nanoTime() - sent) / 1000));
                        if (status != 200) {
                            errors.incrementAndGet();
                            String sample = path + " -> " + body;
                            samples.putIfAbsent(status, sample.length() > 300 ? sample.substring(0, 300) + "..." : sample);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        for (Thread client : clients) {
            client.join();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "application/json")
                .timeout(REQUEST_TIMEOUT).GET().build();
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }
}

package org.rasd.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Posts articles to the ingest service. At a fixed rate it is open-loop: each request goes out at its scheduled
 * time whether or not earlier ones were answered, and its ack latency runs from that scheduled time, so a
 * stalled server shows as latency instead of as fewer requests (no coordinated omission). At {@code max} a
 * fixed number of closed-loop senders post as fast as they are answered.
 */
final class LoadGenerator {

    private static final int CLOSED_LOOP_SENDERS = 32;
    /**
     * Requests in flight at once; past it a send waits, but its latency still runs from its scheduled time. It
     * bounds the sockets a saturated stack would otherwise make the client open.
     */
    private static final int MAX_IN_FLIGHT = 2048;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(10);
    /** Closer than this to its due time, the scheduler spins instead of parking: a park overshoots by ~50 µs. */
    private static final long SPIN_NANOS = 100_000;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;
    private final String authorization;
    private final Corpus corpus;
    private final String urlPrefix;
    private final ObjectMapper json;
    /** Numbers every article of the run, so every URL, and so every article id, is new. */
    private final AtomicLong articles = new AtomicLong();

    LoadGenerator(URI endpoint, String apiKey, Corpus corpus, String runId, ObjectMapper json) {
        this.endpoint = endpoint;
        this.authorization = "Bearer " + apiKey;
        this.corpus = corpus;
        this.urlPrefix = "https://bench.rasd.local/" + runId + "/";
        this.json = json;
    }

    StepLoad run(TargetRate rate, Duration duration) throws InterruptedException {
        Step step = new Step();
        Instant started = Instant.now();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        if (rate.isMax()) {
            closedLoop(step, end);
        } else {
            openLoop(step, new RateSchedule(start, rate.perSecond()), end);
        }
        Duration sending = Duration.ofNanos(System.nanoTime() - start);
        step.awaitAnswers();
        return new StepLoad(started, sending, List.copyOf(step.accepted), step.refused.get(), step.unanswered.get(),
                Map.copyOf(step.refusals), step.ackMicros);
    }

    private void openLoop(Step step, RateSchedule schedule, long end) throws InterruptedException {
        long count = schedule.countBefore(end);
        for (long n = 0; n < count; n++) {
            long due = schedule.dueNanos(n);
            waitUntil(due);
            step.inFlight.acquire();
            step.send(due).whenComplete((answered, failed) -> step.inFlight.release());
        }
    }

    private void closedLoop(Step step, long end) throws InterruptedException {
        List<Thread> senders = new ArrayList<>();
        for (int i = 0; i < CLOSED_LOOP_SENDERS; i++) {
            senders.add(Thread.ofPlatform().name("sender-" + i).start(() -> {
                while (System.nanoTime() < end) {
                    step.send(System.nanoTime()).join();
                }
            }));
        }
        for (Thread sender : senders) {
            sender.join();
        }
    }

    private static void waitUntil(long due) {
        long left;
        while ((left = due - System.nanoTime()) > 0) {
            if (left > SPIN_NANOS) {
                LockSupport.parkNanos(left - SPIN_NANOS);
            } else {
                Thread.onSpinWait();
            }
        }
    }

    /** The requests of one step and what became of them. */
    private final class Step {
        final Queue<String> accepted = new ConcurrentLinkedQueue<>();
        final AtomicLong refused = new AtomicLong();
        final AtomicLong unanswered = new AtomicLong();
        /** The first answer of each refusing status, to say why. */
        final Map<Integer, String> refusals = new ConcurrentHashMap<>();
        final Histogram ackMicros = new ConcurrentHistogram(HIGHEST_MICROS, 3);
        final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);

        /** Posts the next article; its latency is measured from {@code measuredFrom}, a {@link System#nanoTime}. */
        CompletableFuture<Void> send(long measuredFrom) {
            long n = articles.getAndIncrement();
            HttpRequest request = HttpRequest.newBuilder(endpoint)
                    .header("Content-Type", "application/json").header("Authorization", authorization)
                    .timeout(REQUEST_TIMEOUT)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(corpus.get(n).body(urlPrefix + n, json))).build();
            return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).handle((response, failure) -> {
                ackMicros.recordValue(Math.min(HIGHEST_MICROS, (System.nanoTime() - measuredFrom) / 1000));
                if (response == null) {
                    unanswered.incrementAndGet();
                } else if (response.statusCode() == 202) {
                    accepted.add(idOf(response.body()));
                } else {
                    refused.incrementAndGet();
                    refusals.putIfAbsent(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
                }
                return null;
            });
        }

        void awaitAnswers() throws InterruptedException {
            // every request times out by then: a permit still missing is a bug, not a slow server
            if (!inFlight.tryAcquire(MAX_IN_FLIGHT, REQUEST_TIMEOUT.toSeconds() + 10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("requests still unanswered after their timeout");
            }
            inFlight.release(MAX_IN_FLIGHT);
        }
    }

    private String idOf(byte[] answer) {
        try {
            return json.readTree(answer).path("id").asText();
        } catch (IOException e) {
            throw new IllegalStateException("a 202 without an article id", e);
        }
    }
}

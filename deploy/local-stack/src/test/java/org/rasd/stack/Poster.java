package org.rasd.stack;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A well-behaved client in a thread of its own: posts a new article every few milliseconds and retries each
 * on a refused connection or a {@code 503} until it is accepted. Anything else fails the poster. With
 * corrections, every fourth post corrects the article posted three before: the same URL, another partner.
 */
final class Poster implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> DEMONYMS = List.of("الإسباني", "الفرنسي", "البلجيكي", "البرتغالي", "الألماني",
            "الإيطالي", "الهولندي", "البريطاني", "التونسي", "السنغالي");

    private final LocalStack stack;
    private final String urlPrefix;
    private final Duration interval;
    private final boolean corrections;
    private final List<String> accepted = new CopyOnWriteArrayList<>();
    private final AtomicInteger corrected = new AtomicInteger();
    private final AtomicInteger attempts = new AtomicInteger();
    private final Thread thread;
    private volatile boolean stopped;
    private volatile Throwable failure;

    Poster(LocalStack stack, String urlPrefix, Duration interval, boolean corrections) {
        this.stack = stack;
        this.urlPrefix = urlPrefix;
        this.interval = interval;
        this.corrections = corrections;
        this.thread = Thread.ofPlatform().name("poster").uncaughtExceptionHandler((t, e) -> failure = e).start(this::post);
    }

    /** The ids of the articles that got {@code 202}, in order; a corrected article's id comes again. */
    List<String> accepted() {
        return accepted;
    }

    /** Corrections that got {@code 202}. */
    int corrected() {
        return corrected.get();
    }

    /** Every request sent, the retried ones included. */
    int attempts() {
        return attempts.get();
    }

    boolean isPosting() {
        return thread.isAlive();
    }

    /** Stops after the article in hand is accepted; fails if the poster met an answer it did not expect. */
    @Override
    public void close() throws InterruptedException {
        stopped = true;
        thread.join(Duration.ofMinutes(1));
        if (failure != null) {
            throw new AssertionError("the poster got an answer other than 202, 503 or a refused connection", failure);
        }
    }

    private void post() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (int i = 0; !stopped; i++) {
            boolean correction = corrections && i % 4 == 3;
            String body = correction ? article(i - 3, 5) : article(i, 0);
            pause(interval);
            while (true) {
                attempts.incrementAndGet();
                try {
                    HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                                    URI.create(stack.url(LocalStack.Service.INGEST) + "/api/articles"))
                            .header("Content-Type", "application/json").header("Authorization", "Bearer " + stack.apiKey())
                            .timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 202) {
                        accepted.add(JSON.readTree(response.body()).path("id").asText());
                        if (correction) {
                            corrected.incrementAndGet();
                        }
                        break;
                    }
                    if (response.statusCode() != 503) {
                        throw new IllegalStateException("unexpected " + response.statusCode() + " at " + Instant.now() + ": " + response.body());
                    }
                } catch (IOException refused) {
                    // the ingest service is down: retry below
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                pause(Duration.ofMillis(200));
            }
        }
    }

    /** Article {@code i}: a short one that reports one event, its partner shifted by {@code shift} in a correction. */
    private String article(int i, int shift) {
        String demonym = DEMONYMS.get((i + shift) % DEMONYMS.size());
        String text = i % 2 == 0
                ? "استقبل المدير العام للأمن الوطني، اليوم بالرباط، وزير الداخلية " + demonym
                  + " في إطار تعزيز التعاون الشرطي ومكافحة الإرهاب. وهذا هو الخبر رقم " + i + "."
                : "أجرى وزير الداخلية المغربي مباحثات مع نظيره " + demonym
                  + " حول الهجرة غير الشرعية وتبادل المعلومات. وهذا هو الخبر رقم " + i + ".";
        try {
            return JSON.writeValueAsString(Map.of("url", urlPrefix + i, "text", text));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package org.rasd.stack;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each service is killed with SIGKILL while articles are being posted and then started again; at the end
 * every accepted article is in the catalog and every stored event is counted exactly once. Then the whole
 * stack is stopped and started on the same data directory, and nothing is lost.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashRecoveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POSTING_INTERVAL = Duration.ofMillis(20);
    private static final Duration BETWEEN_KILLS = Duration.ofSeconds(3);
    private static final List<String> DEMONYMS = List.of("الإسباني", "الفرنسي", "البلجيكي", "البرتغالي", "الألماني",
            "الإيطالي", "الهولندي", "البريطاني", "التونسي", "السنغالي");

    private static final List<String> deaths = new CopyOnWriteArrayList<>();
    private static final List<String> accepted = new CopyOnWriteArrayList<>();
    private static final AtomicInteger refusedAttempts = new AtomicInteger();
    private static Path data;
    private static LocalStack.Ports ports;
    private static LocalStack stack;
    private static long countedEvents;
    private static volatile boolean stopPosting;
    private static volatile Throwable posterFailure;

    @BeforeAll
    static void startStack() throws IOException {
        data = StackFixture.newDataDirectory();
        ports = StackFixture.freshPorts();
        stack = LocalStack.start(StackFixture.HOME, data, ports, deaths::add);
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
        assertTrue(deaths.isEmpty(), "services died without being killed: " + deaths);
    }

    @Test
    @Order(1)
    void killingEachServiceWhilePostingLosesNothingAndCountsNothingTwice() throws Exception {
        Thread poster = Thread.ofPlatform().name("poster")
                .uncaughtExceptionHandler((thread, failure) -> posterFailure = failure).start(CrashRecoveryTest::postUntilStopped);
        for (LocalStack.Service victim : List.of(LocalStack.Service.CATALOG, LocalStack.Service.ANALYTICS,
                LocalStack.Service.INGEST)) {
            Thread.sleep(BETWEEN_KILLS);
            assertTrue(poster.isAlive(), "the poster is still posting when " + victim + " is killed");
            int before = accepted.size();
            long killedAt = System.nanoTime();
            stack.kill(victim);
            stack.startService(victim);
            stack.awaitReady(victim);
            System.out.printf("crash check: killed %s after %d accepted articles; ready again in %d ms, %d accepted meanwhile%n",
                    victim, before, (System.nanoTime() - killedAt) / 1_000_000, accepted.size() - before);
        }
        Thread.sleep(BETWEEN_KILLS);
        stopPosting = true;
        poster.join(Duration.ofMinutes(1));
        assertNull(posterFailure, "the poster got only 202, 503 or a refused connection");
        assertTrue(accepted.size() > 100, "articles were accepted throughout: " + accepted.size());

        Set<String> missing = new HashSet<>(accepted);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> {
            missing.removeIf(id -> given().baseUri(stack.url(LocalStack.Service.CATALOG)).get("/api/articles/" + id)
                    .statusCode() == 200);
            return missing.isEmpty();
        });

        long storedEvents = 0;
        long articlesWithEvents = 0;
        for (String id : accepted) {
            int events = given().baseUri(stack.url(LocalStack.Service.CATALOG)).get("/api/articles/" + id).path("events.size()");
            storedEvents += events;
            articlesWithEvents += events > 0 ? 1 : 0;
        }
        List<String> listed = StackFixture.listedEventIds(stack, 100);
        assertEquals(storedEvents, listed.size(), "every stored event listed once");
        assertEquals(storedEvents, listed.stream().distinct().count());
        assertTrue(storedEvents >= accepted.size(), "each generated article reports an event");

        long expectedEvents = storedEvents;
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> assertEquals(expectedEvents, StackFixture.totals(stack).events()));
        Thread.sleep(3000); // anything redelivered after a kill would be counted by now
        StackFixture.Totals totals = StackFixture.totals(stack);
        assertEquals(expectedEvents, totals.events(), "every event counted exactly once");
        assertEquals(articlesWithEvents, totals.articles());
        countedEvents = expectedEvents;
        System.out.printf("crash check: %d articles accepted (%d refused attempts retried), %d events stored, "
                + "%d listed, %d counted%n", accepted.size(), refusedAttempts.get(), storedEvents, listed.size(), totals.events());
    }

    @Test
    @Order(2)
    void stoppingAndStartingTheStackKeepsEveryArticleAndCount() {
        stack.close();
        stack = LocalStack.start(StackFixture.HOME, data, ports, deaths::add);
        assertEquals(countedEvents, StackFixture.totals(stack).events());
        assertEquals(countedEvents, StackFixture.listedEventIds(stack, 100).size());
        for (String id : accepted) {
            given().baseUri(stack.url(LocalStack.Service.CATALOG)).get("/api/articles/" + id).then().statusCode(200);
        }
        String body = "التقى وزير الداخلية المغربي، أمس بالرباط، نظيره الموريتاني لبحث التعاون في مكافحة الهجرة غير الشرعية.";
        given().baseUri(stack.url(LocalStack.Service.INGEST)).contentType("text/plain; charset=UTF-8").body(body)
                .post("/api/articles").then().statusCode(202);
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertTrue(StackFixture.totals(stack).events() > countedEvents,
                "the restarted stack counts new articles"));
    }

    /**
     * Posts a new article every few milliseconds until told to stop, retrying each on a refused connection or a
     * 503 as a well-behaved client does.
     */
    private static void postUntilStopped() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (int i = 0; !stopPosting; i++) {
            String body = article(i);
            pause(POSTING_INTERVAL);
            while (true) {
                try {
                    HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                                    URI.create(stack.url(LocalStack.Service.INGEST) + "/api/articles"))
                            .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 202) {
                        accepted.add(JSON.readTree(response.body()).path("id").asText());
                        break;
                    }
                    if (response.statusCode() != 503) {
                        throw new IllegalStateException("unexpected " + response.statusCode() + ": " + response.body());
                    }
                } catch (IOException refused) {
                    // the ingest service is down: retry below
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                refusedAttempts.incrementAndGet();
                pause(Duration.ofMillis(200));
            }
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String article(int i) {
        String demonym = DEMONYMS.get(i % DEMONYMS.size());
        String text = i % 2 == 0
                ? "استقبل المدير العام للأمن الوطني، اليوم بالرباط، وزير الداخلية " + demonym
                  + " في إطار تعزيز التعاون الشرطي ومكافحة الإرهاب. وهذا هو الخبر رقم " + i + "."
                : "أجرى وزير الداخلية المغربي مباحثات مع نظيره " + demonym
                  + " حول الهجرة غير الشرعية وتبادل المعلومات. وهذا هو الخبر رقم " + i + ".";
        try {
            return JSON.writeValueAsString(Map.of("url", "https://crash.example/" + data.getFileName() + "/" + i, "text", text));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }
}

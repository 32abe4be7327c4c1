package org.rasd.stack;

import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each service is killed with SIGKILL while articles are being posted and then started again; at the end
 * every accepted article is in the catalog and every stored event is counted exactly once. Then the whole
 * stack is stopped and started on the same data directory, and nothing is lost.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashRecoveryTest {

    private static final Duration BETWEEN_KILLS = Duration.ofSeconds(3);

    private static final List<String> deaths = new CopyOnWriteArrayList<>();
    private static Path data;
    private static LocalStack.Ports ports;
    private static LocalStack stack;
    private static List<String> accepted;
    private static long countedEvents;

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
        // every fourth post corrects an earlier article: versions must flow exactly through the kills too
        Poster poster = new Poster(stack, "https://crash.example/" + data.getFileName() + "/", Duration.ofMillis(20), true);
        for (LocalStack.Service victim : List.of(LocalStack.Service.CATALOG, LocalStack.Service.ANALYTICS,
                LocalStack.Service.INGEST)) {
            Thread.sleep(BETWEEN_KILLS);
            assertTrue(poster.isPosting(), "the poster is still posting when " + victim + " is killed");
            int before = poster.accepted().size();
            long killedAt = System.nanoTime();
            stack.kill(victim);
            stack.startService(victim);
            stack.awaitReady(victim);
            System.out.printf("crash check: killed %s after %d accepted articles; ready again in %d ms, %d accepted meanwhile%n",
                    victim, before, (System.nanoTime() - killedAt) / 1_000_000, poster.accepted().size() - before);
        }
        Thread.sleep(BETWEEN_KILLS);
        poster.close();
        accepted = poster.accepted().stream().distinct().toList();
        assertTrue(accepted.size() > 100, "articles were accepted throughout: " + accepted.size());

        StackFixture.Outcome outcome = StackFixture.assertStoredAndCountedOnce(stack, accepted, Duration.ofMinutes(2));
        countedEvents = outcome.countedEvents();
        System.out.printf("crash check: %d articles accepted and %d corrections (%d requests), %d events stored, %d listed, %d counted%n",
                outcome.accepted(), poster.corrected(), poster.attempts(), outcome.storedEvents(), outcome.listedEvents(),
                outcome.countedEvents());
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
        StackFixture.ingest(stack).contentType("text/plain; charset=UTF-8").body(body)
                .post("/api/articles").then().statusCode(202);
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertTrue(StackFixture.totals(stack).events() > countedEvents,
                "the restarted stack counts new articles"));
    }

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }
}

package org.rasd.stack;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
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
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each service is killed with SIGKILL while articles are being posted and then started again; at the end
 * every accepted article is in the catalog and every stored event is counted exactly once. Then the whole
 * stack is stopped and started on the same data directory, and nothing is lost. Last, articles are re-extracted
 * while the catalog and analytics are killed, and the counts still equal a fresh count of the catalog.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashRecoveryTest {

    private static final Duration BETWEEN_KILLS = Duration.ofSeconds(3);
    /** Articles re-extracted through kills: a run reads them twenty at a time. */
    private static final int REEXTRACTED = 200;

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
        String posted = StackFixture.ingest(stack).contentType("text/plain; charset=UTF-8").body(body)
                .post("/api/articles").then().statusCode(202).extract().path("id");
        accepted = Stream.concat(accepted.stream(), Stream.of(posted)).distinct().toList();
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertTrue(StackFixture.totals(stack).events() > countedEvents,
                "the restarted stack counts new articles"));
    }

    @Test
    @Order(3)
    void reextractingThroughKillsChangesTheCountsExactly() throws Exception {
        List<String> older = accepted.subList(0, Math.min(REEXTRACTED, accepted.size()));
        StackFixture.storeAsOlderExtractor(stack, older);
        String current = given().baseUri(stack.url(LocalStack.Service.CATALOG)).get("/api/articles/" + accepted.getLast()).path("extractor");

        // a run over them; ingest, running it, is killed: started again, it finds the run where it saved it, stopped
        // at the last page it finished (or done), and the run goes on by its id
        String run = startReextraction();
        String started = run;
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(50)).until(() -> {
            var progress = StackFixture.ingest(stack).get(started).then().extract();
            return progress.<Number>path("read").longValue() > 0 || !"running".equals(progress.path("state"));
        });
        long readBeforeTheKill = StackFixture.ingest(stack).get(run).<Number>path("read").longValue();
        stack.kill(LocalStack.Service.INGEST);
        stack.startService(LocalStack.Service.INGEST);
        stack.awaitReady(LocalStack.Service.INGEST);
        var found = StackFixture.ingest(stack).get(run).then().statusCode(200).extract();
        assertTrue(List.of("stopped", "done").contains(found.<String>path("state")), "a run cut off is stopped: " + found.asString());
        System.out.printf("crash check: killed ingest while re-extracting (%d of %d articles read); found the run %s after %d%n",
                readBeforeTheKill, older.size(), found.path("state"), found.<Number>path("read").longValue());
        if ("stopped".equals(found.path("state"))) {
            StackFixture.ingest(stack).post(run + "/resume").then().statusCode(202);
        }
        // the catalog and analytics, which store and count the new versions, are killed while it goes
        for (LocalStack.Service victim : List.of(LocalStack.Service.CATALOG, LocalStack.Service.ANALYTICS)) {
            String state = StackFixture.ingest(stack).get(run).path("state");
            long read = StackFixture.ingest(stack).get(run).<Number>path("read").longValue();
            stack.kill(victim);
            stack.startService(victim);
            stack.awaitReady(victim);
            System.out.printf("crash check: killed %s while re-extracting (run %s, %d of %d articles read)%n", victim, state, read, older.size());
        }
        // a run the catalog's death stopped is resumed, and articles that failed are taken again, as an operator
        // would do
        for (int attempt = 0; attempt < 5; attempt++) {
            String going = run;
            await().atMost(Duration.ofMinutes(1)).until(() -> !"running".equals(
                    StackFixture.ingest(stack).get(going).path("state")));
            var progress = StackFixture.ingest(stack).get(run).then().extract();
            boolean done = "done".equals(progress.path("state"));
            if (done && progress.<Integer>path("failed") == 0) {
                break;
            }
            if (done) {
                run = startReextraction();
            } else {
                StackFixture.ingest(stack).post(run + "/resume").then().statusCode(202);
            }
        }
        StackFixture.ingest(stack).get(run).then().body("state", equalTo("done")).body("failed", equalTo(0));

        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (String id : older) {
                assertEquals(current, given().baseUri(stack.url(LocalStack.Service.CATALOG)).get("/api/articles/" + id).path("extractor"), id);
            }
        });
        StackFixture.Outcome outcome = StackFixture.assertStoredAndCountedOnce(stack, accepted, Duration.ofMinutes(2));
        System.out.printf("crash check: %d articles re-extracted through kills, %d events stored and counted once, recount matched%n",
                older.size(), outcome.countedEvents());
    }

    /**
     * A recount whose analytics is killed in the middle is found stopped once its lease has run out (its instance
     * beats no more), and resumed by its id it goes on from the page it reached, counting nothing twice: the live
     * counts still equal a fresh count of the catalog. The tests' stacks recount 25 changes a page (pom.xml).
     */
    @Test
    @Order(4)
    void aRecountKilledInTheMiddleIsResumedWhereItWasAndMatches() {
        String run = analytics().queryParam("replace", false).post("/api/admin/recount").then().statusCode(202)
                .extract().header("Location");
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(20)).until(() -> {
            var progress = analytics().get(run).then().extract();
            return progress.<Number>path("changes").longValue() > 0 || !"running".equals(progress.path("state"));
        });
        long countedBeforeTheKill = analytics().get(run).<Number>path("changes").longValue();
        stack.kill(LocalStack.Service.ANALYTICS);
        stack.startService(LocalStack.Service.ANALYTICS);
        stack.awaitReady(LocalStack.Service.ANALYTICS);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> !"running".equals(analytics().get(run).path("state")));
        var found = analytics().get(run).then().statusCode(200).extract();
        assertTrue(List.of("stopped", "done").contains(found.<String>path("state")), "a run cut off is stopped: " + found.asString());
        System.out.printf("crash check: killed analytics %d changes into a recount; found it %s at %s changes (%s)%n",
                countedBeforeTheKill, found.path("state"), found.path("changes"), found.path("error"));
        if ("stopped".equals(found.path("state"))) {
            analytics().post(run + "/resume").then().statusCode(202);
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                    .until(() -> !"running".equals(analytics().get(run).path("state")));
        }
        var done = analytics().get(run).then().statusCode(200).body("state", equalTo("done")).body("matches", equalTo(true))
                .body("differences", hasSize(0)).extract();
        System.out.printf("crash check: the recount resumed after the kill counted %d changes in all and matched the live counts%n",
                done.<Number>path("changes").longValue());
    }

    private static RequestSpecification analytics() {
        return given().baseUri(stack.url(LocalStack.Service.ANALYTICS)).header("Authorization", "Bearer " + stack.apiKey());
    }

    /** Starts a re-extraction of what the older extractor stored. */
    private static String startReextraction() {
        return StackFixture.ingest(stack).queryParam("extractor", StackFixture.OLDER_EXTRACTOR)
                .post("/api/admin/reextract").then().statusCode(202).extract().header("Location");
    }

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }
}

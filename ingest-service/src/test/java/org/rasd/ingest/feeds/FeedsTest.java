package org.rasd.ingest.feeds;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.core.Vertx;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.rasd.testing.KafkaTestResource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rasd.ingest.Batches.published;
import static org.rasd.ingest.Batches.publishedFrom;

/**
 * Feed polling in the running service: feeds served from files by a local web server, polled on their timers,
 * their items published on the real {@code articles} topic.
 */
@QuarkusTest
@TestProfile(FeedsTest.ServedFeeds.class)
@QuarkusTestResource(KafkaTestResource.class)
class FeedsTest {

    public static class ServedFeeds implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FeedServerResource.class));
        }
    }

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @ConfigProperty(name = "feed-server.directory")
    Path served;
    @ConfigProperty(name = "feed-server.url")
    String server;

    @Inject
    FeedPolling polling;
    @Inject
    FeedsConfig config;
    @Inject
    FeedPoller poller;
    @Inject
    FeedStateStore store;
    @Inject
    Vertx vertx;

    private String page(String name) {
        return server + "pages/" + name;
    }

    /** The articles of the fixtures' items that have a text, each as it should be published. */
    private List<String> fixtureArticles() {
        return List.of(page("visit-1.html"), page("visit-2.html"), page("meeting-atom.html"), page("missing.html"));
    }

    private static JsonPath feeds() {
        return given().header("Authorization", "Bearer rasd-test-key").get("/api/feeds")
                .then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> feed(String name) {
        return feeds().<Map<String, Object>>getList("").stream()
                .filter(feed -> feed.get("url").toString().endsWith("/" + name)).findFirst().orElseThrow();
    }

    private List<FeedServer.Request> requests() {
        String log = given().get(server + "_requests").then().statusCode(200).extract().asString();
        return log.lines().map(FeedServer.Request::parse).toList();
    }

    private long requestsFor(String path) {
        return requests().stream().filter(request -> request.path().equals(path)).count();
    }

    /** Until the first polls of the RSS and Atom feeds have ingested their items. */
    private void awaitFirstPolls() {
        await().atMost(PATIENCE).until(() -> ((Number) feed("rss.xml").get("ingested")).intValue() >= 2
                && ((Number) feed("atom.xml").get("ingested")).intValue() >= 2);
    }

    @Test
    void theItemsOfAnRssAndAnAtomFeedArePublishedOnTheArticlesTopic() {
        await().atMost(PATIENCE).until(() -> {
            List<ConsumerRecord<String, String>> records = published(bootstrapServers);
            return fixtureArticles().stream().allMatch(url -> publishedFrom(records, url) > 0);
        });

        List<ConsumerRecord<String, String>> records = published(bootstrapServers);
        String madrid = records.stream().map(ConsumerRecord::value).filter(value -> value.contains(page("visit-2.html")))
                .findFirst().orElseThrow();
        assertTrue(madrid.contains("\"publishedAt\":\"2024-03-05T09:30"), "the feed's date, where the page gives none: " + madrid);
        assertTrue(madrid.contains("\"title\":\"اجتماع أمني مغربي إسباني في مدريد لتنسيق مراقبة الحدود\""), "the page's own headline");
        String call = records.stream().map(ConsumerRecord::value).filter(value -> value.contains(page("missing.html")))
                .findFirst().orElseThrow();
        assertTrue(call.contains("فرناندو غراندي مارلاسكا"), "a page gone, the feed's text stands for it: " + call);

        awaitFirstPolls();
        Map<String, Object> rss = feed("rss.xml");
        assertEquals(List.of(2, 1, 0), List.of(rss.get("ingested"), rss.get("refused"), rss.get("pending")),
                "the page with no text is refused");
        assertEquals(List.of(2, 1), List.of(feed("atom.xml").get("ingested"), feed("atom.xml").get("refused")));
    }

    @Test
    void anUnchangedFeedIsAskedConditionallyAndNothingIsPublishedAgain() {
        awaitFirstPolls();
        int from = requests().size();

        await().atMost(PATIENCE).until(() -> requests().stream().skip(from)
                .filter(request -> request.path().equals("rss.xml") || request.path().equals("atom.xml"))
                .filter(request -> request.conditional() && request.status() == 304)
                .map(FeedServer.Request::path).distinct().count() == 2);

        assertEquals("NOT_MODIFIED", feed("atom.xml").get("lastResult"));
        List<ConsumerRecord<String, String>> records = published(bootstrapServers);
        fixtureArticles().forEach(url -> assertEquals(1, publishedFrom(records, url), url + " published once"));
        assertEquals(1, requestsFor("pages/empty.html"), "a refused item is not tried again");
    }

    @Test
    void anItemAddedToAFeedIsPickedUp() throws IOException {
        awaitFirstPolls();
        Path rss = served.resolve("rss.xml");
        Files.writeString(rss, Files.readString(rss).replace("<item>", """
                <item>
                      <title>دوريات مشتركة في مضيق جبل طارق</title>
                      <link>${base}/pages/visit-3.html</link>
                      <guid isPermaLink="false">rasd-test-visit-3</guid>
                      <pubDate>Wed, 06 Mar 2024 16:00:00 GMT</pubDate>
                    </item>
                    <item>"""));

        await().atMost(PATIENCE).until(() -> publishedFrom(published(bootstrapServers), page("visit-3.html")) == 1);
        await().atMost(PATIENCE).until(() -> ((Number) feed("rss.xml").get("ingested")).intValue() == 3);
        assertEquals(1, requestsFor("pages/visit-1.html"), "the items seen before are not fetched again");
    }

    @Test
    void aFailingFeedBacksOffWhileTheOthersGoOnAndIsPolledAtTheIntervalOnceItAnswers() throws IOException {
        await().atMost(PATIENCE).until(() -> ((Number) feed("failing.xml").get("consecutiveFailures")).intValue() >= 3);

        Map<String, Object> failing = feed("failing.xml");
        int failures = ((Number) failing.get("consecutiveFailures")).intValue();
        assertEquals("FAILED", failing.get("lastResult"));
        assertEquals("HTTP 500", failing.get("lastError"));
        assertEquals(Duration.ofMillis(Math.min(200L << failures, 1600)), waitOf(failing), "200 ms doubled per failure, to 1.6 s");
        assertTrue(requestsFor("failing.xml") <= failures + 1, "polled no more often than backed off");
        long rssPolls = requestsFor("rss.xml");
        await().atMost(PATIENCE).until(() -> requestsFor("rss.xml") > rssPolls + 2);
        assertEquals(0, feed("rss.xml").get("consecutiveFailures"));

        Files.deleteIfExists(served.resolve("failing.xml.status"));
        await().atMost(PATIENCE).until(() -> "FETCHED".equals(feed("failing.xml").get("lastResult")));
        assertEquals(0, feed("failing.xml").get("consecutiveFailures"));
        assertEquals(Duration.ofMillis(200), waitOf(feed("failing.xml")));
    }

    private static Duration waitOf(Map<String, Object> feed) {
        return Duration.between(Instant.parse(feed.get("lastPoll").toString()), Instant.parse(feed.get("nextPoll").toString()));
    }

    @Test
    void eachFeedsStateSurvivesARestartOfThePolling() {
        awaitFirstPolls();
        polling.stop();
        FeedPolling restarted = new FeedPolling(config, poller, store, vertx);
        try {
            await().atMost(PATIENCE).until(() -> polling.statuses().stream().noneMatch(FeedStatus::polling));
            List<FeedStatus> before = polling.statuses();
            int from = requests().size();

            // read from the store as the restarted polling reads them: once it has started, its timers may already poll
            assertEquals(before, before.stream().map(status -> store.load(status.url()).status(false)).toList(),
                    "the saved states, read back");
            restarted.start();

            await().atMost(PATIENCE).until(() -> requests().stream().skip(from)
                    .anyMatch(request -> request.path().equals("rss.xml") && request.status() == 304));
            FeedServer.Request first = requests().stream().skip(from).filter(request -> request.path().equals("rss.xml"))
                    .findFirst().orElseThrow();
            assertTrue(first.conditional(), "the first poll after the restart is conditional: " + first);
            List<ConsumerRecord<String, String>> records = published(bootstrapServers);
            fixtureArticles().forEach(url -> assertEquals(1, publishedFrom(records, url), url + " published once"));
        } finally {
            restarted.stop();
            polling.start();
        }
    }

    @Test
    void theFeedsStatusNeedsAnAdminKeyEvenWhereReadsAreOpen() {
        given().get("/api/feeds").then().statusCode(401).header("WWW-Authenticate", "Bearer");
        given().header("Authorization", "Bearer rasd-writer-key").get("/api/feeds").then().statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", "Bearer rasd-test-key").get("/api/feeds")
                .then().statusCode(200).body("size()", equalTo(3)).body("[0].url", equalTo(server + "rss.xml"));
        given().get("/api/articles").then().statusCode(405); // other reads stay open: no 401
        given().get("/api/feeds-of-another-kind").then().statusCode(404);
    }
}

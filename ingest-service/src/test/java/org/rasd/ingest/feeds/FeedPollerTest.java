package org.rasd.ingest.feeds;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.ws.rs.core.MediaType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rasd.ingest.submission.IngestionService.Fallbacks;
import org.rasd.ingest.submission.IngestionService.Outcome;
import org.rasd.ingest.submission.IngestionService.Status;
import org.rasd.support.http.Problems;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Polls of feeds served from files by a local web server, with ingestion stood in for. */
class FeedPollerTest {

    private static final Duration INTERVAL = Duration.ofMinutes(5);
    private static final Duration LONGEST = Duration.ofHours(1);
    private static final long ARTICLE_SIZE = 2L << 20;
    private static Vertx vertx;

    /** What ingestion was handed. */
    private record Handed(String url, String body, MediaType type, Fallbacks fallbacks) {
    }

    @TempDir
    Path temporary;
    private FeedServer server;
    private final List<Handed> handed = new CopyOnWriteArrayList<>();
    /** Problems ingestion answers for a URL, one a call, before it accepts the page. */
    private final Map<String, Deque<HttpProblem>> problems = new ConcurrentHashMap<>();
    private final ItemIngestion.Pages pages = (url, body, type, fallbacks) -> {
        handed.add(new Handed(url, new String(body, StandardCharsets.UTF_8), type, fallbacks));
        HttpProblem problem = problems.getOrDefault(url, new ArrayDeque<>()).poll();
        return problem != null ? Uni.createFrom().failure(problem) : Uni.createFrom().item(new Outcome(null, Status.ACCEPTED));
    };

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        vertx.closeAndAwait();
    }

    @BeforeEach
    void serveFixtures() {
        server = FeedServer.ofFixtures(temporary);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private FeedPoller poller(Duration timeout, long articleSize) {
        FeedsConfig config = FeedsConfigs.of(INTERVAL, LONGEST, timeout, temporary.resolve("state"));
        WebFetcher web = new WebFetcher(vertx, config);
        return new FeedPoller(web, new ItemIngestion(web, pages, articleSize), new FeedMetrics(new SimpleMeterRegistry()), config);
    }

    private FeedState poll(FeedState state) {
        return poll(poller(Duration.ofSeconds(10), ARTICLE_SIZE), state);
    }

    private static FeedState poll(FeedPoller poller, FeedState state) {
        return poller.poll(state).await().atMost(Duration.ofSeconds(30));
    }

    private FeedState first(String feed) {
        return poll(FeedState.first(server.url(feed)));
    }

    private void refuseOnce(String page, int status) {
        problems.computeIfAbsent(server.url(page), url -> new ArrayDeque<>()).add(Problems.problem(status, "No", "refused for the test"));
    }

    private List<String> handedUrls() {
        return handed.stream().map(Handed::url).toList();
    }

    private long requestsFor(String path) {
        return server.requests().stream().filter(request -> request.path().equals(path)).count();
    }

    private FeedServer.Request lastRequestFor(String path) {
        return server.requests().stream().filter(request -> request.path().equals(path)).reduce((a, b) -> b).orElseThrow();
    }

    private void write(String path, String content) throws IOException {
        Files.writeString(server.directory().resolve(path), content);
    }

    @Test
    void newItemsAreIngestedOldestFirstThenAnUnchangedFeedIsAskedConditionallyAndIngestsNothing() {
        refuseOnce("pages/empty.html", 422);
        FeedState state = first("rss.xml");

        assertEquals(List.of(server.url("pages/empty.html"), server.url("pages/visit-1.html"), server.url("pages/visit-2.html")),
                handedUrls());
        Handed madrid = handed.get(2);
        assertEquals(new Fallbacks("اجتماع أمني مغربي إسباني في مدريد", "2024-03-05T09:30:00Z"), madrid.fallbacks());
        assertEquals("text/html;charset=UTF-8", madrid.type().toString().replace(" ", ""));
        assertTrue(madrid.body().contains("مراقبة الحدود البحرية"), "the page, not the feed's description");
        assertEquals(PollResult.FETCHED, state.lastResult());
        assertEquals(List.of(2L, 0L, 1L, 0), List.of(state.ingested(), state.duplicates(), state.refused(), state.pending()));
        assertEquals("refused for the test", state.seen().get(0).detail(), "a refused item keeps why");
        assertNotNull(state.etag());
        assertNotNull(state.lastModified());

        FeedState again = poll(state);

        FeedServer.Request conditional = lastRequestFor("rss.xml");
        assertEquals(state.etag(), conditional.ifNoneMatch());
        assertEquals(state.lastModified(), conditional.ifModifiedSince());
        assertEquals(304, conditional.status());
        assertEquals(PollResult.NOT_MODIFIED, again.lastResult());
        assertEquals(3, handed.size(), "nothing handed to ingestion again");
        assertEquals(state.seen(), again.seen());
    }

    @Test
    void anItemAddedToTheFeedIsPickedUpAndARefusedOneIsNotTriedAgain() throws IOException {
        refuseOnce("pages/empty.html", 422);
        FeedState state = first("rss.xml");
        Path feed = server.directory().resolve("rss.xml");
        write("rss.xml", Files.readString(feed).replace("<item>", """
                <item>
                      <title>دوريات مشتركة في مضيق جبل طارق</title>
                      <link>${base}/pages/visit-3.html</link>
                      <guid isPermaLink="false">rasd-test-visit-3</guid>
                    </item>
                    <item>"""));

        FeedState after = poll(state);

        assertEquals(200, lastRequestFor("rss.xml").status());
        assertEquals(server.url("pages/visit-3.html"), handed.getLast().url());
        assertEquals(4, handed.size(), "only the new item");
        assertEquals(1, requestsFor("pages/empty.html"), "the refused item's page is not fetched again");
        assertEquals(3, after.ingested());
        assertEquals(1, after.refused());
    }

    @Test
    void anItemThatFailedForAReasonThatMayPassIsTriedAtTheNextPollWithTheFeedReadWhole() {
        refuseOnce("pages/visit-1.html", 503); // the broker did not acknowledge in time
        FeedState state = first("rss.xml");

        assertEquals(1, state.pending());
        assertEquals(2, state.ingested());
        assertNull(state.etag(), "no validator is kept while an item is left");

        FeedState after = poll(state);

        assertEquals(200, lastRequestFor("rss.xml").status());
        assertEquals(server.url("pages/visit-1.html"), handed.getLast().url());
        assertEquals(4, handed.size(), "only the item left is tried again");
        assertEquals(List.of(3L, 0), List.of(after.ingested(), after.pending()));
        assertNotNull(after.etag());
    }

    @Test
    void aPageThatDoesNotAnswerForNowIsLeftForTheNextPoll() throws IOException {
        write("pages/visit-1.html.status", "503 120");
        FeedState state = first("rss.xml");

        assertEquals(1, state.pending());
        assertEquals(2, handed.size(), "the item was not ingested from the feed's summary");

        Files.delete(server.directory().resolve("pages/visit-1.html.status"));
        FeedState after = poll(state);
        assertEquals(server.url("pages/visit-1.html"), handed.getLast().url());
        assertEquals(0, after.pending());
    }

    @Test
    void anItemWhosePageIsGoneIsIngestedFromTheFeedsTextAndOneWithoutTextIsRefused() {
        FeedState state = first("atom.xml");

        Handed call = handed.stream().filter(page -> page.url().equals(server.url("pages/missing.html"))).findFirst().orElseThrow();
        assertTrue(call.body().startsWith("<p>أجرى وزير الداخلية المغربي"), call.body());
        assertEquals("text/html;charset=UTF-8", call.type().toString().replace(" ", ""));
        ItemResult fromFeed = state.seen().stream().filter(item -> item.key().equals("urn:rasd:test:atom:call")).findFirst().orElseThrow();
        assertEquals(ItemResult.Outcome.ACCEPTED, fromFeed.outcome());
        assertEquals("from the feed's text: its page answered 404", fromFeed.detail());

        ItemResult gone = state.seen().stream().filter(item -> item.key().equals("urn:rasd:test:atom:gone")).findFirst().orElseThrow();
        assertEquals(ItemResult.Outcome.REFUSED, gone.outcome());
        assertEquals("its page answered 404 and the feed gives no text of it", gone.detail());
        assertEquals(List.of(2L, 1L), List.of(state.ingested(), state.refused()));
        assertTrue(handedUrls().contains(server.url("pages/meeting-atom.html")), "a relative link, resolved");
    }

    @Test
    void aPageOverTheArticleSizeIsNotReadAndTheFeedsTextIsIngestedInstead() {
        FeedState state = poll(poller(Duration.ofSeconds(10), 500), FeedState.first(server.url("atom.xml")));

        Handed tangier = handed.stream().filter(page -> page.url().equals(server.url("pages/meeting-atom.html"))).findFirst().orElseThrow();
        assertEquals("اجتماع اللجنة المشتركة للهجرة في طنجة.", tangier.body());
        assertEquals("text/plain;charset=UTF-8", tangier.type().toString().replace(" ", ""), "an Atom summary of type text");
        assertTrue(state.seen().stream().anyMatch(item -> item.detail() != null && item.detail().contains("more than 500 bytes")));
    }

    @Test
    void aRedirectedPageIsIngestedUnderTheUrlItMovedTo() throws IOException {
        Files.copy(server.directory().resolve("pages/visit-1.html"), server.directory().resolve("pages/moved.html"));
        write("pages/visit-1.html.redirect", "pages/moved.html");

        first("rss.xml");

        assertTrue(handedUrls().contains(server.url("pages/moved.html")), handedUrls().toString());
    }

    @Test
    void aFailingFeedBacksOffDoublingUpToTheLongestWaitAndIsPolledAtTheIntervalOnceItAnswers() throws IOException {
        FeedState state = FeedState.first(server.url("failing.xml"));
        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            state = poll(state);
            assertEquals(PollResult.FAILED, state.lastResult());
            waits.add(Duration.between(state.lastPoll(), state.nextPoll()));
        }
        assertEquals(List.of(Duration.ofMinutes(10), Duration.ofMinutes(20), Duration.ofMinutes(40), LONGEST, LONGEST), waits);
        assertEquals(5, state.consecutiveFailures());
        assertEquals("HTTP 500", state.lastError());

        Files.delete(server.directory().resolve("failing.xml.status"));
        state = poll(state);

        assertEquals(PollResult.FETCHED, state.lastResult());
        assertEquals(0, state.consecutiveFailures());
        assertEquals(INTERVAL, Duration.between(state.lastPoll(), state.nextPoll()));
    }

    @Test
    void retryAfterIsHonouredUpToTheLongestWait() throws IOException {
        write("failing.xml.status", "503 1800");
        FeedState state = poll(FeedState.first(server.url("failing.xml")));
        assertEquals(Duration.ofMinutes(30), Duration.between(state.lastPoll(), state.nextPoll()));

        write("failing.xml.status", "429 86400");
        state = poll(state);
        assertEquals(LONGEST, Duration.between(state.lastPoll(), state.nextPoll()));
        assertEquals("HTTP 429", state.lastError());
    }

    @Test
    void aDocumentThatIsNoFeedIsAFailedPoll() {
        FeedState state = first("pages/visit-1.html");

        assertEquals(PollResult.FAILED, state.lastResult());
        assertTrue(state.lastError().startsWith("not an RSS or Atom feed"), state.lastError());
        assertTrue(handed.isEmpty());
    }

    @Test
    void aFeedThatDoesNotAnswerInTimeIsAFailedPoll() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) { // takes connections, answers none
            FeedState state = poll(poller(Duration.ofMillis(300), ARTICLE_SIZE),
                    FeedState.first("http://127.0.0.1:" + silent.getLocalPort() + "/rss.xml"));

            assertEquals(PollResult.FAILED, state.lastResult());
            assertEquals(1, state.consecutiveFailures());
            assertNotNull(state.lastError());
        }
    }
}

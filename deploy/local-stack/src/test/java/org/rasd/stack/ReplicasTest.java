package org.rasd.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rasd.testing.SseClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two replicas each of the catalog and analytics, sharing their consumer groups' partitions and one database
 * each. Articles (and corrections) are posted while the second catalog and the second analytics replica are
 * killed with SIGKILL and started again. Then every accepted article is stored once, every event counted once,
 * the counts equal a fresh count of the catalog, and a stream client on every replica, reconnecting with
 * {@code Last-Event-ID} when its replica died, saw every event once: the event stream of each catalog replica
 * and the aggregate stream of each analytics replica.
 */
class ReplicasTest {

    private static final int REPLICAS = 2;
    private static final Duration BETWEEN_KILLS = Duration.ofSeconds(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<String> deaths = new CopyOnWriteArrayList<>();
    private static LocalStack stack;

    @BeforeAll
    static void startStack() throws IOException {
        stack = LocalStack.start(StackFixture.HOME, StackFixture.newDataDirectory(), StackFixture.freshPorts(), REPLICAS, deaths::add);
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
        assertTrue(deaths.isEmpty(), "replicas died without being killed: " + deaths);
    }

    @Test
    void killingOneReplicaOfEachLosesNothingCountsOnceAndEveryStreamIsComplete() throws Exception {
        List<SseClient> eventStreams = new ArrayList<>();
        List<SseClient> aggregateStreams = new ArrayList<>();
        for (int replica = 0; replica < REPLICAS; replica++) {
            eventStreams.add(SseClient.following(stack.url(new LocalStack.Instance(LocalStack.Service.CATALOG, replica))
                    + "/api/events/stream"));
            aggregateStreams.add(SseClient.following(stack.url(new LocalStack.Instance(LocalStack.Service.ANALYTICS, replica))
                    + "/api/aggregates/stream"));
        }
        try {
            Poster poster = new Poster(stack, "https://replicas.example/", Duration.ofMillis(20), true);
            await().atMost(Duration.ofMinutes(1)).until(() -> poster.accepted().size() >= 20); // posting is under way
            for (LocalStack.Service service : List.of(LocalStack.Service.CATALOG, LocalStack.Service.ANALYTICS)) {
                Thread.sleep(BETWEEN_KILLS);
                LocalStack.Instance victim = new LocalStack.Instance(service, 1);
                int before = poster.accepted().size();
                stack.kill(victim);
                stack.startService(victim);
                stack.awaitReady(victim);
                System.out.printf("replicas check: killed %s after %d accepted articles; %d accepted until it was ready again%n",
                        victim.name(), before, poster.accepted().size());
            }
            Thread.sleep(BETWEEN_KILLS);
            poster.close();
            List<String> accepted = poster.accepted().stream().distinct().toList();
            assertTrue(accepted.size() > 100, "articles were accepted throughout: " + accepted.size());

            StackFixture.Outcome outcome = StackFixture.assertStoredAndCountedOnce(stack, accepted, Duration.ofMinutes(2));
            Set<String> listed = Set.copyOf(StackFixture.listedEventIds(stack, 100));
            for (int replica = 0; replica < REPLICAS; replica++) {
                System.out.printf("replicas check: replica %d: the event stream client got %d messages in %d connections, the aggregate "
                                + "stream client %d in %d%n", replica + 1, eventStreams.get(replica).received().size(),
                        eventStreams.get(replica).connections(), aggregateStreams.get(replica).received().size(),
                        aggregateStreams.get(replica).connections());
            }
            for (int replica = 0; replica < REPLICAS; replica++) {
                SseClient events = eventStreams.get(replica);
                String where = "catalog replica " + (replica + 1);
                await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertSameEvents(listed, liveEvents(events.received()),
                        where + ": the events a client of the stream holds in the end are those the catalog lists"));
                assertEachOnce(events.received(), where);

                SseClient aggregates = aggregateStreams.get(replica);
                String counter = "analytics replica " + (replica + 1);
                await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertSameEvents(Set.of(), difference(listed,
                        countedEvents(aggregates.received())), counter + ": events counted that a client of the stream was not told of"));
                assertEachOnce(aggregates.received(), counter);
            }
            assertTrue(eventStreams.get(1).connections() > 1 && aggregateStreams.get(1).connections() > 1,
                    "the clients of the killed replicas reconnected");
            System.out.printf("replicas check: %d articles accepted and %d corrections with %d replicas each of the catalog and analytics, "
                            + "%d events stored and counted once, recount matched; each replica's stream clients saw every event once%n",
                    outcome.accepted(), poster.corrected(), REPLICAS, outcome.countedEvents());
        } finally {
            for (SseClient stream : eventStreams) {
                stream.close();
            }
            for (SseClient stream : aggregateStreams) {
                stream.close();
            }
        }
    }

    /**
     * The events a client of the catalog's stream knows to be current: each event's latest version seen, less
     * those it was told are removed.
     */
    private static Set<String> liveEvents(List<SseClient.Received> received) {
        Map<String, Integer> versions = new HashMap<>();
        Set<String> live = new HashSet<>();
        for (SseClient.Received event : received) {
            JsonNode message = read(event.data());
            String id = message.path("id").asText();
            int version = message.path("version").asInt();
            if (versions.getOrDefault(id, 0) > version) {
                continue; // an older version after a newer one would not change what the client holds
            }
            versions.put(id, version);
            if ("removed".equals(event.name())) {
                live.remove(id);
            } else {
                live.add(id);
            }
        }
        return live;
    }

    /** Equal sets, or a message saying how many are missing and extra, with a few of each. */
    private static void assertSameEvents(Set<String> expected, Set<String> actual, String what) {
        Set<String> missing = difference(expected, actual);
        Set<String> extra = difference(actual, expected);
        assertTrue(missing.isEmpty() && extra.isEmpty(), () -> "%s: %d of %d missing (%s), %d more (%s)".formatted(what,
                missing.size(), expected.size(), missing.stream().limit(5).toList(), extra.size(), extra.stream().limit(5).toList()));
    }

    private static Set<String> difference(Set<String> from, Set<String> less) {
        Set<String> difference = new HashSet<>(from);
        difference.removeAll(less);
        return difference;
    }

    /** Every event id the aggregate stream's changes named as counted. */
    private static Set<String> countedEvents(List<SseClient.Received> received) {
        Set<String> counted = new HashSet<>();
        for (SseClient.Received update : received) {
            read(update.data()).path("eventIds").forEach(id -> counted.add(id.asText()));
        }
        return counted;
    }

    /** No stream message came twice: a reconnection resumed after the last one received, not before it. */
    private static void assertEachOnce(List<SseClient.Received> received, String where) {
        List<String> ids = received.stream().map(SseClient.Received::id).toList();
        assertTrue(ids.stream().allMatch(id -> id != null), where + ": every stream message has an id");
        assertEquals(ids.size(), new HashSet<>(ids).size(), where + ": each stream message once");
    }

    private static JsonNode read(String data) {
        try {
            return JSON.readTree(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }
}

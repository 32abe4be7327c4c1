package org.rasd.analytics.counting;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.rasd.analytics.StreamClient;
import org.rasd.analytics.StreamClient.Message;
import org.rasd.analytics.counting.Aggregates.CountryRow;
import org.rasd.analytics.counting.Aggregates.Totals;
import org.rasd.analytics.counting.Aggregates.Update;
import org.rasd.testing.KafkaTestResource;
import org.rasd.testing.PostgresTestResource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live aggregate stream is relayed from the change log, whichever instance counted a change: a change another
 * instance appended reaches this one's clients, a client's snapshot is followed by every later change once, a
 * reconnecting client gets what it missed, and old changes are pruned. "Another instance" counts here through
 * {@link AggregateStore#count} or appends through {@link ChangeLog#append}, in transactions of its own: exactly what
 * an instance does, with nothing published in this one.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "analytics"))
class AggregateStreamTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    AggregateStore store;

    @Inject
    ChangeLog changeLog;

    @Inject
    Pool pool;

    /** A meeting of two countries, its own act, undated. */
    private static EventMessage meeting(String id, String country, String partner) {
        return new EventMessage(id, 1, 0, "article-" + id, "act-" + id, "MEET", List.of(country, partner), List.of(), null, false,
                new EventMessage.Party(country), List.of(new EventMessage.Party(partner)), null);
    }

    private static String meetingMessage(String id, String country, String partner) {
        return """
                {"id":"%1$s","version":1,"articleId":"article-%1$s","incidentId":"act-%1$s","type":"MEET","countries":["%2$s","%3$s"],
                 "themes":[],"subject":{"country":"%2$s"},"partners":[{"country":"%3$s"}]}""".formatted(id, country, partner);
    }

    private static long totalEvents() {
        return given().get("/api/aggregates/countries").then().statusCode(200).extract().<Number>path("totals.events").longValue();
    }

    /** Counts as another instance would, in a transaction of its own. */
    private void countElsewhere(EventMessage... events) {
        store.count(List.of(events)).await().atMost(Duration.ofSeconds(30));
    }

    /** Appends a change as another instance's counting transaction would; returns its seq. */
    private long appendElsewhere(Update change, List<EventMessage> counted) {
        pool.withTransaction(tx -> changeLog.append(tx, change, BatchCounts.of(counted, List.of()))).await().atMost(Duration.ofSeconds(30));
        return longValue("select max(seq) from aggregate_change");
    }

    private long longValue(String query) {
        return pool.query(query).execute().await().atMost(Duration.ofSeconds(30)).iterator().next().getLong(0);
    }

    private static List<String> buckets(JsonNode change) {
        return StreamSupport.stream(change.path("series").spliterator(), false)
                .map(bucket -> String.join(" ", bucket.path("interval").asText(), bucket.path("start").asText(),
                        bucket.path("country").asText(), bucket.path("partner").asText(), bucket.path("theme").asText(),
                        bucket.path("type").asText(), bucket.path("incidents").asText(), bucket.path("events").asText()))
                .toList();
    }

    @Test
    void aChangeAnotherInstanceCountedReachesTheClientsOfThisOneWithItsSeriesBucketsAsCountedNow() {
        // Antarctica hosts Bouvet Island in April 2016, counted here: the year bucket has a value to read
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            kafka.produceStrings().fromRecords(new ProducerRecord<>("events", "aq1", """
                    {"id":"aq1","version":1,"articleId":"aq-article-1","incidentId":"aq-bv","type":"HOST","countries":["AQ","BV"],
                     "themes":[],"subject":{"country":"AQ"},"partners":[{"country":"BV"}],"date":{"value":"2016-04-02"}}""")).awaitCompletion();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/aggregates/countries/AQ").then().statusCode(200));
        try (StreamClient client = StreamClient.open("?country=AQ&series=year", null)) {
            Message snapshot = client.await(message -> message.kind().equals("snapshot"));
            assertEquals(1, snapshot.data().path("countries").size());

            EventMessage reported = new EventMessage("aq-elsewhere", 1, 0, "aq-article-2", "aq-bv", "HOST", List.of("AQ", "BV"), List.of(),
                    null, false, new EventMessage.Party("AQ"), List.of(new EventMessage.Party("BV")), new EventMessage.EventDate("2016-04-03"));
            Update change = new Update(Update.CHANGE, List.of("aq-elsewhere"), new Totals(7, 8, 9),
                    List.of(new CountryRow("AQ", 1, 2, 2, Map.of("HOST", 1L))), List.of(), List.of());
            long seq = appendElsewhere(change, List.of(reported));

            Message relayed = client.await(message -> message.eventIds().contains("aq-elsewhere"));
            assertEquals(seq, relayed.id());
            assertTrue(seq > snapshot.id());
            assertEquals("change", relayed.kind());
            assertEquals(8, relayed.events());
            assertEquals(2, relayed.data().path("countries").get(0).path("events").asLong());
            // the bucket's value when relayed: what this database holds (only the act counted here), not the other instance's
            assertTrue(buckets(relayed.data()).contains("year 2016-01-01 AQ null null null 1 1"), buckets(relayed.data()).toString());
            assertTrue(buckets(relayed.data()).contains("year 2016-01-01 AQ BV null null 1 1"), buckets(relayed.data()).toString());
        }
    }

    @Test
    void everyClientGetsItsSnapshotThenEachLaterChangeOnceWhileTwoInstancesCountAtOnce() {
        int viaKafka = 120;
        int batchesElsewhere = 6;
        int perBatch = 10;
        long before = totalEvents();
        long after = before + viaKafka + (long) batchesElsewhere * perBatch;
        List<StreamClient> clients = new ArrayList<>();
        try {
            clients.add(StreamClient.open("", null));
            clients.getFirst().await(message -> message.kind().equals("snapshot"));
            try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
                var produced = kafka.produceStrings().fromRecords(IntStream.range(0, viaKafka)
                        .mapToObj(i -> new ProducerRecord<>("events", "gk" + i, meetingMessage("gk" + i, "JE", "GG"))).toList());
                // the other instance's counting transactions, all at once, beside this instance's consumer
                CompletableFuture<List<Object>> elsewhere = Uni.join().all(IntStream.range(0, batchesElsewhere)
                                .mapToObj(batch -> store.count(IntStream.range(0, perBatch)
                                        .mapToObj(i -> meeting("gd" + batch + "-" + i, "GG", "IM")).toList()).map(Object.class::cast))
                                .toList())
                        .andFailFast().subscribeAsCompletionStage();
                clients.add(StreamClient.open("", null));
                await().atMost(Duration.ofSeconds(30)).until(() -> totalEvents() >= before + 60);
                clients.add(StreamClient.open("", null));
                produced.awaitCompletion();
                elsewhere.join();
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> totalEvents() == after);
            clients.add(StreamClient.open("", null));
            for (StreamClient client : clients) {
                client.await(message -> message.events() == after);
                assertEachLaterChangeOnce(client.messages(), after);
            }
        } finally {
            clients.forEach(StreamClient::close);
        }
    }

    /** A snapshot, then changes in stream order each adding exactly its events to the one before: no gap, no repeat. */
    private static void assertEachLaterChangeOnce(List<Message> messages, long events) {
        assertEquals("snapshot", messages.getFirst().kind(), messages.toString());
        Set<String> sent = new HashSet<>();
        Message previous = messages.getFirst();
        for (Message message : messages.subList(1, messages.size())) {
            assertEquals("change", message.kind());
            assertTrue(message.id() > previous.id(), "ids in stream order: " + previous.id() + ", " + message.id());
            message.eventIds().forEach(id -> assertTrue(sent.add(id), id + " sent twice"));
            assertEquals(previous.events() + message.eventIds().size(), message.events(),
                    "a change missing between " + previous.id() + " and " + message.id());
            previous = message;
        }
        assertEquals(events, previous.events());
    }

    @Test
    void aClientThatReconnectsWithTheLastIdItSawGetsExactlyTheChangesItMissedThenTheLiveOnes() {
        Message seen;
        try (StreamClient first = StreamClient.open("", null)) {
            first.await(message -> message.kind().equals("snapshot"));
            countElsewhere(meeting("ra1", "PN", "CK"), meeting("ra2", "PN", "NU"));
            seen = first.await(message -> message.eventIds().contains("ra1"));
        }
        countElsewhere(meeting("rb1", "PN", "CK"));
        countElsewhere(meeting("rb2", "PN", "NU"), meeting("rb3", "PN", "TK"));
        long missed = totalEvents();
        try (StreamClient resumed = StreamClient.open("", Long.toString(seen.id()))) {
            resumed.await(message -> message.events() == missed);
            List<Message> caughtUp = resumed.messages();
            assertTrue(caughtUp.stream().noneMatch(message -> message.kind().equals("snapshot")), caughtUp.toString());
            assertEquals(List.of("rb1", "rb2", "rb3"), caughtUp.stream().flatMap(message -> message.eventIds().stream()).toList());
            assertTrue(caughtUp.getFirst().id() > seen.id());

            countElsewhere(meeting("rc1", "PN", "WS"));
            Message live = resumed.await(message -> message.eventIds().contains("rc1"));
            assertEquals(missed + 1, live.events());
            assertEquals(caughtUp.size() + 1, resumed.messages().size());
        }

        // an id the stream never sent: a fresh snapshot
        try (StreamClient stranger = StreamClient.open("", "999999999999")) {
            assertEquals("snapshot", stranger.await(message -> true).kind());
        }
        given().header("Last-Event-ID", "yesterday").get("/api/aggregates/stream").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void pruningDeletesTheChangesOlderThanTheKeepTimeOnlyAndAClientWhosePlaceWentGetsASnapshot() {
        Update change = new Update(Update.CHANGE, List.of("pruned"), new Totals(1, 1, 1), List.of(new CountryRow("TV", 1, 1, 1, Map.of())),
                List.of(), List.of());
        long first = appendElsewhere(change, List.of());
        long second = appendElsewhere(change, List.of());
        long third = appendElsewhere(change, List.of());
        // the first two, and every change before them, eleven minutes old: older than the ten minutes kept
        pool.preparedQuery("update aggregate_change set changed_at = now() - interval '11 minutes' where seq <= $1")
                .execute(Tuple.of(second)).await().atMost(Duration.ofSeconds(30));
        long fourth = appendElsewhere(change, List.of());

        changeLog.prune().await().atMost(Duration.ofSeconds(30));

        assertEquals(0, longValue("select count(*) from aggregate_change where seq <= " + second));
        assertEquals(List.of(third, fourth), seqs("select seq from aggregate_change where seq >= " + third + " order by seq"));

        try (StreamClient late = StreamClient.open("", Long.toString(first))) {
            assertEquals("snapshot", late.await(message -> true).kind());
        }
        try (StreamClient inTime = StreamClient.open("", Long.toString(third))) {
            Message next = inTime.await(message -> true);
            assertEquals("change", next.kind());
            assertEquals(fourth, next.id());
        }

        // however old, the newest change stays: a client that saw it can still resume after it
        pool.query("update aggregate_change set changed_at = now() - interval '1 hour'").execute().await().atMost(Duration.ofSeconds(30));
        changeLog.prune().await().atMost(Duration.ofSeconds(30));
        assertEquals(List.of(fourth), seqs("select seq from aggregate_change"));
        try (StreamClient upToDate = StreamClient.open("", Long.toString(fourth))) {
            countElsewhere(meeting("pr1", "TV", "KI"));
            Message next = upToDate.await(message -> true);
            assertEquals(List.of("pr1"), next.eventIds());
            assertFalse(next.kind().equals("snapshot"));
        }
    }

    private List<Long> seqs(String query) {
        List<Long> seqs = new ArrayList<>();
        pool.query(query).execute().await().atMost(Duration.ofSeconds(30)).forEach(row -> seqs.add(row.getLong(0)));
        return seqs;
    }
}

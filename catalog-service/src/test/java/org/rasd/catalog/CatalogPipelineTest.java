package org.rasd.catalog;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rasd.catalog.article.CatalogService;
import org.rasd.support.messaging.AcceptedAt;
import org.rasd.testing.KafkaTestResource;
import org.rasd.testing.PostgresTestResource;
import org.rasd.testing.SseClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class CatalogPipelineTest {

    /** How long the reconnection test's stream client stays away: half a minute, as a client whose connection dropped. */
    private static final Duration DISCONNECTED_FOR = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private KafkaCompanion kafka;

    @BeforeEach
    void connect() {
        kafka = new KafkaCompanion(bootstrapServers);
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    private static String article(String id, String... events) {
        return articleFrom("news.example", id, events);
    }

    private static String articleFrom(String source, String id, String... events) {
        return """
                {"id":"%s","url":"https://%s/%s","source":"%s","title":"عنوان","publishedAt":"2024-02-14",
                 "language":"ar","text":"نص المقال","countries":[{"code":"MA","mentions":2}],"themes":[],
                 "events":[%s],"extractor":"test/1"}""".formatted(id, source, id, source, String.join(",", events));
    }

    private static String event(String id, String type, String partner, String date) {
        return eventBy("MA", id, type, partner, date);
    }

    private static String eventBy(String subject, String id, String type, String partner, String date) {
        return """
                {"id":"%s","type":"%s","cameo":null,"subject":{"country":"%s","name":null,"role":null},
                 "partners":[{"country":"%s","name":null,"role":null}],"organisations":[],
                 "date":%s,"location":null,"themes":["TERRORISM"],"evidence":{"start":0,"end":3},"confidence":0.8}"""
                .formatted(id, type, subject, partner, date == null ? "null" : "{\"value\":\"" + date + "\",\"precision\":\"day\"}");
    }

    private void send(String key, String value) {
        kafka.produceStrings().fromRecords(new ProducerRecord<>("articles", key, value)).awaitCompletion(Duration.ofSeconds(20));
    }

    @Test
    void anArticleIsStoredOnceAndItsEventsArePublishedSearchableAndPaged() {
        send("a1", article("a1", event("a1-e1", "HOST", "ES", "2024-02-13"), event("a1-e2", "MEET", "FR", null),
                event("a1-e3", "VISIT", "ES", "2023-05-01")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/articles/a1").then().statusCode(200).body("extractor", equalTo("test/1")));

        // the topic holds the other tests' events too, before these or after: all of it is read for ten seconds
        List<ConsumerRecord<String, String>> published = kafka.consumeStrings().fromTopics("events", Duration.ofSeconds(10))
                .awaitCompletion(Duration.ofSeconds(30)).getRecords();
        assertTrue(published.stream().anyMatch(r -> r.key().equals("a1-e1") && r.value().contains("\"version\":1")
                && r.value().contains("\"articleId\":\"a1\"")));

        given().queryParam("country", "ES").get("/api/events").then().statusCode(200).body("items", hasSize(2))
                .body("items[0].id", equalTo("a1-e1"));
        given().queryParam("country", "es").queryParam("type", "VISIT").get("/api/events").then().body("items", hasSize(1));
        given().queryParam("country", "ES").queryParam("from", "2024-01-01").queryParam("to", "2024-12-31").get("/api/events")
                .then().body("items", hasSize(1));
        String cursor = given().queryParam("country", "ES").queryParam("limit", 1).get("/api/events").then()
                .body("items", hasSize(1)).body("items[0].id", equalTo("a1-e1")).extract().path("nextCursor");
        given().queryParam("country", "ES").queryParam("limit", 1).queryParam("cursor", cursor).get("/api/events").then()
                .body("items", hasSize(1)).body("items[0].id", equalTo("a1-e3")).body("nextCursor", nullValue());

        // Redelivered: nothing changes, nothing is published again.
        send("a1", article("a1", event("a1-e1", "HOST", "ES", "2024-02-13")));
        send("a2", article("a2", event("a2-e1", "MEET", "DE", "2024-03-01")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/articles/a2").then().statusCode(200));
        given().queryParam("country", "ES").get("/api/events").then().body("items", hasSize(2));
        given().queryParam("country", "FR").get("/api/events").then().body("items", hasSize(1));
        given().queryParam("country", "DE").get("/api/events").then().body("items", hasSize(1));
        List<String> publishedOnce = kafka.consumeStrings().fromTopics("events", Duration.ofSeconds(10))
                .awaitCompletion(Duration.ofSeconds(30)).getRecords().stream().map(ConsumerRecord::key)
                .filter(key -> key.startsWith("a1-") || key.startsWith("a2-")).sorted().toList();
        assertEquals(List.of("a1-e1", "a1-e2", "a1-e3", "a2-e1"), publishedOnce, "each event published once");
    }

    @Test
    void reportsOfOneActFromSeveralSourcesAreOneIncidentWithItsMentions() {
        // three outlets report Morocco hosting Korea: on the 10th, the day after, and sometime that month
        // one report joined at a time: each is a version of the incident (reports joined in one batch make one)
        send("kr-1", articleFrom("one.example", "kr-1", event("kr-1-e1", "HOST", "KR", "2024-05-10")));
        awaitJoined("kr-1-e1");
        send("kr-2", articleFrom("two.example", "kr-2", event("kr-2-e1", "HOST", "KR", "2024-05-11"),
                event("kr-2-e2", "AGREEMENT", "KR", "2024-05-11")));
        awaitJoined("kr-2-e1");
        send("kr-3", articleFrom("three.example", "kr-3", event("kr-3-e1", "MEET", "KR", "2024-05")));
        awaitJoined("kr-3-e1");
        // a second hosting ten days later is another act, though the same outlet reports it
        send("kr-4", articleFrom("one.example", "kr-4", event("kr-4-e1", "HOST", "KR", "2024-05-20")));
        awaitJoined("kr-4-e1"); // events are joined in the order they were stored: the others are joined too

        given().queryParam("partner", "KR").get("/api/incidents").then().statusCode(200)
                .body("items", hasSize(3))
                .body("items[0].dateFrom", equalTo("2024-05-20")).body("items[0].mentions", equalTo(1));
        String hosting = given().queryParam("partner", "kr").queryParam("type", "HOST").queryParam("minSources", 2)
                .get("/api/incidents").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].mentions", equalTo(3)).body("items[0].articles", equalTo(3)).body("items[0].sources", equalTo(3))
                .body("items[0].actor", equalTo("MA")).body("items[0].partners", equalTo(List.of("KR")))
                .body("items[0].dates", equalTo(List.of("2024-05", "2024-05-10", "2024-05-11")))
                .body("items[0].themes", equalTo(List.of("TERRORISM")))
                .body("items[0].version", equalTo(3))
                .extract().path("items[0].id");
        given().get("/api/incidents/" + hosting).then().statusCode(200)
                .body("incident.id", equalTo(hosting)).body("incident.type", equalTo("HOST")).body("incident.mentions", equalTo(3))
                .body("mentions.eventId", containsInAnyOrder("kr-1-e1", "kr-2-e1", "kr-3-e1"))
                .body("mentions.source", containsInAnyOrder("one.example", "two.example", "three.example"))
                .body("mentions.evidence", everyItem(equalTo("نص ")));
        given().get("/api/events/kr-3-e1").then().statusCode(200).body("incidentId", equalTo(hosting));
        List<String> exported = given().queryParam("partner", "KR").queryParam("type", "HOST").get("/api/incidents/export.csv")
                .then().statusCode(200).extract().asString().lines().toList();
        assertEquals(List.of("id,version,type,actor,partners,dateFrom,dateTo,place,mentions,articles,sources,themes,dates,places,firstSeen,lastSeen"),
                exported.subList(0, 1));
        assertEquals(3, exported.size(), "the header and the two hostings");
        JsonPath shown = JsonPath.from(given().get("/api/incidents/" + hosting).then().extract().asString());
        assertTrue(exported.get(2).startsWith(String.join(",", hosting, "3", "HOST", "MA", "KR", shown.getString("incident.dateFrom"),
                shown.getString("incident.dateTo"), "", "3", "3", "3", "TERRORISM", "2024-05;2024-05-10;2024-05-11", "", "")), exported.toString());
        given().queryParam("partner", "KR").get("/api/incidents/export.ndjson").then().statusCode(200)
                .body(containsString("\"id\":\"" + hosting + "\""));
        assertTrue(kafka.consumeStrings().fromTopics("events", multi -> multi.select().where(record -> record.key().equals("kr-2-e1"))
                        .select().first()).awaitCompletion(Duration.ofSeconds(20)).getRecords().getFirst().value()
                .contains("\"incidentId\":\"" + hosting + "\""));
        // the incident's changelog: each batch that joined a mention to it, the incident as it then was
        List<String> changes = incidentChanges(hosting);
        assertTrue(changes.getLast().contains("\"mentions\":3") && changes.getLast().contains("\"version\":3"), changes.toString());

        // a repeat of a stored article joins nothing again
        send("kr-1", articleFrom("one.example", "kr-1", event("kr-1-e1", "HOST", "KR", "2024-05-10")));
        send("kr-5", articleFrom("two.example", "kr-5", event("kr-5-e1", "AGREEMENT", "KR", "2024-05-12")));
        awaitJoined("kr-5-e1");
        given().get("/api/incidents/" + hosting).then().body("mentions", hasSize(3)).body("incident.version", equalTo(3));
        given().queryParam("partner", "KR").queryParam("type", "AGREEMENT").get("/api/incidents").then()
                .body("items", hasSize(1)).body("items[0].mentions", equalTo(2)).body("items[0].sources", equalTo(1));
    }

    @Test
    void aVisitToldByTheGuestsOutletsAndItsHostingToldByTheHostsAreOneIncident() {
        // a Mauritanian outlet reports its minister's talks in Morocco, a Moroccan one the reception, another
        // Mauritanian one the visit: one act, told from both sides
        send("mr-1", articleFrom("nouakchott.example", "mr-1", eventBy("MR", "mr-1-e1", "MEET", "MA", "2024-06")));
        awaitJoined("mr-1-e1");
        send("mr-2", articleFrom("rabat.example", "mr-2", eventBy("MA", "mr-2-e1", "HOST", "MR", "2024-06-04")));
        awaitJoined("mr-2-e1");
        send("mr-3", articleFrom("tevragh.example", "mr-3", eventBy("MR", "mr-3-e1", "VISIT", "MA", "2024-06-04")));
        awaitJoined("mr-3-e1");
        // a reception in Nouakchott that month is a visit the other way: another act
        send("mr-4", articleFrom("nouakchott.example", "mr-4", eventBy("MR", "mr-4-e1", "HOST", "MA", "2024-06-20")));
        awaitJoined("mr-4-e1");

        String hosting = given().get("/api/events/mr-2-e1").then().extract().path("incidentId");
        given().get("/api/incidents/" + hosting).then().statusCode(200)
                .body("incident.type", equalTo("HOST")).body("incident.actor", equalTo("MA"))
                .body("incident.partners", equalTo(List.of("MR"))).body("incident.sources", equalTo(3))
                .body("mentions.eventId", containsInAnyOrder("mr-1-e1", "mr-2-e1", "mr-3-e1"));
        given().get("/api/events/mr-4-e1").then().body("incidentId", not(equalTo(hosting)));
    }

    @Test
    void anArticlesEventsAreDistinctActsThatAnotherOutletsReportJoinsOneOf() {
        // a Tunisian outlet reports the guest's reception by the minister, then by the president, the same day: the
        // extractor keeps two receptions only where the article tells them apart
        send("tn-1", articleFrom("tunis.example", "tn-1", eventBy("TN", "tn-1-e1", "HOST", "VN", "2022-03-28"),
                eventBy("TN", "tn-1-e2", "HOST", "VN", "2022-03-28")));
        awaitJoined("tn-1-e1");
        awaitJoined("tn-1-e2");
        String byTheMinister = given().get("/api/events/tn-1-e1").then().extract().path("incidentId");
        String byThePresident = given().get("/api/events/tn-1-e2").then().extract().path("incidentId");
        assertTrue(!byTheMinister.equals(byThePresident), "one article's two receptions are two incidents");
        // another outlet's report of a reception that day joins one of them, not both into one
        send("tn-2", articleFrom("carthage.example", "tn-2", eventBy("TN", "tn-2-e1", "HOST", "VN", "2022-03-28")));
        awaitJoined("tn-2-e1");
        String joined = given().get("/api/events/tn-2-e1").then().extract().path("incidentId");
        assertTrue(joined.equals(byTheMinister) || joined.equals(byThePresident), joined);
        given().get("/api/events/tn-1-e1").then().body("incidentId", equalTo(byTheMinister));
        given().get("/api/events/tn-1-e2").then().body("incidentId", equalTo(byThePresident));
    }

    @Test
    void aMemorandumToldByEachSignatorysOutletIsOneIncident() {
        send("qa-1", articleFrom("doha.example", "qa-1", eventBy("QA", "qa-1-e1", "AGREEMENT", "LY", "2020-10-26")));
        awaitJoined("qa-1-e1");
        send("ly-1", articleFrom("tripoli.example", "ly-1", eventBy("LY", "ly-1-e1", "AGREEMENT", "QA", "2020-10-26")));
        awaitJoined("ly-1-e1");
        // a signing between the two a month later is another act
        send("ly-2", articleFrom("tripoli.example", "ly-2", eventBy("LY", "ly-2-e1", "AGREEMENT", "QA", "2020-11-26")));
        awaitJoined("ly-2-e1");

        String signing = given().get("/api/events/qa-1-e1").then().extract().path("incidentId");
        given().get("/api/incidents/" + signing).then().statusCode(200).body("incident.sources", equalTo(2))
                .body("mentions.eventId", containsInAnyOrder("qa-1-e1", "ly-1-e1"));
        given().get("/api/events/ly-2-e1").then().body("incidentId", not(equalTo(signing)));
    }

    /** The messages of the {@code incidents} topic about one incident, in order. */
    private List<String> incidentChanges(String incidentId) {
        return kafka.consumeStrings().fromTopics("incidents", Duration.ofSeconds(10)).awaitCompletion(Duration.ofSeconds(30))
                .getRecords().stream().filter(record -> record.key().equals(incidentId)).map(ConsumerRecord::value).toList();
    }

    /** Waits until an event is stored and joined into its incident, which comes after storing. */
    private static void awaitJoined(String eventId) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/events/" + eventId).then().statusCode(200).body("incidentId", notNullValue()));
    }

    @Test
    void aStreamClientThatReconnectsWithLastEventIdGetsEveryEventItMissedOnce() throws Exception {
        String stream = "http://localhost:" + RestAssured.port + "/api/events/stream?country=NZ";
        List<String> seen = new ArrayList<>();
        String lastId;
        try (SseClient reader = SseClient.open(stream, null)) {
            assertEquals(200, reader.status());
            Thread.sleep(1500); // the reader has taken its place at the end of the stream
            for (int i = 0; i < 3; i++) {
                send("nz-live-" + i, article("nz-live-" + i, event("nz-live-" + i + "-e1", "MEET", "NZ", "2024-06-01")));
            }
            List<SseClient.Received> live = reader.take(3, Duration.ofSeconds(30));
            live.forEach(event -> seen.add(eventId(event)));
            live.forEach(event -> assertTrue(JsonPath.from(event.data()).getString("incidentId") != null, "streamed once joined"));
            lastId = live.getLast().id();
        }
        // disconnected for 30 s, while 500 articles are stored by three consumers at once
        Instant disconnected = Instant.now();
        List<ProducerRecord<String, String>> missed = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            String id = "nz-missed-" + i;
            missed.add(new ProducerRecord<>("articles", id, article(id, event(id + "-e1", "MEET", "NZ", "2024-06-02"))));
        }
        kafka.produceStrings().fromRecords(missed).awaitCompletion(Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/api/articles/nz-missed-499").then().statusCode(200));
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), disconnected.plus(DISCONNECTED_FOR)).toMillis()));

        try (SseClient reader = SseClient.open(stream, lastId)) {
            reader.take(500, Duration.ofSeconds(60)).forEach(event -> seen.add(eventId(event)));
            send("nz-after", article("nz-after", event("nz-after-e1", "MEET", "NZ", "2024-06-03")));
            reader.take(1, Duration.ofSeconds(30)).forEach(event -> seen.add(eventId(event)));
            assertEquals(List.of(), reader.more(Duration.ofSeconds(2)), "nothing twice");
        }
        assertEquals(504, seen.size());
        assertEquals(504, seen.stream().distinct().count(), "each event once");
        assertTrue(seen.containsAll(missed.stream().map(record -> record.key() + "-e1").toList()), "every missed event");
        assertEquals("nz-after-e1", seen.getLast());

        given().header("Last-Event-ID", "yesterday").get("/api/events/stream").then().statusCode(400)
                .contentType("application/problem+json");

        // the same changes as pages, after the position the reader had reached, to the end and no further
        List<String> paged = new ArrayList<>();
        String after = lastId;
        while (true) {
            JsonPath page = given().queryParam("after", after).queryParam("limit", 200).get("/api/events/changes")
                    .then().statusCode(200).extract().jsonPath();
            List<String> ids = page.getList("items.id");
            if (ids.isEmpty()) {
                assertEquals(after, page.getString("next"), "an empty page says where to ask again");
                break;
            }
            ids.stream().filter(id -> id.startsWith("nz-")).forEach(paged::add);
            after = page.getString("next");
        }
        assertEquals(seen.subList(3, seen.size()), paged, "every change after the position, once, in stream order");
        given().queryParam("after", "yesterday").get("/api/events/changes").then().statusCode(400)
                .contentType("application/problem+json");

        // exports: every event the filter finds, past the 500 rows an export reads at a time
        List<String> lines = given().queryParam("country", "nz").get("/api/events/export.ndjson").then().statusCode(200)
                .contentType(startsWith("application/x-ndjson")).extract().asString().lines().toList();
        assertEquals(504, lines.size());
        assertEquals(Set.copyOf(seen), lines.stream().map(line -> JsonPath.from(line).getString("id")).collect(Collectors.toSet()));
        List<String> csv = given().queryParam("country", "NZ").get("/api/events/export.csv").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString().lines().toList();
        assertEquals("id,version,incidentId,articleId,type,actor,partners,countries,themes,date,precision,place,publishedAt,articleTitle",
                csv.getFirst());
        assertEquals(505, csv.size());
        assertTrue(csv.contains("nz-after-e1,1," + JsonPath.from(lines.getFirst()).getString("incidentId")
                + ",nz-after,MEET,MA,NZ,MA;NZ,TERRORISM,2024-06-03,day,,2024-02-14,عنوان"), csv.getFirst() + "\n" + csv.get(1));
    }

    private static String eventId(SseClient.Received event) {
        return JsonPath.from(event.data()).getString("id");
    }

    /** A version of an article, on partition 0 with the others of its test: they are stored in the order sent. */
    private static ProducerRecord<String, String> version(String id, String revision, Instant acceptedAt, String... events) {
        ProducerRecord<String, String> record = new ProducerRecord<>("articles", 0, id,
                article(id, events).replace("\"extractor\":\"test/1\"", "\"extractor\":\"test/1\",\"revision\":\"" + revision + "\""));
        record.headers().add(AcceptedAt.HEADER, acceptedAt.toString().getBytes(StandardCharsets.UTF_8));
        return record;
    }

    @Test
    void aNewVersionOfAnArticleReplacesItsEventsAndAnOlderOneRedeliveredChangesNothing() throws Exception {
        Instant first = Instant.parse("2024-07-01T08:00:00Z");
        kafka.produceStrings().fromRecords(version("rev", "r1", first,
                event("rev-e1", "HOST", "SA", "2024-07-01"), event("rev-e2", "MEET", "QA", "2024-07-01"))).awaitCompletion();
        String withQatar = await().atMost(Duration.ofSeconds(30)).until(() ->
                given().queryParam("partner", "QA").get("/api/incidents").then().extract().<String>path("items[0].id"), notNullValue());
        EVENT_ROWS.forEach(table -> assertTrue(rowsOf(table, "rev-e2") > 0, table + " of the stored event"));

        // corrected: not Qatar but an agreement with Saudi Arabia; then the first version is delivered again
        kafka.produceStrings().fromRecords(
                version("rev", "r2", first.plusSeconds(60),
                        event("rev-e1", "HOST", "SA", "2024-07-01"), event("rev-e3", "AGREEMENT", "SA", "2024-07-01")),
                version("rev", "r1", first,
                        event("rev-e1", "HOST", "SA", "2024-07-01"), event("rev-e2", "MEET", "QA", "2024-07-01")),
                version("rev-marker", "m1", first.plusSeconds(120))).awaitCompletion();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/articles/rev-marker").then().statusCode(200));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().queryParam("partner", "QA").get("/api/incidents").then().body("items", hasSize(0)));

        given().get("/api/articles/rev").then().statusCode(200).body("revision", equalTo("r2"));
        given().get("/api/events/rev-e2").then().statusCode(404);
        // no foreign key keeps them from outliving their event: replacing it deletes them first
        EVENT_ROWS.forEach(table -> assertEquals(0, rowsOf(table, "rev-e2"), table + " of the replaced event"));
        given().get("/api/events/rev-e1").then().statusCode(200).body("version", equalTo(2));
        given().get("/api/events/rev-e3").then().statusCode(200).body("version", equalTo(2)); // its article's version
        given().queryParam("partner", "SA").get("/api/incidents").then().body("items", hasSize(2))
                .body("items.mentions", everyItem(equalTo(1)));
        List<String> published = kafka.consumeStrings().fromTopics("events", Duration.ofSeconds(10))
                .awaitCompletion(Duration.ofSeconds(30)).getRecords().stream()
                .filter(record -> record.key().startsWith("rev-e")).map(ConsumerRecord::value).toList();
        assertEquals(5, published.size(), "e1 and e2, then e1 again, e3 and the removal of e2; nothing for the redelivery");
        assertTrue(published.stream().anyMatch(value -> value.contains("\"id\":\"rev-e2\"") && value.contains("\"removed\":true")
                && value.contains("\"version\":2")), published.toString());
        assertEquals("{\"id\":\"" + withQatar + "\",\"removed\":true}", incidentChanges(withQatar).getLast(), "no mention left: removed");

        // the event stream, read from its start with a filter the removal does not match, carries it as "removed"
        try (SseClient reader = SseClient.open("http://localhost:" + RestAssured.port + "/api/events/stream?type=AGREEMENT",
                "0-0")) {
            List<SseClient.Received> removals = reader.more(Duration.ofSeconds(3)).stream()
                    .filter(event -> JsonPath.from(event.data()).getString("id").equals("rev-e2")).toList();
            assertEquals(1, removals.size(), removals.toString());
            assertEquals("removed", removals.getFirst().name());
            assertEquals(Map.of("id", "rev-e2", "version", 2, "articleId", "rev", "removed", true), JsonPath.from(removals.getFirst().data()).getMap("$"));
        }
    }

    @Inject
    CatalogService catalog;

    @Inject
    Pool pool;

    /** The tables of an event's countries, themes and search text. */
    private static final List<String> EVENT_ROWS = List.of("catalog_event_country", "catalog_event_theme", "event_search_text");

    private long rowsOf(String table, String eventId) {
        return pool.preparedQuery("select count(*) from " + table + " where event_id = $1").execute(Tuple.of(eventId))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }

    @Test
    void incidentsAreFoundByTheWordsOfTheirEvidenceAndTitlesWithArabicStemming() {
        String text = "استقبل وزير الداخلية نظيره البيروفي لبحث مكافحة الإرهاب. وفي سياق آخر، ناقش الطرفان ملف الهجرة.";
        int sentenceEnd = text.indexOf('.') + 1;
        send("pe-1", """
                {"id":"pe-1","url":"https://news.example/pe-1","source":"news.example","title":"تعاون أمني مع ليما",
                 "publishedAt":"2024-09-03","language":"ar","text":"%s","countries":[{"code":"MA","mentions":1}],"themes":[],
                 "events":[%s],"extractor":"test/1"}""".formatted(text,
                event("pe-1-e1", "HOST", "PE", "2024-09-03").replace("\"end\":3", "\"end\":" + sentenceEnd)));
        awaitJoined("pe-1-e1");

        for (String words : List.of("الإرهاب", "إرهاب", "مكافحة الإرهاب", "ليما", "\"وزير الداخلية\"")) {
            given().queryParam("q", words).get("/api/incidents").then().statusCode(200)
                    .body("items.partners", equalTo(List.of(List.of("PE")))).body("items[0].actor", equalTo("MA"));
        }
        // the second sentence is no evidence of the act; words in no mention find nothing
        for (String words : List.of("الهجرة", "المخدرات", "الإرهاب -ليما")) {
            given().queryParam("q", words).queryParam("partner", "PE").get("/api/incidents").then().statusCode(200)
                    .body("items", hasSize(0));
        }
        given().queryParam("q", "ا".repeat(201)).get("/api/incidents").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aVersionReplacedBeforeItIsJoinedFoundsNothingAndTheNewOneIsJoinedOnce() {
        Instant first = Instant.parse("2024-08-01T08:00:00Z");
        // stored straight after one another: the first version is replaced before it is joined, unless a sweep
        // joins it in between; the outcome must be the same either way
        store(version("fast", "f1", first, event("fast-e1", "HOST", "NO", "2024-08-01"), event("fast-e2", "MEET", "IS", "2024-08-01")));
        store(version("fast", "f2", first.plusSeconds(60), event("fast-e1", "HOST", "NO", "2024-08-01")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/events/fast-e1").then().statusCode(200)
                .body("version", equalTo(2)).body("incidentId", notNullValue()));

        given().queryParam("partner", "IS").get("/api/incidents").then().body("items", hasSize(0));
        String hosting = given().queryParam("partner", "NO").get("/api/incidents").then()
                .body("items", hasSize(1)).body("items[0].mentions", equalTo(1)).body("items[0].articles", equalTo(1))
                .extract().path("items[0].id");
        List<ConsumerRecord<String, String>> published = kafka.consumeStrings().fromTopics("events", Duration.ofSeconds(10))
                .awaitCompletion(Duration.ofSeconds(30)).getRecords().stream().filter(record -> record.key().startsWith("fast-e")).toList();
        String lastOfE1 = published.stream().filter(record -> record.key().equals("fast-e1")).toList().getLast().value();
        String lastOfE2 = published.stream().filter(record -> record.key().equals("fast-e2")).toList().getLast().value();
        assertTrue(lastOfE1.contains("\"version\":2") && lastOfE1.contains("\"incidentId\":\"" + hosting + "\""), lastOfE1);
        assertTrue(lastOfE2.contains("\"version\":2") && lastOfE2.contains("\"removed\":true"), lastOfE2);
    }

    private void store(ProducerRecord<String, String> version) {
        OffsetDateTime acceptedAt = AcceptedAt.of(version.headers()).orElseThrow();
        catalog.store(List.of(catalog.read(version.value(), acceptedAt, null))).await().atMost(Duration.ofSeconds(30));
    }

    @Test
    void aRecordThatIsNotAnArticleGoesToTheDeadLetterTopicWithItsReason() {
        send("broken", "{\"id\": \"broken\"}");
        ConsumerRecord<String, String> dead = deadLetter("broken");
        String reason = new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
        assertTrue(reason.contains("text"), reason);

        send("a3", article("a3"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/articles/a3").then().statusCode(200));
    }

    @Test
    void anArticleTheDatabaseRefusesIsDeadLetteredAndTheNextOneIsStoredAtOnce() {
        send("before-poison", article("before-poison")); // the consumer is running and has its partitions
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/articles/before-poison").then().statusCode(200));
        // PostgreSQL text cannot hold NUL: no retry can store this record.
        String poisoned = article("poisoned").replace("\"source\":\"news.example\"", "\"source\":\"news\\u0000example\"");
        long sentAt = System.nanoTime();
        ProducerRecord<String, String> withHeaders = new ProducerRecord<>("articles", "poisoned", poisoned);
        withHeaders.headers().add(AcceptedAt.HEADER, "2024-05-01T10:00:00Z".getBytes(StandardCharsets.UTF_8));
        kafka.produceStrings().fromRecords(withHeaders).awaitCompletion(Duration.ofSeconds(20));
        send("after-poison", article("after-poison"));

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                given().get("/api/articles/after-poison").then().statusCode(200));
        System.out.printf("poisoned record then a good one: the good one stored %d ms after both were sent%n",
                (System.nanoTime() - sentAt) / 1_000_000);
        ConsumerRecord<String, String> dead = deadLetter("poisoned");
        String reason = new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
        assertTrue(reason.contains("SQLSTATE 22021"), reason);
        assertEquals(poisoned, dead.value(), "the dead letter is the record as it came");
        assertEquals("2024-05-01T10:00:00Z", new String(dead.headers().lastHeader(AcceptedAt.HEADER).value(), StandardCharsets.UTF_8),
                "with its own headers");
        given().get("/api/articles/poisoned").then().statusCode(404);
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void aPollWithARecordTheDatabaseRefusesStoresEveryOtherRecordOnce() {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String id = "polled-" + i;
            records.add(new ProducerRecord<>("articles", id, article(id, event(id + "-e1", "MEET", "JP", "2024-04-0" + (1 + i % 9)))));
            if (i == 20) {
                records.add(new ProducerRecord<>("articles", "polled-poison", article("polled-poison", event("polled-poison-e1", "MEET", "JP", null))
                        .replace("\"title\":\"عنوان\"", "\"title\":\"عنـ\\u0000ـوان\"")));
                records.add(new ProducerRecord<>("articles", "polled-3", article("polled-3", event("polled-3-e1", "MEET", "JP", null))));
            }
        }
        kafka.produceStrings().fromRecords(records).awaitCompletion(Duration.ofSeconds(20));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().queryParam("country", "JP").queryParam("limit", 500).get("/api/events").then().body("items", hasSize(40)));
        assertTrue(new String(deadLetter("polled-poison").headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8)
                .contains("SQLSTATE 22021"));
        given().get("/api/articles/polled-poison").then().statusCode(404);
        given().get("/api/articles/polled-3").then().statusCode(200).body("events[0].date", notNullValue());
    }

    private ConsumerRecord<String, String> deadLetter(String key) {
        return kafka.consumeStrings().fromTopics("articles.dlq", multi -> multi.select().where(record -> record.key().equals(key)).select().first())
                .awaitCompletion(Duration.ofSeconds(30)).getRecords().stream()
                .filter(record -> record.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void theIdsOfStoredArticlesAreListedInStoringOrderAPageAtATimeFromAMomentOn() {
        send("ids-1", article("ids-1"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/articles/ids-1").then().statusCode(200));
        String storedFirst = given().queryParam("limit", 10000).get("/api/articles/ids").then().statusCode(200).extract().jsonPath()
                .<Map<String, String>>getList("items").stream().filter(item -> item.get("id").equals("ids-1"))
                .findFirst().orElseThrow().get("storedAt");
        send("ids-2", article("ids-2"));
        send("ids-3", article("ids-3"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/articles/ids-3").then().statusCode(200));

        // from the first one's storing on, a page of one at a time: the three in the order they were stored
        List<String> listed = new ArrayList<>();
        String cursor = null;
        do {
            var page = (cursor == null ? given().queryParam("storedFrom", storedFirst) : given().queryParam("cursor", cursor))
                    .queryParam("limit", 1).get("/api/articles/ids").then().statusCode(200).body("items", hasSize(1))
                    .extract().jsonPath();
            listed.add(page.getString("items[0].id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertEquals(List.of("ids-1", "ids-2", "ids-3"), listed.stream().filter(id -> id.startsWith("ids-")).toList());

        // a moment after the first was stored leaves it out
        String afterFirst = OffsetDateTime.parse(storedFirst).plusNanos(1000).toString();
        List<String> later = given().queryParam("storedFrom", afterFirst).queryParam("limit", 10000).get("/api/articles/ids")
                .then().statusCode(200).extract().jsonPath().getList("items.id");
        assertTrue(later.containsAll(List.of("ids-2", "ids-3")) && !later.contains("ids-1"), later.toString());

        given().queryParam("storedFrom", "yesterday").get("/api/articles/ids").then().statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("cursor", "%%%").get("/api/articles/ids").then().statusCode(400).contentType("application/problem+json");
        given().queryParam("cursor", "abc").queryParam("storedFrom", storedFirst).get("/api/articles/ids").then().statusCode(400);
        given().queryParam("limit", 10001).get("/api/articles/ids").then().statusCode(400);
    }

    @Test
    void unknownArticlesAndBadParametersAreProblems() {
        given().get("/api/articles/none").then().statusCode(404).contentType("application/problem+json");
        given().queryParam("from", "yesterday").get("/api/events").then().statusCode(400).contentType("application/problem+json");
        given().queryParam("cursor", "%%%").get("/api/events").then().statusCode(400);
        given().queryParam("limit", 0).get("/api/events").then().statusCode(400);
        given().get("/api/events/none").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/incidents/none").then().statusCode(404).contentType("application/problem+json");
        given().queryParam("minSources", 0).get("/api/incidents").then().statusCode(400).contentType("application/problem+json");
        given().queryParam("minSources", "two").get("/api/incidents").then().statusCode(400).contentType("application/problem+json");
        given().queryParam("from", "July").get("/api/articles").then().statusCode(400).contentType("application/problem+json");
        given().queryParam("cursor", "%%%").get("/api/incidents").then().statusCode(400);
    }
}

package org.rasd.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.rasd.testing.KafkaTestResource;
import org.rasd.testing.PostgresTestResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.StreamSupport;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "analytics"))
class CountingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static String event(String id, String article, String type, String countries, String themes) {
        return """
                {"id":"%s","version":1,"articleId":"%s","type":"%s","countries":[%s],"themes":[%s]}"""
                .formatted(id, article, type, countries, themes);
    }

    private static String version(int version, String id, String incident, String article, String type, String countries, String themes) {
        return mention(id, incident, article, type, countries, themes).replace("\"version\":1,", "\"version\":" + version + ",");
    }

    private static String removal(int version, String id, String article) {
        return """
                {"id":"%s","version":%d,"articleId":"%s","removed":true}""".formatted(id, version, article);
    }

    /** An event the catalog joined into an incident with others. */
    private static String mention(String id, String incident, String article, String type, String countries, String themes) {
        return event(id, article, type, countries, themes).replace("\"version\":1,", "\"version\":1,\"incidentId\":\"" + incident + "\",");
    }

    @Test
    void eachActIsCountedOncePerCountryThemeAndTypeWithItsReportsBeside() {
        // the other test's events may be counted already: the totals are compared with what they were before
        int events = given().get("/api/aggregates/countries").path("totals.events");
        int incidents = given().get("/api/aggregates/countries").path("totals.incidents");
        int articles = given().get("/api/aggregates/countries").path("totals.articles");
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            kafka.produceStrings().fromRecords(
                    new ProducerRecord<>("events", "e1", mention("e1", "host-es", "a1", "HOST", "\"MA\",\"ES\"", "\"TERRORISM\"")),
                    new ProducerRecord<>("events", "e2", event("e2", "a1", "VISIT", "\"MA\",\"FR\"", "\"TERRORISM\",\"CYBERSECURITY\"")),
                    new ProducerRecord<>("events", "e1", mention("e1", "host-es", "a1", "HOST", "\"MA\",\"ES\"", "\"TERRORISM\"")),
                    // another outlet's report of the same hosting: one act more reported, not one act more
                    new ProducerRecord<>("events", "e4", mention("e4", "host-es", "a4", "HOST", "\"MA\",\"ES\"", "\"TERRORISM\"")),
                    new ProducerRecord<>("events", "bad", "not json"),
                    // PostgreSQL text cannot hold NUL: no retry can count this one.
                    new ProducerRecord<>("events", "nul", event("nul", "a3", "MEET", "\"M\\u0000A\"", "")),
                    new ProducerRecord<>("events", "e3", event("e3", "a2", "MEET", "\"ES\"", ""))).awaitCompletion();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/aggregates/countries").then().statusCode(200).body("totals.events", equalTo(events + 4)));
        given().get("/api/aggregates/countries").then()
                .body("totals.incidents", equalTo(incidents + 3))
                .body("totals.articles", equalTo(articles + 3))
                .body("countries[0].code", equalTo("ES"))
                .body("countries.find { it.code == 'MA' }.incidents", equalTo(2))
                .body("countries.find { it.code == 'MA' }.events", equalTo(3))
                .body("countries.find { it.code == 'MA' }.articles", equalTo(2))
                .body("countries.find { it.code == 'ES' }.incidents", equalTo(2))
                .body("countries.find { it.code == 'ES' }.articles", equalTo(3))
                .body("countries.find { it.code == 'FR' }.incidents", equalTo(1))
                .body("countries.find { it.code == 'MA' }.byType.HOST", equalTo(1));
        given().get("/api/aggregates/themes").then()
                .body("themes[0].code", equalTo("TERRORISM")).body("themes[0].incidents", equalTo(2))
                .body("themes[0].events", equalTo(3));
        given().get("/api/aggregates/countries/ma").then().statusCode(200)
                .body("incidents", equalTo(2))
                .body("themes.find { it.code == 'TERRORISM' }.incidents", equalTo(2))
                .body("themes.find { it.code == 'CYBERSECURITY' }.events", equalTo(1));
        given().get("/api/aggregates/countries/ZZ").then().statusCode(404).contentType("application/problem+json");

        Map<String, String> reasons = new HashMap<>();
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            kafka.consumeStrings().fromTopics("events.dlq").awaitRecords(2, Duration.ofSeconds(30)).getRecords()
                    .forEach(dead -> reasons.put(dead.key(),
                            new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8)));
        }
        assertTrue(reasons.get("bad").startsWith("not an event message"), reasons.toString());
        assertTrue(reasons.get("nul").contains("SQLSTATE 22021"), reasons.toString());
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void aNewerVersionTakesAwayWhatTheOneItReplacesAddedAndAnOlderOneChangesNothing() {
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            kafka.produceStrings().fromRecords(
                    // corrected: the hosting of Italy was a talk with Germany; the first version comes again late
                    new ProducerRecord<>("events", "v1", version(1, "v1", "om-it", "b1", "HOST", "\"OM\",\"IT\"", "\"SMUGGLING\"")),
                    new ProducerRecord<>("events", "v1", version(2, "v1", "om-de", "b1", "MEET", "\"OM\",\"DE\"", "\"SMUGGLING\"")),
                    new ProducerRecord<>("events", "v1", version(1, "v1", "om-it", "b1", "HOST", "\"OM\",\"IT\"", "\"SMUGGLING\"")),
                    // a correction drops the visit to Jordan
                    new ProducerRecord<>("events", "v2", version(1, "v2", "om-jo", "b1", "VISIT", "\"OM\",\"JO\"", "")),
                    new ProducerRecord<>("events", "v2", removal(2, "v2", "b1")),
                    // two outlets report one act with Qatar; one report is withdrawn: the act still counts, once
                    new ProducerRecord<>("events", "v3", version(1, "v3", "om-qa", "b2", "HOST", "\"OM\",\"QA\"", "\"SMUGGLING\"")),
                    new ProducerRecord<>("events", "v4", version(1, "v4", "om-qa", "b3", "HOST", "\"OM\",\"QA\"", "\"SMUGGLING\"")),
                    new ProducerRecord<>("events", "v3", removal(2, "v3", "b2")),
                    new ProducerRecord<>("events", "v3", removal(2, "v3", "b2"))).awaitCompletion();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            given().get("/api/aggregates/countries/QA").then().statusCode(200)
                    .body("incidents", equalTo(1)).body("events", equalTo(1)).body("articles", equalTo(1));
            given().get("/api/aggregates/countries/JO").then().statusCode(404);
            given().get("/api/aggregates/countries/IT").then().statusCode(404);
        });
        given().get("/api/aggregates/countries/DE").then().statusCode(200)
                .body("incidents", equalTo(1)).body("events", equalTo(1)).body("byType.MEET", equalTo(1))
                .body("byType.HOST", equalTo(null));
        given().get("/api/aggregates/countries/OM").then().statusCode(200)
                .body("incidents", equalTo(2)).body("events", equalTo(2)).body("articles", equalTo(2))
                .body("byType.MEET", equalTo(1)).body("byType.HOST", equalTo(1)).body("byType.VISIT", equalTo(null))
                .body("themes.find { it.code == 'SMUGGLING' }.incidents", equalTo(2));
        given().get("/api/aggregates/themes").then()
                .body("themes.find { it.code == 'SMUGGLING' }.events", equalTo(2));
    }

    /** An event with its parties and date, as the catalog publishes it. */
    private static String act(int version, String id, String incident, String article, String type, String actor, String partner,
                              String date, String themes) {
        return """
                {"id":"%s","version":%d,"articleId":"%s","incidentId":"%s","type":"%s","countries":["%s","%s"],"themes":[%s],
                 "subject":{"country":"%s"},"partners":[{"country":"%s"}],"date":{"value":"%s"}}"""
                .formatted(id, version, article, incident, type, actor, partner, themes, actor, partner, date);
    }

    @Test
    void seriesCountEachActOnceInTheBucketsItsDatesPrecisionAllowsAndPairsInBothDirections() {
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            kafka.produceStrings().fromRecords(
                    // Cambodia hosts Laos, reported by two outlets a day apart; one report is delivered twice
                    new ProducerRecord<>("events", "s1", act(1, "s1", "kh-la", "c1", "HOST", "KH", "LA", "2019-03-07", "\"TERRORISM\"")),
                    new ProducerRecord<>("events", "s2", act(1, "s2", "kh-la", "c2", "HOST", "KH", "LA", "2019-03-08", "\"TERRORISM\"")),
                    new ProducerRecord<>("events", "s1", act(1, "s1", "kh-la", "c1", "HOST", "KH", "LA", "2019-03-07", "\"TERRORISM\"")),
                    // Laos visits Cambodia sometime in May: a month, no day
                    new ProducerRecord<>("events", "s3", act(1, "s3", "la-kh", "c3", "VISIT", "LA", "KH", "2019-05", "")),
                    // a talk with Mongolia that a correction takes back
                    new ProducerRecord<>("events", "s4", act(1, "s4", "kh-mn", "c4", "MEET", "KH", "MN", "2019-03-20", "")),
                    new ProducerRecord<>("events", "s4", removal(2, "s4", "c4"))).awaitCompletion();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/aggregates/countries/LA").then()
                .statusCode(200).body("incidents", equalTo(2)).body("events", equalTo(3)));
        given().get("/api/aggregates/countries/MN").then().statusCode(404);

        given().queryParam("interval", "day").queryParam("from", "2019-03-06").queryParam("to", "2019-03-09").queryParam("country", "kh")
                .get("/api/series").then().statusCode(200)
                .body("interval", equalTo("day")).body("from", equalTo("2019-03-06"))
                .body("filter.country", equalTo("KH")).body("filter", not(hasKey("kept")))
                .body("buckets.start", equalTo(List.of("2019-03-06", "2019-03-07", "2019-03-08", "2019-03-09")))
                .body("buckets.incidents", equalTo(List.of(0, 1, 1, 0))).body("buckets.events", equalTo(List.of(0, 1, 1, 0)));
        // one act in the week and the month, however many days its reports give
        given().queryParam("interval", "week").queryParam("from", "2019-03-01").queryParam("to", "2019-03-31").queryParam("country", "KH")
                .get("/api/series").then().statusCode(200)
                .body("from", equalTo("2019-02-25"))
                .body("buckets.start", equalTo(List.of("2019-02-25", "2019-03-04", "2019-03-11", "2019-03-18", "2019-03-25")))
                .body("buckets.incidents", equalTo(List.of(0, 1, 0, 0, 0))).body("buckets.events", equalTo(List.of(0, 2, 0, 0, 0)));
        given().queryParam("interval", "month").queryParam("from", "2019-01-01").queryParam("to", "2019-06-30")
                .queryParam("country", "LA").queryParam("partner", "KH")
                .get("/api/series").then().statusCode(200)
                .body("buckets.incidents", equalTo(List.of(0, 0, 1, 0, 1, 0))).body("buckets.events", equalTo(List.of(0, 0, 2, 0, 1, 0)));
        // a month-precision act is in no day
        given().queryParam("interval", "day").queryParam("from", "2019-05-01").queryParam("to", "2019-05-31").queryParam("country", "LA")
                .get("/api/series").then().statusCode(200)
                .body("buckets", hasSize(31)).body("buckets.incidents", everyItem(equalTo(0)));
        given().queryParam("interval", "year").queryParam("from", "2019-01-01").queryParam("to", "2019-12-31").queryParam("theme", "terrorism")
                .get("/api/series").then().statusCode(200).body("buckets.incidents", equalTo(List.of(1)));

        // a country with a theme or a type, by month and year
        given().queryParam("interval", "month").queryParam("from", "2019-03-01").queryParam("to", "2019-05-31")
                .queryParam("country", "KH").queryParam("theme", "TERRORISM").get("/api/series").then().statusCode(200)
                .body("buckets.incidents", equalTo(List.of(1, 0, 0))).body("buckets.events", equalTo(List.of(2, 0, 0)));
        given().queryParam("interval", "year").queryParam("from", "2019-01-01").queryParam("to", "2019-12-31")
                .queryParam("country", "KH").queryParam("type", "VISIT").get("/api/series").then().statusCode(200)
                .body("buckets.incidents", equalTo(List.of(1))).body("buckets.events", equalTo(List.of(1)));
        given().queryParam("interval", "year").queryParam("from", "2019-01-01").queryParam("to", "2019-12-31")
                .queryParam("country", "LA").queryParam("type", "MEET").get("/api/series").then().statusCode(200)
                .body("buckets.incidents", equalTo(List.of(0)));

        given().get("/api/aggregates/countries/kh/partners").then().statusCode(200)
                .body("code", equalTo(List.of("LA"))).body("[0].incidents", equalTo(2)).body("[0].asActor", equalTo(1))
                .body("[0].asPartner", equalTo(1)).body("[0].events", equalTo(3));
        given().queryParam("year", 2019).get("/api/aggregates/countries/LA/partners").then().statusCode(200)
                .body("code", equalTo(List.of("KH"))).body("[0].asActor", equalTo(1)).body("[0].asPartner", equalTo(1));
        given().queryParam("year", 2020).get("/api/aggregates/countries/LA/partners").then().statusCode(200).body("$", hasSize(0));

        // the same counts as CSV
        assertEquals(List.of("start,incidents,events", "2019-01-01,0,0", "2019-02-01,0,0", "2019-03-01,1,2", "2019-04-01,0,0",
                        "2019-05-01,1,1", "2019-06-01,0,0"),
                given().queryParam("interval", "month").queryParam("from", "2019-01-01").queryParam("to", "2019-06-30")
                        .queryParam("country", "LA").queryParam("partner", "KH").get("/api/series/export.csv").then().statusCode(200)
                        .contentType(startsWith("text/csv")).extract().asString().lines().toList());
        List<String> countries = given().get("/api/aggregates/countries.csv").then().statusCode(200).extract().asString().lines().toList();
        assertEquals("code,incidents,events,articles", countries.getFirst());
        assertTrue(countries.contains("KH,2,3,3"), countries.toString());
        assertEquals("code,incidents,events", given().get("/api/aggregates/themes.csv").then().statusCode(200).extract().asString()
                .lines().findFirst().orElseThrow());
    }

    /** A report accepted by ingest at {@code accepted}. */
    private static String acceptedAt(String event, Instant accepted) {
        return event.replaceFirst("\"version\":(\\d+),", "\"version\":$1,\"acceptedAt\":\"" + accepted + "\",");
    }

    @Test
    void rollingWindowsCountTheActsOfTheLastDaysByTheirDateAndByWhenTheyWereFirstSeen() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Instant now = Instant.now();
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            kafka.produceStrings().fromRecords(
                    // Bhutan hosts Nepal: two reports, dated today and yesterday, accepted two days and one day ago
                    new ProducerRecord<>("events", "w1", acceptedAt(act(1, "w1", "bt-np", "wa1", "HOST", "BT", "NP", today.toString(),
                            "\"BORDER_SECURITY\""), now.minus(2, ChronoUnit.DAYS))),
                    new ProducerRecord<>("events", "w2", acceptedAt(act(1, "w2", "bt-np", "wa2", "HOST", "BT", "NP", today.minusDays(1).toString(),
                            "\"BORDER_SECURITY\""), now.minus(1, ChronoUnit.DAYS))),
                    // Nepal visits Bhutan twenty days ago: first reported forty days ago (a dating error, say), again today
                    new ProducerRecord<>("events", "w3", acceptedAt(act(1, "w3", "np-bt", "wa3", "VISIT", "NP", "BT", today.minusDays(20).toString(), ""),
                            now.minus(40, ChronoUnit.DAYS))),
                    new ProducerRecord<>("events", "w4", acceptedAt(act(1, "w4", "np-bt", "wa4", "VISIT", "NP", "BT", today.minusDays(20).toString(), ""),
                            now.minus(3, ChronoUnit.HOURS))),
                    // Bhutan meets the Maldives this month, no day given
                    new ProducerRecord<>("events", "w5", acceptedAt(act(1, "w5", "bt-mv", "wa5", "MEET", "BT", "MV", today.toString().substring(0, 7), ""),
                            now.minus(1, ChronoUnit.HOURS)))).awaitCompletion();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/aggregates/countries/MV").then().statusCode(200));

        // by date: one act over the two days, the visit only in the longer window, the month-dated meeting in none
        given().queryParam("days", 7).get("/api/aggregates/recent").then().statusCode(200)
                .body("basis", equalTo("date")).body("from", equalTo(today.minusDays(6).toString())).body("to", equalTo(today.toString()))
                .body("incidents", equalTo(1)).body("events", equalTo(2))
                .body("countries.code", equalTo(List.of("BT", "NP"))).body("countries.incidents", equalTo(List.of(1, 1)))
                .body("countries.events", equalTo(List.of(2, 2)))
                .body("themes.code", equalTo(List.of("BORDER_SECURITY"))).body("themes[0].incidents", equalTo(1));
        given().queryParam("days", 30).queryParam("by", "date").get("/api/aggregates/recent").then().statusCode(200)
                .body("incidents", equalTo(2)).body("events", equalTo(4)).body("countries.find { it.code == 'MV' }", equalTo(null));

        // by first seen: the hosting (two days ago) and the meeting (an hour ago); the visit was first seen forty days ago
        given().queryParam("days", 7).queryParam("by", "seen").get("/api/aggregates/recent").then().statusCode(200)
                .body("basis", equalTo("seen")).body("incidents", equalTo(2)).body("events", equalTo(3))
                .body("countries.code", equalTo(List.of("BT", "NP", "MV"))).body("countries.incidents", equalTo(List.of(2, 1, 1)))
                .body("countries.events", equalTo(List.of(3, 2, 1)));
        given().queryParam("days", 30).queryParam("by", "seen").get("/api/aggregates/recent").then().statusCode(200)
                .body("incidents", equalTo(2));
        given().queryParam("days", 1).queryParam("by", "seen").get("/api/aggregates/recent").then().statusCode(200)
                .body("incidents", equalTo(1)).body("countries.code", equalTo(List.of("BT", "MV")));

        // the early report taken back: the visit was first seen three hours ago
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            kafka.produceStrings().fromRecords(new ProducerRecord<>("events", "w3", removal(2, "w3", "wa3"))).awaitCompletion();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().queryParam("days", 1).queryParam("by", "seen")
                .get("/api/aggregates/recent").then().statusCode(200).body("incidents", equalTo(2))
                .body("countries.find { it.code == 'NP' }.events", equalTo(1)));

        given().queryParam("days", 0).get("/api/aggregates/recent").then().statusCode(400).contentType("application/problem+json");
        given().queryParam("days", 367).get("/api/aggregates/recent").then().statusCode(400);
        given().queryParam("by", "week").get("/api/aggregates/recent").then().statusCode(400).body("detail", containsString("date or seen"));
    }

    /** The {@code recent} window of the last {@code days} days by {@code basis}, once the response is 200. */
    private static ValidatableResponse recent(int days, String basis) {
        return given().queryParam("days", days).queryParam("by", basis).get("/api/aggregates/recent").then().statusCode(200);
    }

    @Test
    void rollingWindowsFollowAnActsDaysAndItsFirstReportThroughCorrectionsAndRedeliveries() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Instant now = Instant.now();
        // the acts of the other tests are dated and first seen in the last 40 days, or at no time: all in this window or none
        long incidentsBefore = recent(211, "date").extract().<Number>path("incidents").longValue();
        long eventsBefore = recent(211, "date").extract().<Number>path("events").longValue();
        // Fiji hosts Tonga, reported on three days; only the second report names Samoa too
        String first = acceptedAt(act(1, "x1", "fj-to", "xa1", "HOST", "FJ", "TO", today.minusDays(200).toString(), "\"PEACEKEEPING\""),
                now.minus(300, ChronoUnit.DAYS));
        String second = acceptedAt(act(1, "x2", "fj-to", "xa2", "HOST", "FJ", "TO", today.minusDays(199).toString(), "\"PEACEKEEPING\""),
                now.minus(100, ChronoUnit.DAYS)).replace("\"countries\":[\"FJ\",\"TO\"]", "\"countries\":[\"FJ\",\"TO\",\"WS\"]");
        String third = acceptedAt(act(1, "x3", "fj-to", "xa3", "HOST", "FJ", "TO", today.minusDays(150).toString(), "\"PEACEKEEPING\""),
                now.minus(100, ChronoUnit.DAYS));
        // the Cook Islands host Niue, reported on two days of a month that the 200-day window holds whole, and 300 days ago
        LocalDate wholeMonth = today.withDayOfMonth(1).minusMonths(4);
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            kafka.produceStrings().fromRecords(new ProducerRecord<>("events", "x1", first), new ProducerRecord<>("events", "x2", second),
                    new ProducerRecord<>("events", "x3", third), new ProducerRecord<>("events", "x2", second),
                    new ProducerRecord<>("events", "y1", act(1, "y1", "ck-nu", "ya1", "HOST", "CK", "NU", wholeMonth.plusDays(2).toString(), "")),
                    new ProducerRecord<>("events", "y2", act(1, "y2", "ck-nu", "ya2", "HOST", "CK", "NU", wholeMonth.plusDays(3).toString(), "")),
                    new ProducerRecord<>("events", "y3", act(1, "y3", "ck-nu", "ya3", "HOST", "CK", "NU", today.minusDays(300).toString(), "")))
                    .awaitCompletion();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            given().get("/api/aggregates/countries/FJ").then().statusCode(200).body("events", equalTo(3));
            given().get("/api/aggregates/countries/CK").then().statusCode(200).body("events", equalTo(3));
        });
        recent(200, "date").body("countries.find { it.code == 'CK' }.incidents", equalTo(1))
                .body("countries.find { it.code == 'CK' }.events", equalTo(2));
        recent(366, "date").body("countries.find { it.code == 'CK' }.incidents", equalTo(1))
                .body("countries.find { it.code == 'CK' }.events", equalTo(3));

        // by date: once in every window that holds one of its days, with the reports of those days
        recent(160, "date").body("countries.find { it.code == 'FJ' }.incidents", equalTo(1))
                .body("countries.find { it.code == 'FJ' }.events", equalTo(1)).body("countries.find { it.code == 'WS' }", equalTo(null));
        recent(200, "date").body("countries.find { it.code == 'FJ' }.incidents", equalTo(1))
                .body("countries.find { it.code == 'FJ' }.events", equalTo(2))
                .body("countries.find { it.code == 'WS' }.incidents", equalTo(1)).body("countries.find { it.code == 'WS' }.events", equalTo(1));
        recent(211, "date").body("incidents", equalTo((int) incidentsBefore + 2)).body("events", equalTo((int) eventsBefore + 5))
                .body("countries.find { it.code == 'TO' }.events", equalTo(3))
                .body("themes.find { it.code == 'PEACEKEEPING' }.incidents", equalTo(1))
                .body("themes.find { it.code == 'PEACEKEEPING' }.events", equalTo(3));
        // by first seen: three hundred days ago, with every report
        recent(250, "seen").body("countries.find { it.code == 'FJ' }", equalTo(null));
        recent(366, "seen").body("countries.find { it.code == 'FJ' }.incidents", equalTo(1))
                .body("countries.find { it.code == 'FJ' }.events", equalTo(3)).body("countries.find { it.code == 'WS' }.events", equalTo(1));

        // the earliest report is taken back, the last one dated sixty days earlier; the first versions come again late
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            kafka.produceStrings().fromRecords(
                    new ProducerRecord<>("events", "x1", removal(2, "x1", "xa1")),
                    new ProducerRecord<>("events", "x3", acceptedAt(act(2, "x3", "fj-to", "xa3", "HOST", "FJ", "TO",
                            today.minusDays(210).toString(), "\"PEACEKEEPING\""), now.minus(90, ChronoUnit.DAYS))),
                    new ProducerRecord<>("events", "x1", first), new ProducerRecord<>("events", "x3", third)).awaitCompletion();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/aggregates/countries/FJ").then()
                .statusCode(200).body("events", equalTo(2)));

        recent(160, "date").body("countries.find { it.code == 'FJ' }", equalTo(null));
        recent(200, "date").body("countries.find { it.code == 'FJ' }.incidents", equalTo(1))
                .body("countries.find { it.code == 'FJ' }.events", equalTo(1));
        // its two days, 210 and 199 days ago, are both in this window: one act
        recent(211, "date").body("incidents", equalTo((int) incidentsBefore + 2)).body("events", equalTo((int) eventsBefore + 4))
                .body("countries.find { it.code == 'FJ' }.incidents", equalTo(1)).body("countries.find { it.code == 'FJ' }.events", equalTo(2));
        // first seen when the next report was accepted, a hundred days ago
        recent(95, "seen").body("countries.find { it.code == 'FJ' }", equalTo(null));
        recent(250, "seen").body("countries.find { it.code == 'FJ' }.incidents", equalTo(1))
                .body("countries.find { it.code == 'FJ' }.events", equalTo(2))
                .body("countries.find { it.code == 'WS' }.events", equalTo(1))
                .body("themes.find { it.code == 'PEACEKEEPING' }.events", equalTo(2));
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    @Test
    void aFilteredStreamSendsTheRowsAndSeriesBucketsOfItsCountryOnly() throws Exception {
        List<JsonNode> messages = new CopyOnWriteArrayList<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port
                + "/api/aggregates/stream?country=ke&series=month,year")).header("Accept", "text/event-stream").build();
        HttpClient client = HttpClient.newHttpClient();
        Thread.ofVirtual().start(() -> {
            try {
                client.send(request, HttpResponse.BodyHandlers.ofLines()).body().filter(line -> line.startsWith("data:"))
                        .forEach(line -> messages.add(json(line.substring(5))));
            } catch (IOException | InterruptedException | UncheckedIOException stopped) {
                // the test is over
            }
        });
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> !messages.isEmpty());
            assertEquals("snapshot", messages.getFirst().path("kind").asText());
            try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
                kafka.produceStrings().fromRecords(
                        new ProducerRecord<>("events", "k1", act(1, "k1", "ke-tz", "k1", "HOST", "KE", "TZ", "2021-06-10", "\"TERRORISM\"")),
                        new ProducerRecord<>("events", "k2", act(1, "k2", "ug-rw", "k2", "MEET", "UG", "RW", "2021-06-11", ""))).awaitCompletion();
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/aggregates/countries/RW").then().statusCode(200));
            await().atMost(Duration.ofSeconds(10)).until(() -> messages.stream().anyMatch(message -> message.path("kind").asText().equals("change")));
            List<JsonNode> changes = messages.stream().filter(message -> message.path("kind").asText().equals("change")).toList();
            for (JsonNode change : changes) {
                change.path("countries").forEach(row -> assertEquals("KE", row.path("code").asText(), change.toString()));
                change.path("series").forEach(bucket -> {
                    assertTrue(bucket.path("country").asText().equals("KE") || bucket.path("partner").asText().equals("KE"), bucket.toString());
                    assertTrue(List.of("month", "year").contains(bucket.path("interval").asText()), bucket.toString());
                });
            }
            List<String> buckets = changes.stream().flatMap(change -> StreamSupport.stream(change.path("series").spliterator(), false))
                    .map(bucket -> String.join(" ", bucket.path("interval").asText(), bucket.path("start").asText(),
                            bucket.path("country").asText(), bucket.path("partner").asText(), bucket.path("theme").asText(),
                            bucket.path("type").asText(), bucket.path("incidents").asText(), bucket.path("events").asText()))
                    .toList();
            // the same values as /api/series gives for each filter; a pair named in alphabetical order
            assertTrue(buckets.containsAll(List.of(
                    "month 2021-06-01 KE null null null 1 1",
                    "year 2021-01-01 KE null null null 1 1",
                    "month 2021-06-01 KE TZ null null 1 1",
                    "month 2021-06-01 KE null TERRORISM null 1 1",
                    "month 2021-06-01 KE null null HOST 1 1")), buckets.toString());
            given().queryParam("interval", "month").queryParam("from", "2021-06-01").queryParam("to", "2021-06-30")
                    .queryParam("country", "TZ").queryParam("partner", "KE").get("/api/series").then().body("buckets[0].incidents", equalTo(1));
        } finally {
            client.shutdownNow();
        }
        given().queryParam("series", "fortnight").get("/api/aggregates/stream").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aSeriesThatIsNotKeptOrTooLongIsAProblem() {
        given().queryParam("interval", "fortnight").get("/api/series").then().statusCode(400).contentType("application/problem+json");
        given().queryParam("interval", "day").queryParam("country", "MA").queryParam("theme", "TERRORISM").get("/api/series").then()
                .statusCode(400).contentType("application/problem+json").body("detail", containsString("country and theme"));
        given().queryParam("country", "MA").queryParam("theme", "TERRORISM").queryParam("type", "HOST").get("/api/series").then()
                .statusCode(400);
        given().queryParam("partner", "ES").get("/api/series").then().statusCode(400);
        given().queryParam("from", "2024-02-01").queryParam("to", "2024-01-01").get("/api/series").then().statusCode(400);
        given().queryParam("interval", "day").queryParam("from", "2000-01-01").queryParam("to", "2024-01-01").get("/api/series")
                .then().statusCode(400).body("detail", containsString("at most"));
        given().queryParam("from", "yesterday").get("/api/series").then().statusCode(400);
        given().queryParam("country", "Morocco").get("/api/series").then().statusCode(400);
        given().queryParam("year", 0).get("/api/aggregates/countries/MA/partners").then().statusCode(400);
        given().queryParam("limit", 0).get("/api/aggregates/countries/MA/partners").then().statusCode(400);
        given().queryParam("to", "2024-05-31").get("/api/series").then().statusCode(200)
                .body("from", equalTo("2023-06-01")).body("buckets", hasSize(12));
    }
}

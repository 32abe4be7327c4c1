package org.rasd.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.rasd.embedded.PostgresServer;
import org.rasd.embedded.Topics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.StreamSupport;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The three packaged services, started as the launcher starts them, on one real broker and one real
 * PostgreSQL: the gold articles go in through ingest and come out of the catalog and the aggregates.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static LocalStack stack;
    private static final List<String> deaths = new CopyOnWriteArrayList<>();
    private static final List<String> articleIds = new ArrayList<>();
    private static final List<JsonNode> streamed = new CopyOnWriteArrayList<>();
    private static Thread streamReader;

    @BeforeAll
    static void startStack() throws IOException {
        stack = LocalStack.start(StackFixture.HOME, StackFixture.newDataDirectory(), StackFixture.freshPorts(),
                deaths::add);
        streamReader = Thread.ofVirtual().start(PipelineEndToEndTest::readAggregateStream);
    }

    @AfterAll
    static void stopStack() {
        if (streamReader != null) {
            streamReader.interrupt();
        }
        if (stack != null) {
            stack.close();
        }
        assertTrue(deaths.isEmpty(), "services died during the test: " + deaths);
    }

    /** Retention and compaction are the topics' own settings, not the broker's defaults. */
    @Test
    @Order(0)
    void everyTopicHasItsRetentionAndCleanupPolicy() throws Exception {
        Map<ConfigResource, Config> configs;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()))) {
            List<ConfigResource> resources = Topics.ALL.stream().map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t.name())).toList();
            configs = admin.describeConfigs(resources).all().get();
            for (Topics.Topic topic : Topics.ALL) {
                Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()));
                topic.settings().forEach((name, value) -> assertEquals(value, config.get(name).value(), topic.name() + " " + name));
            }
        }
        // what the broker says, not what the constants say: the changelog is compacted, the hand-off deleted
        Config events = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, Topics.EVENTS.name()));
        Config articles = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, Topics.ARTICLES.name()));
        assertEquals("compact", events.get("cleanup.policy").value());
        assertEquals(Long.toString(Duration.ofDays(7).toMillis()), articles.get("retention.ms").value());
    }

    /** Each service writes its own log file, JSON lines here (RASD_LOG_JSON is set for these tests), not the console. */
    @Test
    @Order(0)
    void eachServiceWritesJsonLinesToItsOwnLog() throws IOException {
        for (LocalStack.Service service : LocalStack.Service.values()) {
            List<String> lines = Files.readAllLines(stack.logDirectory().resolve(service.module + ".log"));
            assertFalse(lines.isEmpty(), service.module + " logged nothing");
            for (String line : lines) {
                JsonNode record = JSON.readTree(line);
                assertTrue(record.has("level") && record.has("message") && record.has("timestamp"), line);
            }
            List<String> console = Files.readAllLines(stack.logDirectory().resolve(service.module + ".out"));
            assertTrue(console.stream().noneMatch(line -> line.contains("Installed features")),
                    service.module + " logged to its console too");
        }
    }

    /** The built jars serve their API's description and Swagger UI, as dev mode does. */
    @Test
    @Order(0)
    void eachServiceServesItsApiDescriptionAndSwaggerUi() {
        for (LocalStack.Service service : LocalStack.Service.values()) {
            given().baseUri(stack.url(service)).get("/q/openapi").then().statusCode(200);
            given().baseUri(stack.url(service)).get("/q/swagger-ui/").then().statusCode(200);
        }
    }

    @Test
    @Order(1)
    void goldArticlesAreAcceptedStoredAndReadBackInTheRecordShape() throws IOException {
        for (Path file : StackFixture.goldFiles()) {
            var accepted = StackFixture.ingest(stack).contentType("application/json").body(StackFixture.goldArticle(file))
                    .when().post("/api/articles")
                    .then().statusCode(202).extract();
            String id = accepted.path("id");
            assertEquals(stack.url(LocalStack.Service.CATALOG) + "/api/articles/" + id, accepted.header("Location"));
            articleIds.add(id);
        }
        for (String id : articleIds) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().baseUri(stack.url(LocalStack.Service.CATALOG)).get("/api/articles/" + id).then().statusCode(200));
            JsonNode record = JSON.readTree(given().baseUri(stack.url(LocalStack.Service.CATALOG))
                    .get("/api/articles/" + id).asString());
            for (String field : List.of("id", "url", "source", "title", "publishedAt", "language", "text", "countries",
                    "themes", "events", "extractor")) {
                assertTrue(record.has(field), "record field " + field);
            }
            assertEquals(id, record.path("id").asText());
            String text = record.path("text").asText();
            for (JsonNode event : record.path("events")) {
                int start = event.path("evidence").path("start").asInt();
                int end = event.path("evidence").path("end").asInt();
                assertTrue(start >= 0 && start < end && end <= text.length(), "evidence inside the text");
            }
        }
    }

    @Test
    @Order(2)
    void eventsAreListedAndCountedAndStreamed() {
        int stored = articleIds.stream().mapToInt(id -> given().baseUri(stack.url(LocalStack.Service.CATALOG))
                .get("/api/articles/" + id).path("events.size()")).sum();
        assertTrue(stored > 0, "the gold articles report events");

        List<String> listed = StackFixture.listedEventIds(stack, 5);
        assertEquals(stored, listed.size(), "every event listed once across the pages");
        assertEquals(stored, listed.stream().distinct().count());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(stored, StackFixture.totals(stack).events()));
        assertEquals(articleIds.stream().filter(id -> (int) given().baseUri(stack.url(LocalStack.Service.CATALOG))
                        .get("/api/articles/" + id).path("events.size()") > 0).count(),
                StackFixture.totals(stack).articles());
        given().baseUri(stack.url(LocalStack.Service.ANALYTICS)).get("/api/aggregates/countries/ES").then().statusCode(200);
        given().baseUri(stack.url(LocalStack.Service.ANALYTICS)).get("/api/aggregates/themes").then().statusCode(200);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertFalse(streamed.isEmpty());
            assertEquals("snapshot", streamed.getFirst().path("kind").asText());
            List<String> changed = streamed.stream().filter(u -> u.path("kind").asText().equals("change"))
                    .flatMap(u -> StreamSupport.stream(u.path("eventIds").spliterator(), false)).map(JsonNode::asText).toList();
            assertEquals(listed.stream().sorted().toList(), changed.stream().sorted().toList(),
                    "every counted event named once by the changes on the open stream");
        });
    }

    @Test
    @Order(3)
    void postingAnArticleAgainMovesNoCount() throws IOException {
        StackFixture.Totals before = StackFixture.totals(stack);
        String body = StackFixture.goldArticle(StackFixture.GOLD.resolve("seed-002_918a3ce10e0930b5.json"));
        StackFixture.ingest(stack).contentType("application/json").body(body)
                .post("/api/articles").then().statusCode(202).body("status", equalTo("duplicate"));
        // A marker article posted after the repeat: once it is counted, the repeat has been consumed too.
        String marker = "استقبل المدير العام للأمن الوطني، اليوم بالرباط، وزير الداخلية البرتغالي في إطار التعاون الشرطي.";
        StackFixture.ingest(stack).contentType("text/plain; charset=UTF-8").body(marker)
                .post("/api/articles").then().statusCode(202);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().baseUri(stack.url(LocalStack.Service.ANALYTICS))
                .get("/api/aggregates/countries/PT").then().statusCode(200));
        StackFixture.Totals after = StackFixture.totals(stack);
        assertEquals(before.events() + 1, after.events(), "only the marker's event was added");
        assertEquals(before.articles() + 1, after.articles(), "only the marker's article was added");
    }

    @Test
    @Order(4)
    void twoOutletsReportingOneActMakeOneIncidentAndAnalyticsCountsIncidents() throws IOException {
        // Youm7 and Al-Masry Al-Youm on Egypt's interior minister receiving Zambia's, 29 October 2025
        List<String> reports = new ArrayList<>();
        for (String body : StackFixture.zambiaReports()) {
            reports.add(StackFixture.ingest(stack).contentType("application/json").body(body)
                    .post("/api/articles").then().statusCode(202).extract().path("id"));
        }
        for (String id : reports) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().baseUri(stack.url(LocalStack.Service.CATALOG)).get("/api/articles/" + id).then().statusCode(200));
        }
        // the catalog joins stored events into incidents in the background, moments after storing them
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().baseUri(stack.url(LocalStack.Service.CATALOG))
                .queryParam("partner", "ZM").queryParam("type", "HOST")
                .get("/api/incidents").then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].actor", equalTo("EG")).body("items[0].dateFrom", equalTo("2025-10-29"))
                .body("items[0].mentions", equalTo(2)).body("items[0].articles", equalTo(2)).body("items[0].sources", equalTo(2)));

        // once joined, the catalog's incidents hold every stored event once, and analytics counts exactly those incidents
        List<String> events = StackFixture.listedEventIds(stack, 100);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(events.size(),
                StackFixture.<Integer>listed(stack, "/api/incidents", 100, "items.mentions").stream().mapToInt(Integer::intValue).sum(),
                "each event a mention of one incident"));
        List<String> incidents = StackFixture.listed(stack, "/api/incidents", 100, "items.id");
        assertTrue(incidents.size() < events.size(), "some reports joined");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(events.size(), StackFixture.totals(stack).events()));
        assertEquals(incidents.size(), StackFixture.totals(stack).incidents(), "analytics counts each incident once");
    }

    @Test
    @Order(5)
    void aRecountFromTheCatalogMatchesTheLiveCountsAndRebuildsThemAfterALoss() throws Exception {
        int stored = StackFixture.listedEventIds(stack, 100).size();
        StackFixture.assertRecountMatches(stack);
        recount(false).body("changes", equalTo(stored));

        // a loss: counts that no longer say what the catalog holds
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + stack.postgresAddress() + "/analytics",
                PostgresServer.USER, PostgresServer.PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("update running_totals set events = events - 3");
            statement.executeUpdate("update country_count set incidents = incidents + 5 where country = 'EG'");
            statement.executeUpdate("delete from country_type_count where country = 'ZM'");
        }
        recount(false).body("matches", equalTo(false)).body("replaced", equalTo(false))
                .body("differences.table", hasItems("running_totals", "country_count", "country_type_count"))
                .body("differences.find { it.table == 'country_count' }.key.country", equalTo("EG"));
        recount(true).body("replaced", equalTo(true));
        recount(false).body("matches", equalTo(true));
        assertEquals(stored, StackFixture.totals(stack).events());
        given().baseUri(stack.url(LocalStack.Service.ANALYTICS)).post("/api/admin/recount").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    @Order(6)
    void aCorrectedArticleReplacesItsEventsInTheCatalogAndTheCounts() throws IOException {
        String url = "https://correction.example/2024/07/08/laftit";
        String first = "الرباط - استقبل وزير الداخلية عبد الوافي لفتيت، يوم الاثنين 8 يوليوز 2024 بالرباط، وزير الداخلية "
                + "اليوناني في إطار التعاون الأمني ومكافحة الإرهاب.";
        String corrected = first.replace("اليوناني", "القبرصي");
        String id = post(url, first).body("status", equalTo("accepted")).extract().path("id");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().baseUri(stack.url(LocalStack.Service.ANALYTICS))
                .get("/api/aggregates/countries/GR").then().statusCode(200).body("incidents", equalTo(1)));

        post(url, corrected).body("status", equalTo("updated")).body("id", equalTo(id));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            given().baseUri(stack.url(LocalStack.Service.ANALYTICS)).get("/api/aggregates/countries/CY").then().statusCode(200)
                    .body("incidents", equalTo(1)).body("events", equalTo(1));
            given().baseUri(stack.url(LocalStack.Service.ANALYTICS)).get("/api/aggregates/countries/GR").then().statusCode(404);
        });
        post(url, corrected).body("status", equalTo("duplicate"));
        given().baseUri(stack.url(LocalStack.Service.CATALOG)).get("/api/articles/" + id).then().statusCode(200)
                .body("events.size()", equalTo(1)).body("events[0].partners[0].country", equalTo("CY"));
        given().baseUri(stack.url(LocalStack.Service.CATALOG)).queryParam("partner", "GR").get("/api/incidents").then()
                .body("items.size()", equalTo(0));
        StackFixture.assertRecountMatches(stack);
    }

    @Test
    @Order(7)
    void reextractionBringsAnArticleStoredByAnOlderExtractorUpToDate() throws Exception {
        String text = "الرباط - استقبل وزير الداخلية عبد الوافي لفتيت، يوم الاثنين 15 يوليوز 2024 بالرباط، وزير الداخلية "
                + "المالطي في إطار التعاون الأمني.";
        String id = post("https://reextract.example/2024/07/15/laftit", text).extract().path("id");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().baseUri(stack.url(LocalStack.Service.ANALYTICS))
                .get("/api/aggregates/countries/MT").then().statusCode(200));

        // the article as an older extractor had stored it: no event found
        String current = given().baseUri(stack.url(LocalStack.Service.CATALOG)).get("/api/articles/" + id).path("extractor");
        StackFixture.storeAsOlderExtractor(stack, List.of(id));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().baseUri(stack.url(LocalStack.Service.ANALYTICS))
                .get("/api/aggregates/countries/MT").then().statusCode(404));

        String progress = StackFixture.ingest(stack).queryParam("extractor", StackFixture.OLDER_EXTRACTOR).post("/api/admin/reextract")
                .then().statusCode(202).extract().header("Location");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> StackFixture.ingest(stack).get(progress)
                .then().statusCode(200).body("state", equalTo("done")));
        StackFixture.ingest(stack).get(progress).then()
                .body("read", equalTo(1)).body("updated", equalTo(1)).body("failed", equalTo(0)).body("cursor", equalTo(null));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().baseUri(stack.url(LocalStack.Service.ANALYTICS))
                .get("/api/aggregates/countries/MT").then().statusCode(200).body("incidents", equalTo(1)));
        given().baseUri(stack.url(LocalStack.Service.CATALOG)).get("/api/articles/" + id).then()
                .body("extractor", equalTo(current)).body("events.size()", equalTo(1));
        // nothing is left stored by the older extractor: a second run reads nothing
        String again = StackFixture.ingest(stack).queryParam("extractor", StackFixture.OLDER_EXTRACTOR).post("/api/admin/reextract")
                .then().statusCode(202).extract().header("Location");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> StackFixture.ingest(stack).get(again)
                .then().body("state", equalTo("done")).body("read", equalTo(0)));
        StackFixture.assertRecountMatches(stack);
    }

    @Test
    @Order(8)
    void aCorrectionThatTakesAwayTheReportJoiningTwoOthersSplitsTheirIncidentInTheCatalogAndTheCounts() throws IOException {
        // outlets date one reception a day apart: the 8th joins the 9th and the 7th, two days apart; the 6th, two
        // days from the 8th, is an act of its own
        String eighth = "الرباط - استقبل وزير الداخلية عبد الوافي لفتيت، يوم الاثنين 8 يوليوز 2024 بالرباط، وزير الداخلية "
                + "الفنلندي في إطار التعاون الأمني.";
        List<String> ids = new ArrayList<>();
        for (String text : List.of(eighth, eighth.replace("الاثنين 8", "الثلاثاء 9"), eighth.replace("الاثنين 8", "الأحد 7"),
                eighth.replace("الاثنين 8", "السبت 6"))) {
            ids.add(post("https://split.example/" + ids.size(), text).body("status", equalTo("accepted")).extract().path("id"));
            int reports = ids.size();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().baseUri(stack.url(LocalStack.Service.ANALYTICS))
                    .get("/api/aggregates/countries/FI").then().statusCode(200).body("events", equalTo(reports)));
        }
        List<String> events = ids.stream().map(PipelineEndToEndTest::firstEventOf).toList();
        String joined = eventIncident(events.get(1));
        String sixth = eventIncident(events.get(3));
        assertEquals(joined, eventIncident(events.get(2)), "the 9th and the 7th joined through the 8th");
        assertNotEquals(joined, sixth, "the 6th is too far from the 8th");
        given().baseUri(stack.url(LocalStack.Service.ANALYTICS)).get("/api/aggregates/countries/FI").then().body("incidents", equalTo(2));

        // the 8th corrected away: the 7th, split from the 9th, joins the 6th
        post("https://split.example/0", eighth.replace("الفنلندي", "الإستوني")).body("status", equalTo("updated"));
        awaitCounts("FI", 3, 2);
        assertEquals(joined, eventIncident(events.get(1)), "the first report left keeps the incident");
        given().baseUri(stack.url(LocalStack.Service.CATALOG)).get("/api/events/" + events.get(2)).then().statusCode(200)
                .body("incidentId", equalTo(sixth)).body("filing", equalTo(1)).body("version", equalTo(1));
        given().baseUri(stack.url(LocalStack.Service.CATALOG)).queryParam("partner", "FI").get("/api/incidents").then().statusCode(200)
                .body("items.size()", equalTo(2)).body("items.dateFrom", hasItems("2024-07-09", "2024-07-06"))
                .body("items.mentions", hasItems(1, 2));
        StackFixture.assertRecountMatches(stack);
    }

    @Test
    @Order(9)
    void aReportOfTheDayBetweenTwoIncidentsBridgesThemIntoOneInTheCatalogAndTheCounts() throws IOException {
        // the 7th and the 9th, two days apart, are two acts until the 8th is known: then one, as if it had come first
        String seventh = "الرباط - استقبل وزير الداخلية عبد الوافي لفتيت، يوم الأحد 7 يوليوز 2024 بالرباط، وزير الداخلية "
                + "الدنماركي في إطار التعاون الأمني.";
        List<String> events = new ArrayList<>();
        String ninthIncident = null;
        for (String text : List.of(seventh, seventh.replace("الأحد 7", "الثلاثاء 9"), seventh.replace("الأحد 7", "الاثنين 8"))) {
            String id = post("https://bridge.example/" + events.size(), text).body("status", equalTo("accepted")).extract().path("id");
            int reports = events.size() + 1;
            awaitCounts("DK", reports, reports < 3 ? reports : 1);
            events.add(firstEventOf(id));
            if (reports == 2) {
                ninthIncident = eventIncident(events.get(1));
            }
        }
        String seventhIncident = eventIncident(events.get(0));
        assertEquals(seventhIncident, eventIncident(events.get(2)), "the 8th joins the first stored of the two as near");
        given().baseUri(stack.url(LocalStack.Service.CATALOG)).get("/api/events/" + events.get(1)).then().statusCode(200)
                .body("incidentId", equalTo(seventhIncident)).body("filing", equalTo(1)).body("version", equalTo(1));
        given().baseUri(stack.url(LocalStack.Service.CATALOG)).queryParam("partner", "DK").get("/api/incidents").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].id", equalTo(seventhIncident))
                .body("items[0].mentions", equalTo(3)).body("items[0].articles", equalTo(3))
                .body("items[0].dateFrom", equalTo("2024-07-07"));
        assertNotEquals(seventhIncident, ninthIncident, "two acts before the 8th");
        given().baseUri(stack.url(LocalStack.Service.CATALOG)).get("/api/incidents/" + ninthIncident).then().statusCode(404);
        StackFixture.assertRecountMatches(stack);
    }

    @Test
    @Order(10)
    void aCorrectionThatTakesAwayWhatSetTwoIncidentsApartUnitesThem() throws IOException {
        // talks of the 8th (no place said) joined a visit to Oslo that day, so they were a visit, apart from the
        // reception in Rabat of that day; once the visit is corrected away, the talks are the reception's
        String talks = "أجرى وزير الداخلية المغربي عبد الوافي لفتيت، يوم الاثنين 8 يوليوز 2024، مباحثات مع نظيرته النرويجية "
                + "حول التعاون الأمني.";
        String visit = "زار وزير الداخلية المغربي عبد الوافي لفتيت، يوم الاثنين 8 يوليوز 2024، العاصمة النرويجية أوسلو في إطار "
                + "التعاون الأمني.";
        String reception = "استقبل وزير الداخلية عبد الوافي لفتيت، يوم الاثنين 8 يوليوز 2024 بالرباط، وزيرة الداخلية النرويجية "
                + "في إطار التعاون الأمني.";
        List<String> ids = new ArrayList<>();
        for (String text : List.of(talks, visit, reception)) {
            ids.add(post("https://kept.example/" + ids.size(), text).body("status", equalTo("accepted")).extract().path("id"));
            int reports = ids.size();
            awaitCounts("NO", reports, reports == 3 ? 2 : 1);
        }
        List<String> events = ids.stream().map(PipelineEndToEndTest::firstEventOf).toList();
        String talksIncident = eventIncident(events.get(0));
        String receptionIncident = eventIncident(events.get(2));
        assertEquals(talksIncident, eventIncident(events.get(1)), "the talks and the visit are one act");
        assertNotEquals(talksIncident, receptionIncident, "a visit to Oslo is not a reception in Rabat");

        post("https://kept.example/1", visit.replace("النرويجية أوسلو", "الإستونية تالين")).body("status", equalTo("updated"));
        awaitCounts("NO", 2, 1);
        given().baseUri(stack.url(LocalStack.Service.CATALOG)).get("/api/events/" + events.get(0)).then().statusCode(200)
                .body("incidentId", equalTo(receptionIncident)).body("filing", equalTo(1));
        given().baseUri(stack.url(LocalStack.Service.CATALOG)).queryParam("partner", "NO").get("/api/incidents").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].type", equalTo("HOST")).body("items[0].mentions", equalTo(2));
        given().baseUri(stack.url(LocalStack.Service.CATALOG)).get("/api/incidents/" + talksIncident).then().statusCode(404);
        StackFixture.assertRecountMatches(stack);
    }

    /**
     * A second ingest instance, started before an article was posted to the first, learns from the catalog that it
     * holds it: posted there too, it is a duplicate. A new article it publishes without asking the catalog.
     */
    @Test
    @Order(11)
    void aSecondIngestLearnsFromTheCatalogWhatTheFirstStoredAndAsksNothingAboutANewArticle() throws Exception {
        LocalStack.Instance second = new LocalStack.Instance(LocalStack.Service.INGEST, 1);
        stack.startService(second);
        try (ServiceMetrics metrics = new ServiceMetrics()) {
            stack.awaitReady(second);
            String secondUrl = stack.url(second);
            await().atMost(Duration.ofSeconds(60)).until(() -> metrics.read(secondUrl, "rasd_ingest_held_complete") == 1);

            String text = "الرباط - استقبل وزير الداخلية عبد الوافي لفتيت، اليوم بالرباط، وزير الداخلية الإستوني في إطار التعاون الأمني.";
            String body = JSON.writeValueAsString(Map.of("url", "https://second-ingest.example/1", "text", text));
            String id = StackFixture.ingest(stack).contentType("application/json").body(body).post("/api/articles").then()
                    .statusCode(202).body("status", equalTo("accepted")).extract().path("id");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().baseUri(stack.url(LocalStack.Service.CATALOG)).get("/api/articles/" + id).then().statusCode(200));
            // two more looks: the second began after the article was stored
            double looks = metrics.read(secondUrl, "rasd_ingest_held_looks_total");
            await().atMost(Duration.ofSeconds(60)).until(() -> metrics.read(secondUrl, "rasd_ingest_held_looks_total") >= looks + 2);

            given().baseUri(secondUrl).header("Authorization", "Bearer " + stack.apiKey()).contentType("application/json")
                    .body(body).post("/api/articles").then().statusCode(202).body("status", equalTo("duplicate"));

            String surelyNotHeld = "rasd_ingest_held_checks_total{answer=\"surely-not\"";
            double before = metrics.read(secondUrl, surelyNotHeld);
            given().baseUri(secondUrl).header("Authorization", "Bearer " + stack.apiKey()).contentType("application/json")
                    .body(JSON.writeValueAsString(Map.of("url", "https://second-ingest.example/2", "text", text.replace("الإستوني", "الليتواني"))))
                    .post("/api/articles").then().statusCode(202).body("status", equalTo("accepted"));
            assertEquals(before + 1, metrics.read(secondUrl, surelyNotHeld), "a new article: the catalog was not asked");
        } finally {
            stack.kill(second);
        }
    }

    /** Waits until analytics counts {@code events} events in {@code incidents} incidents for the country. */
    private static void awaitCounts(String country, int events, int incidents) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().baseUri(stack.url(LocalStack.Service.ANALYTICS))
                .get("/api/aggregates/countries/" + country).then().statusCode(200)
                .body("events", equalTo(events)).body("incidents", equalTo(incidents)));
    }

    private static String firstEventOf(String articleId) {
        return given().baseUri(stack.url(LocalStack.Service.CATALOG)).get("/api/articles/" + articleId).then().statusCode(200)
                .extract().path("events[0].id");
    }

    private static String eventIncident(String eventId) {
        return given().baseUri(stack.url(LocalStack.Service.CATALOG)).get("/api/events/" + eventId).then().statusCode(200)
                .extract().path("incidentId");
    }

    private static ValidatableResponse post(String url, String text) throws IOException {
        return StackFixture.ingest(stack).contentType("application/json")
                .body(JSON.writeValueAsString(Map.of("url", url, "text", text))).post("/api/articles").then().statusCode(202);
    }

    private static ValidatableResponse recount(boolean replace) {
        return StackFixture.recount(stack, replace);
    }

    private static void readAggregateStream() {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.url(LocalStack.Service.ANALYTICS) + "/api/aggregates/stream"))
                .header("Accept", "text/event-stream").build();
        try {
            HttpResponse<java.io.InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    if (line.startsWith("data:")) {
                        streamed.add(JSON.readTree(line.substring(5)));
                    }
                }
            }
        } catch (IOException | InterruptedException stopped) {
            // the test is over
        }
    }

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }
}

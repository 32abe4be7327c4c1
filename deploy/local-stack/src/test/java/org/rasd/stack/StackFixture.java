package org.rasd.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.rasd.embedded.FreePorts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the end-to-end tests share: starting a stack of the built services, and reading the catalog whole. */
final class StackFixture {

    static final Path HOME = Path.of("../..").toAbsolutePath().normalize();
    static final Path GOLD = Path.of(System.getProperty("rasd.gold", "../../../shared/gold"));
    private static final Path TRAIN_CORPUS = HOME.resolve("ingest-service/src/test/resources/corpus/train");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The five gold seed articles, in name order. */
    static List<Path> goldFiles() throws IOException {
        List<Path> goldFiles;
        try (Stream<Path> files = Files.list(GOLD)) {
            goldFiles = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertEquals(5, goldFiles.size(), "the five gold articles in " + GOLD.toAbsolutePath());
        return goldFiles;
    }

    /** A gold seed article as {@code POST /api/articles} takes it: its raw text, under a URL named after its id. */
    static String goldArticle(Path goldFile) throws IOException {
        JsonNode gold = JSON.readTree(goldFile.toFile());
        return JSON.writeValueAsString(Map.of("url", "https://gold.example/" + gold.path("id").asText(),
                "text", gold.path("raw").asText()));
    }

    /**
     * Two outlets' reports of one act, as {@code POST /api/articles} takes them (text or HTML, with their
     * publication dates): Youm7 and Al-Masry Al-Youm on Egypt's interior minister receiving Zambia's.
     */
    static List<String> zambiaReports() throws IOException {
        List<String> bodies = new ArrayList<>();
        for (String[] report : List.of(new String[]{"train-g01_zambia-mou-youm7.json", "https://www.youm7.com/story/zambia"},
                new String[]{"train-g02_zambia-mou-almasryalyoum-html.json", "https://www.almasryalyoum.com/news/zambia"})) {
            JsonNode gold = JSON.readTree(TRAIN_CORPUS.resolve(report[0]).toFile());
            String raw = gold.path("raw").asText();
            Map<String, String> body = new HashMap<>(Map.of("url", report[1], raw.startsWith("<") ? "html" : "text", raw));
            if (gold.hasNonNull("published")) {
                body.put("publishedAt", gold.path("published").asText());
            }
            bodies.add(JSON.writeValueAsString(body));
        }
        return bodies;
    }

    static Path newDataDirectory() throws IOException {
        return Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "stack-");
    }

    /** A request to the ingest service, with the stack's API key. */
    static RequestSpecification ingest(LocalStack stack) {
        return given().baseUri(stack.url(LocalStack.Service.INGEST)).header("Authorization", "Bearer " + stack.apiKey());
    }

    /** A free broker and database port each time, fixed service ports so clients can keep their URLs. */
    static LocalStack.Ports freshPorts() {
        int[] free = FreePorts.take(3);
        return new LocalStack.Ports(0, 0, free[0], free[1], free[2]);
    }

    /** Every event id the catalog lists, following the keyset cursor page by page. */
    static List<String> listedEventIds(LocalStack stack, int pageSize) {
        return listed(stack, "/api/events", pageSize, "items.id");
    }

    /** One field of every item a catalog search lists, following the keyset cursor page by page. */
    static <T> List<T> listed(LocalStack stack, String search, int pageSize, String field) {
        List<T> listed = new ArrayList<>();
        String cursor = null;
        do {
            var page = given().baseUri(stack.url(LocalStack.Service.CATALOG)).queryParam("limit", pageSize)
                    .queryParam("cursor", cursor == null ? "" : cursor).get(search).then().statusCode(200).extract();
            listed.addAll(page.path(field));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        return listed;
    }

    /** The analytics totals: acts (incidents) counted, their events, and articles with at least one counted event. */
    record Totals(long incidents, long events, long articles) {
    }

    static Totals totals(LocalStack stack) {
        var totals = given().baseUri(stack.url(LocalStack.Service.ANALYTICS)).get("/api/aggregates/countries")
                .then().statusCode(200).extract();
        return new Totals(totals.<Number>path("totals.incidents").longValue(), totals.<Number>path("totals.events").longValue(),
                totals.<Number>path("totals.articles").longValue());
    }

    /** What the end of a run found: every accepted article stored, every stored event counted once. */
    record Outcome(int accepted, long storedEvents, long listedEvents, long countedEvents) {
    }

    /**
     * Waits until every accepted article is in the catalog and analytics has counted every stored event, then
     * checks that nothing was stored or counted twice, and that a recount from the catalog gives the same counts.
     */
    static Outcome assertStoredAndCountedOnce(LocalStack stack, List<String> accepted, Duration patience)
            throws InterruptedException {
        Set<String> missing = new HashSet<>(accepted);
        await().atMost(patience).pollInterval(Duration.ofMillis(500)).until(() -> {
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
        List<String> listed = listedEventIds(stack, 100);
        assertEquals(storedEvents, listed.size(), "every stored event listed once");
        assertEquals(storedEvents, listed.stream().distinct().count());
        assertTrue(storedEvents >= accepted.size(), "each generated article reports an event");

        long expectedEvents = storedEvents;
        await().atMost(patience).untilAsserted(() -> assertEquals(expectedEvents, totals(stack).events()));
        Thread.sleep(3000); // anything redelivered after a crash would be counted by now
        Totals totals = totals(stack);
        assertEquals(expectedEvents, totals.events(), "every event counted exactly once");
        assertEquals(articlesWithEvents, totals.articles());
        assertRecountMatches(stack);
        return new Outcome(accepted.size(), storedEvents, listed.size(), totals.events());
    }

    /** The extractor version {@link #storeAsOlderExtractor} names. */
    static final String OLDER_EXTRACTOR = "rasd-rules/0.0.1";

    /**
     * Stores each article again as an older extractor had stored it, one that found no event in it (as a lexicon
     * without its words would), through the {@code articles} topic like any record; waits until the catalog holds
     * those versions.
     */
    static void storeAsOlderExtractor(LocalStack stack, List<String> articleIds) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            for (String id : articleIds) {
                ObjectNode record = (ObjectNode) JSON.readTree(given().baseUri(stack.url(LocalStack.Service.CATALOG))
                        .get("/api/articles/" + id).then().statusCode(200).extract().asString());
                record.put("extractor", OLDER_EXTRACTOR).put("revision", "made-by-0.0.1").putArray("events");
                ProducerRecord<String, String> message = new ProducerRecord<>("articles", id, record.toString());
                message.headers().add("rasd-accepted-at", Instant.now().toString().getBytes(StandardCharsets.UTF_8));
                producer.send(message).get();
            }
        }
        Set<String> waiting = new HashSet<>(articleIds);
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).until(() -> {
            waiting.removeIf(id -> OLDER_EXTRACTOR.equals(given().baseUri(stack.url(LocalStack.Service.CATALOG))
                    .get("/api/articles/" + id).path("extractor")));
            return waiting.isEmpty();
        });
    }

    /** Analytics' counts, row by row, equal a fresh count of every event the catalog holds. */
    static void assertRecountMatches(LocalStack stack) {
        recount(stack, false).body("differences", hasSize(0)).body("matches", equalTo(true));
    }

    /** Runs a recount (POST, then its progress until it is over); its report, once done. */
    static ValidatableResponse recount(LocalStack stack, boolean replace) {
        RequestSpecification analytics = given().baseUri(stack.url(LocalStack.Service.ANALYTICS))
                .header("Authorization", "Bearer " + stack.apiKey());
        String location = analytics.queryParam("replace", replace).post("/api/admin/recount").then().statusCode(202)
                .extract().header("Location");
        RequestSpecification progress = given().header("Authorization", "Bearer " + stack.apiKey());
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                .until(() -> !"running".equals(progress.get(location).path("state")));
        return progress.get(location).then().statusCode(200).body("state", equalTo("done"));
    }

    private StackFixture() {
    }
}

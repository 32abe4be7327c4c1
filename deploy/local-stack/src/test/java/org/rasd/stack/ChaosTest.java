package org.rasd.stack;

import io.restassured.RestAssured;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.rasd.embedded.PostgresServer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * While articles are posted, the broker and then PostgreSQL are killed with SIGKILL and kept down longer than
 * any retry budget (2 minutes; {@code -Drasd.chaos.outage=PT30S} shortens it), and records no service can
 * store are put on the {@code articles} topic in between. No service is restarted by hand. At the end every
 * accepted article is stored, every poisoned record is in the dead-letter topic with its reason, and every
 * event is counted exactly once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChaosTest {

    private static final Duration OUTAGE = Duration.parse(System.getProperty("rasd.chaos.outage", "PT2M"));
    private static final Duration SETTLE = Duration.ofSeconds(5);

    private static final List<String> deaths = new CopyOnWriteArrayList<>();
    private static final Map<LocalStack.Service, Set<Integer>> readinessSeen = new ConcurrentHashMap<>();
    private static final Map<String, String> poisoned = new LinkedHashMap<>();
    private static Path data;
    private static LocalStack stack;
    private static Thread readinessWatcher;

    @BeforeAll
    static void startStack() throws IOException {
        data = StackFixture.newDataDirectory();
        stack = LocalStack.start(StackFixture.HOME, data, StackFixture.freshPorts(), deaths::add);
    }

    @AfterAll
    static void stopStack() {
        if (readinessWatcher != null) {
            readinessWatcher.interrupt();
        }
        if (stack != null) {
            stack.close();
        }
        assertTrue(deaths.isEmpty(), "nothing died without being killed: " + deaths);
    }

    @Test
    @Order(1)
    void brokerAndDatabaseOutagesAndPoisonedRecordsLoseNothingAndNeedNoRestart() throws Exception {
        Map<LocalStack.Service, Long> servicePids = new EnumMap<>(LocalStack.Service.class);
        for (LocalStack.Service service : LocalStack.Service.values()) {
            servicePids.put(service, stack.process(service).pid());
        }
        Poster poster = new Poster(stack, "https://chaos.example/" + data.getFileName() + "/", Duration.ofMillis(50), false);

        Thread.sleep(SETTLE);
        poison("before-broker-outage");
        Thread.sleep(SETTLE);
        outage(LocalStack.Server.KAFKA, () -> { });
        Thread.sleep(SETTLE);
        poison("before-database-outage");
        readinessWatcher = Thread.ofPlatform().daemon().name("readiness").start(ChaosTest::watchReadiness);
        outage(LocalStack.Server.POSTGRESQL, () -> poison("during-database-outage"));
        Thread.sleep(SETTLE);
        poster.close();

        StackFixture.Outcome outcome = StackFixture.assertStoredAndCountedOnce(stack, poster.accepted(), Duration.ofMinutes(3));
        Map<String, String> deadLetters = deadLetters(poisoned.size());
        for (Map.Entry<String, String> record : poisoned.entrySet()) {
            assertTrue(deadLetters.getOrDefault(record.getKey(), "").contains("SQLSTATE 22021"),
                    record.getKey() + " is a dead letter with its reason: " + deadLetters);
        }
        for (LocalStack.Service service : LocalStack.Service.values()) {
            assertEquals(servicePids.get(service), stack.process(service).pid(), service + " was never restarted");
        }
        assertTrue(readinessSeen.get(LocalStack.Service.CATALOG).contains(503), "the catalog said it was not ready while "
                + "the database was down: " + readinessSeen);
        assertTrue(readinessSeen.get(LocalStack.Service.ANALYTICS).contains(503), "so did analytics: " + readinessSeen);
        for (LocalStack.Service service : LocalStack.Service.values()) {
            assertEquals(200, readiness(service), service + " is ready again without a restart");
        }
        System.out.printf("chaos check: %s outages; %d requests, %d articles accepted, %d stored, %d events stored, "
                        + "%d counted, %d poisoned records, %d in the dead-letter topic%n",
                OUTAGE, poster.attempts(), outcome.accepted(), outcome.accepted(), outcome.storedEvents(),
                outcome.countedEvents(), poisoned.size(), deadLetters.size());
    }

    @Test
    @Order(2)
    void aDatabaseThatDiesOnItsOwnIsStartedAgainByTheStack() {
        ProcessHandle before = stack.process(LocalStack.Server.POSTGRESQL);
        before.destroyForcibly();
        await().atMost(Duration.ofMinutes(1)).until(() -> !before.isAlive());
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).until(() ->
                readiness(LocalStack.Service.CATALOG) == 200 && readiness(LocalStack.Service.ANALYTICS) == 200);
        assertNotEquals(before.pid(), stack.process(LocalStack.Server.POSTGRESQL).pid());

        String id = StackFixture.ingest(stack).contentType("text/plain; charset=UTF-8")
                .body("استقبل وزير الداخلية المغربي، أمس بالرباط، نظيره الإسباني لبحث مكافحة الإرهاب.")
                .post("/api/articles").then().statusCode(202).extract().path("id");
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() ->
                given().baseUri(stack.url(LocalStack.Service.CATALOG)).get("/api/articles/" + id).then().statusCode(200));
    }

    @Test
    @Order(3)
    void theStacksDatabaseKeepsARealServersDurability() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + stack.postgresAddress() + "/catalog",
                PostgresServer.USER, PostgresServer.PASSWORD);
             Statement statement = connection.createStatement()) {
            for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                try (ResultSet value = statement.executeQuery("show " + setting)) {
                    value.next();
                    assertEquals("on", value.getString(1), setting);
                }
            }
        }
    }

    private static void outage(LocalStack.Server server, Runnable whileDown) throws InterruptedException {
        Instant killedAt = Instant.now();
        stack.kill(server);
        Thread.sleep(SETTLE);
        whileDown.run();
        Thread.sleep(Duration.between(Instant.now(), killedAt.plus(OUTAGE)));
        stack.start(server);
        System.out.printf("chaos check: %s was down for %d s%n", server, Duration.between(killedAt, Instant.now()).toSeconds());
    }

    /** Puts on the articles topic a record the catalog can read but PostgreSQL can never store (a NUL in a text). */
    private static void poison(String key) {
        String record = """
                {"id":"%s","url":null,"source":"bad\\u0000source","title":null,"publishedAt":null,"language":"ar",
                 "text":"نص","countries":[],"themes":[],"events":[],"extractor":"chaos/1"}""".formatted(key);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("articles", key, record)).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot put a poisoned record on the topic", e);
        }
        poisoned.put(key, record);
    }

    /** The dead-letter topic as a map from key to reason. */
    private static Map<String, String> deadLetters(int expected) {
        Map<String, String> reasons = new LinkedHashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "chaos-check-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("articles.dlq"));
            Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
            while (reasons.size() < expected && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    var reason = record.headers().lastHeader("dead-letter-reason");
                    reasons.put(record.key(), reason == null ? "" : new String(reason.value(), StandardCharsets.UTF_8));
                }
            }
        }
        return reasons;
    }

    private static void watchReadiness() {
        while (!Thread.currentThread().isInterrupted()) {
            for (LocalStack.Service service : List.of(LocalStack.Service.CATALOG, LocalStack.Service.ANALYTICS)) {
                readinessSeen.computeIfAbsent(service, s -> ConcurrentHashMap.newKeySet()).add(readiness(service));
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static int readiness(LocalStack.Service service) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(stack.url(service) + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }
}

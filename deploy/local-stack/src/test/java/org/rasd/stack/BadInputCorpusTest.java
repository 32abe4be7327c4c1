package org.rasd.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bad-input corpus ({@code bad-input-corpus.json}): requests of every kind that a careless or hostile client
 * sends to the three services, each with the status it must get. Every refusal is an {@code application/problem+json}
 * document with that status; every borderline request that is fine is accepted. Afterwards the stack still stores
 * and counts a good article: a bad request loses nothing else.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputCorpusTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final List<String> deaths = new CopyOnWriteArrayList<>();
    private static final Map<String, Integer> casesByCategory = new TreeMap<>();
    private static final Map<String, String> acceptedCases = new java.util.concurrent.ConcurrentHashMap<>();
    private static LocalStack stack;

    @BeforeAll
    static void startStack() throws IOException {
        stack = LocalStack.start(StackFixture.HOME, StackFixture.newDataDirectory(), StackFixture.freshPorts(), deaths::add);
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
        assertTrue(deaths.isEmpty(), "nothing died: " + deaths);
    }

    @TestFactory
    @Order(1)
    Stream<DynamicTest> everyBadRequestGetsAProblemWithItsStatus() throws IOException {
        JsonNode corpus;
        try (InputStream in = BadInputCorpusTest.class.getResourceAsStream("/bad-input-corpus.json")) {
            corpus = JSON.readTree(in);
        }
        assertTrue(corpus.size() >= 100, "the corpus has at least 100 cases: " + corpus.size());
        return StreamSupport.stream(corpus.spliterator(), false).map(testCase -> DynamicTest.dynamicTest(
                testCase.path("service").asText() + " / " + testCase.path("category").asText() + " / " + testCase.path("case").asText(),
                () -> check(testCase)));
    }

    @Test
    @Order(2)
    void aRequestWhoseBodyNeverComesIsDroppedAndNothingElseIsLost() throws Exception {
        assertTrue(acceptedCases.size() > 20, "the borderline cases were accepted: " + acceptedCases.size());
        URI ingest = URI.create(stack.url(LocalStack.Service.INGEST));
        try (Socket socket = new Socket(ingest.getHost(), ingest.getPort())) {
            socket.setSoTimeout((int) Duration.ofSeconds(60).toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/articles HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + stack.apiKey()
                    + "\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Length: 1000\r\n\r\nonly a start")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            long sentAt = System.nanoTime();
            InputStream in = socket.getInputStream();
            while (in.read() >= 0) {
                // whatever the server says before it closes
            }
            long seconds = (System.nanoTime() - sentAt) / 1_000_000_000;
            System.out.printf("bad-input corpus: a body that never came was dropped after %d s%n", seconds);
            assertTrue(seconds < 60, "the server closed the stalled request");
        }

        // Every borderline article that was accepted (the one just under the size limit too) reaches the catalog.
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (Map.Entry<String, String> accepted : acceptedCases.entrySet()) {
                assertEquals(200, given().baseUri(stack.url(LocalStack.Service.CATALOG)).get("/api/articles/" + accepted.getKey())
                        .statusCode(), accepted.getValue() + " is stored");
            }
        });

        String id = StackFixture.ingest(stack).contentType("text/plain; charset=UTF-8")
                .body("استقبل وزير الداخلية المغربي، أمس بالرباط، نظيره البلجيكي لبحث مكافحة الإرهاب.")
                .post("/api/articles").then().statusCode(202).extract().path("id");
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> given().baseUri(stack.url(LocalStack.Service.ANALYTICS))
                .get("/api/aggregates/countries/BE").then().statusCode(200));
        given().baseUri(stack.url(LocalStack.Service.CATALOG)).get("/api/articles/" + id).then().statusCode(200);
        for (LocalStack.Service service : LocalStack.Service.values()) {
            given().baseUri(stack.url(service)).get("/q/health/ready").then().statusCode(200);
        }
        System.out.printf("bad-input corpus: %d cases by category %s; %d accepted and stored%n",
                casesByCategory.values().stream().mapToInt(Integer::intValue).sum(), casesByCategory, acceptedCases.size());
    }

    private static void check(JsonNode testCase) throws IOException, InterruptedException {
        casesByCategory.merge(testCase.path("category").asText(), 1, Integer::sum);
        LocalStack.Service service = LocalStack.Service.valueOf(testCase.path("service").asText().toUpperCase());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.url(service) + testCase.path("path").asText()))
                .timeout(Duration.ofSeconds(60));
        testCase.path("headers").properties().forEach(header -> request.header(header.getKey(), header.getValue().asText()));
        String auth = testCase.path("auth").asText("key");
        if (auth.equals("key")) {
            request.header("Authorization", "Bearer " + stack.apiKey());
        } else if (auth.equals("lower-case")) {
            request.header("Authorization", "bearer " + stack.apiKey());
        }
        byte[] body = body(testCase);
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : testCase.path("chunked").asBoolean() ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
        HttpResponse<String> response = CLIENT.send(request.method(testCase.path("method").asText(), publisher).build(),
                HttpResponse.BodyHandlers.ofString());

        int expected = testCase.path("expect").asInt();
        assertEquals(expected, response.statusCode(), response.body());
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (expected >= 400) {
            assertTrue(contentType.startsWith("application/problem+json"), "a problem document, not " + contentType);
            JsonNode problem = JSON.readTree(response.body());
            assertEquals(expected, problem.path("status").asInt(), response.body());
            assertFalse(problem.path("title").asText().isBlank(), response.body());
            assertEquals("about:blank", problem.path("type").asText(), response.body());
        } else {
            JsonNode answer = JSON.readTree(response.body());
            assertFalse(answer.path("id").asText().isBlank(), response.body());
            assertTrue(List.of("accepted", "duplicate").contains(answer.path("status").asText()), response.body());
            acceptedCases.put(answer.path("id").asText(), testCase.path("case").asText());
        }
    }

    /** The case's body: {@code body} (repeated {@code repeat} times between {@code prefix} and {@code suffix}) or raw bytes. */
    private static byte[] body(JsonNode testCase) {
        if (testCase.has("bodyBase64")) {
            return Base64.getDecoder().decode(testCase.path("bodyBase64").asText());
        }
        if (!testCase.has("body")) {
            return null;
        }
        String text = testCase.path("prefix").asText("") + testCase.path("body").asText().repeat(testCase.path("repeat").asInt(1))
                + testCase.path("suffix").asText("");
        return text.getBytes(Charset.forName(testCase.path("bodyEncoding").asText("UTF-8")));
    }
}

package org.rasd.ingest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.rasd.testing.KafkaTestResource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rasd.ingest.Batches.ARTICLE;
import static org.rasd.ingest.Batches.body;
import static org.rasd.ingest.Batches.client;
import static org.rasd.ingest.Batches.line;
import static org.rasd.ingest.Batches.post;
import static org.rasd.ingest.Batches.published;
import static org.rasd.ingest.Batches.publishedFrom;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class BatchIngestionTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static String url(String name) {
        return "https://news.example.ma/batch/" + System.nanoTime() + "/" + name;
    }

    @Test
    void eachLineIsAnsweredInOrderAndEachGoodArticleIsPublishedOnce() {
        String first = url("first");
        String second = url("second");
        String third = url("third");
        String empty = url("empty");
        String withNul = url("nul");
        List<JsonPath> answers = post(List.of(
                line(Map.of("url", first, "text", ARTICLE)),
                "",
                line(Map.of("url", second, "text", ARTICLE, "title", "الثاني")),
                line(Map.of("url", first, "text", ARTICLE)),
                "{\"text\": ",
                line(Map.of("url", empty, "text", " ")),
                line(Map.of("url", withNul, "source", "bad\u0000source", "text", ARTICLE)),
                "  \r",
                line(Map.of("url", third, "text", ARTICLE))));

        assertEquals(List.of(1, 3, 4, 5, 6, 7, 9), answers.stream().map(answer -> answer.getInt("line")).toList(),
                "one answer a line that is not blank, in line order");
        JsonPath firstAnswer = answers.get(0);
        assertEquals("accepted", firstAnswer.getString("status"));
        assertEquals(1, firstAnswer.getInt("events"));
        assertTrue(firstAnswer.getString("location").endsWith("/api/articles/" + firstAnswer.getString("id")));
        assertNull(firstAnswer.get("problem"));
        assertEquals("accepted", answers.get(1).getString("status"));
        assertEquals("الثاني", answers.get(1).getString("title"));
        assertEquals("duplicate", answers.get(2).getString("status"), "a line repeating an earlier one of the batch");
        assertEquals(firstAnswer.getString("id"), answers.get(2).getString("id"));
        assertEquals("accepted", answers.get(6).getString("status"));

        assertRefused(answers.get(3), 400, "not valid JSON");
        assertRefused(answers.get(4), 422, "no text");
        assertRefused(answers.get(5), 422, "U+0000");

        List<ConsumerRecord<String, String>> records = published(bootstrapServers);
        assertEquals(1, publishedFrom(records, first));
        assertEquals(1, publishedFrom(records, second));
        assertEquals(1, publishedFrom(records, third));
        assertEquals(0, publishedFrom(records, empty));
        assertEquals(0, publishedFrom(records, withNul));
        assertNotEquals(firstAnswer.getString("id"), answers.get(1).getString("id"));
    }

    private static void assertRefused(JsonPath answer, int status, String detail) {
        assertEquals(status, answer.getInt("problem.status"), answer.prettify());
        assertEquals("about:blank", answer.getString("problem.type"));
        assertTrue(answer.getString("problem.detail").contains(detail), answer.prettify());
        assertNull(answer.get("status"), "a refused line has a problem, not an article");
        assertNull(answer.get("id"));
    }

    @Test
    void aBatchOverTheLineLimitIsRefusedWholeAndPublishesNothing() {
        String url = url("over-the-limit");
        List<String> lines = new ArrayList<>(Collections.nCopies(1000, line(Map.of("url", url, "text", ARTICLE))));
        lines.add(line(Map.of("url", url("one-too-many"), "text", ARTICLE)));
        client().body(body(lines))
                .when().post("/api/articles/batch")
                .then().statusCode(413).contentType("application/problem+json")
                .body("status", equalTo(413))
                .body("detail", containsString("1000"));
        assertEquals(0, publishedFrom(published(bootstrapServers), url));
    }

    @Test
    void aLineOverTheArticleSizeIsRefusedAloneAndABodyOverTheBatchSizeWhole() {
        String large = url("large");
        String small = url("small");
        List<JsonPath> answers = post(List.of(
                line(Map.of("url", large, "text", ARTICLE + "و".repeat(1_100_000))), // two bytes each: over 2 MiB
                line(Map.of("url", small, "text", ARTICLE))));
        assertRefused(answers.get(0), 413, "RASD_MAX_ARTICLE_SIZE");
        assertEquals("accepted", answers.get(1).getString("status"));
        List<ConsumerRecord<String, String>> records = published(bootstrapServers);
        assertEquals(0, publishedFrom(records, large));
        assertEquals(1, publishedFrom(records, small));

        String article = line(Map.of("url", url("too-much"), "text", ARTICLE));
        int overTheBatchSize = (8 << 20) / article.getBytes(StandardCharsets.UTF_8).length + 1; // the default 8 MiB
        client().body(body(Collections.nCopies(overTheBatchSize, article)))
                .when().post("/api/articles/batch")
                .then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void aBatchWithoutArticlesOrNotNdjsonIsRefused() {
        client().body(body(List.of("", "  ")))
                .when().post("/api/articles/batch")
                .then().statusCode(400).contentType("application/problem+json");
        client().contentType("application/json").body(line(Map.of("text", ARTICLE)))
                .when().post("/api/articles/batch")
                .then().statusCode(415).contentType("application/problem+json");
        given().contentType("application/x-ndjson").body(body(List.of(line(Map.of("text", ARTICLE)))))
                .when().post("/api/articles/batch")
                .then().statusCode(401);
    }
}

package org.rasd.ingest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.rasd.ingest.extraction.ArticleExtractor;
import org.rasd.testing.KafkaTestResource;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class ArticleIngestionTest {

    private static final String ARTICLE = """
            الرباط - و م ع
            استقبل المدير العام للأمن الوطني عبد اللطيف حموشي، يوم الثلاثاء 13 فبراير 2024 بالرباط، المفوض العام للاستعلامات بالشرطة الإسبانية، في إطار تعزيز التعاون الشرطي ومكافحة الإرهاب.
            """;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void anAcceptedArticleIsOnTheArticlesTopicKeyedByItsId() {
        String id = given().contentType("application/json")
                .body(Map.of("url", "https://news.example.ma/2024/02/13/hammouchi?utm_source=x", "text", ARTICLE))
                .when().post("/api/articles")
                .then().statusCode(202)
                .header("Location", containsString("/api/articles/"))
                .body("events", equalTo(1))
                .extract().path("id");

        try (KafkaCompanion companion = new KafkaCompanion(bootstrapServers)) {
            ConsumerRecord<String, String> published = companion.consumeStrings().fromTopics("articles")
                    .awaitRecords(1, Duration.ofSeconds(20)).getRecords().stream()
                    .filter(record -> id.equals(record.key())).findFirst().orElseThrow();
            assertTrue(published.value().contains("\"type\":\"HOST\""), published.value());
            assertTrue(published.value().contains("\"extractor\":\"" + ArticleExtractor.NAME + "\""), published.value());
        }
    }

    @Test
    void theSameStoryWithTrackingParametersHasTheSameId() {
        String first = given().contentType("application/json")
                .body(Map.of("url", "https://www.news.example.ma/a/1/", "text", ARTICLE)).post("/api/articles").path("id");
        String second = given().contentType("application/json")
                .body(Map.of("url", "https://news.example.ma/a/1?utm_medium=social", "text", ARTICLE)).post("/api/articles").path("id");
        assertEquals(first, second);
    }

    @Test
    void plainTextAndHtmlBodiesAreAccepted() {
        given().contentType("text/plain; charset=UTF-8").body(ARTICLE).post("/api/articles").then().statusCode(202);
        given().contentType("text/html; charset=UTF-8")
                .body("<html><head><title>حموشي يستقبل</title></head><body><nav>الرئيسية</nav><article><h1>حموشي يستقبل مسؤولا إسبانيا</h1><p>"
                        + ARTICLE + "</p></article><div class='comments'>تعليق</div></body></html>")
                .post("/api/articles").then().statusCode(202).body("title", equalTo("حموشي يستقبل مسؤولا إسبانيا"));
    }

    @Test
    void badInputIsRefusedWithAProblem() {
        given().contentType("application/json").body("{\"text\": ").post("/api/articles")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType("application/json").body("{\"url\": \"https://x.example\"}").post("/api/articles")
                .then().statusCode(422).contentType("application/problem+json").body("status", equalTo(422));
        given().contentType("text/plain; charset=UTF-8").body("ب ".repeat(1_100_000)).post("/api/articles")
                .then().statusCode(413).contentType("application/problem+json");
        given().contentType("application/xml").body("<article/>").post("/api/articles")
                .then().statusCode(415).contentType("application/problem+json");
    }
}

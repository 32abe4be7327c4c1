package org.rasd.ingest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.rasd.ingest.extraction.ArticleExtractor;
import org.rasd.ingest.messaging.ArticlePublisher;
import org.rasd.ingest.parsing.ArticleParser.RawArticle;
import org.rasd.ingest.record.ArticleRecord;
import org.rasd.support.messaging.AcceptedAt;
import org.rasd.testing.KafkaTestResource;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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

    @Inject
    ArticleExtractor extractor;

    @Inject
    ArticlePublisher publisher;

    /** A client with the test key (see application.properties). */
    private static RequestSpecification client() {
        return given().header("Authorization", "Bearer rasd-test-key");
    }

    @Test
    void anAcceptedArticleIsOnTheArticlesTopicKeyedByItsId() {
        String id = client().contentType("application/json")
                .body(Map.of("url", "https://news.example.ma/2024/02/13/hammouchi?utm_source=x", "text", ARTICLE))
                .when().post("/api/articles")
                .then().statusCode(202)
                .header("Location", containsString("/api/articles/"))
                .body("status", equalTo("accepted"))
                .body("events", equalTo(1))
                .extract().path("id");

        try (KafkaCompanion companion = new KafkaCompanion(bootstrapServers)) {
            // Other tests publish too: wait for this article's record, not for the topic's first.
            ConsumerRecord<String, String> published = companion.consumeStrings().fromTopics("articles", records -> records
                            .select().where(record -> id.equals(record.key())).select().first())
                    .awaitRecords(1, Duration.ofSeconds(20)).getFirstRecord();
            assertTrue(published.value().contains("\"type\":\"HOST\""), published.value());
            assertTrue(published.value().contains("\"extractor\":\"" + ArticleExtractor.NAME + "\""), published.value());
            OffsetDateTime acceptedAt = AcceptedAt.of(published.headers()).orElseThrow();
            assertTrue(Duration.between(acceptedAt.toInstant(), Instant.now()).abs().toMinutes() < 1, acceptedAt.toString());
        }
    }

    @Test
    void postsAreCountedInTheMetricsByOutcome() {
        double acceptedBefore = metric("accepted");
        double refusedBefore = metric("refused");
        client().contentType("application/json")
                .body(Map.of("url", "https://news.example.ma/metrics/" + System.nanoTime(), "text", ARTICLE))
                .post("/api/articles").then().statusCode(202);
        client().contentType("application/json").body(Map.of("url", "https://news.example.ma/empty", "text", " "))
                .post("/api/articles").then().statusCode(422);
        assertEquals(acceptedBefore + 1, metric("accepted"));
        assertEquals(refusedBefore + 1, metric("refused"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("rasd_ingest_extraction_seconds_count"));
    }

    /**
     * What the catalog will store is counted as accepted, whether or not anybody waits for the answer: a client
     * that gives up once its article is on its way to the broker must not make the count fall short of the catalog.
     */
    @Test
    void aPublicationIsCountedWhenTheBrokerHasItEvenIfNobodyWaits() {
        ArticleRecord record = extractor.extract(new RawArticle("https://news.example.ma/gone/" + System.nanoTime(),
                null, null, null, ARTICLE, null), null);
        AtomicInteger told = new AtomicInteger();
        publisher.publish(record, told::incrementAndGet).subscribe().with(sent -> { }, failure -> { }).cancel();

        try (KafkaCompanion companion = new KafkaCompanion(bootstrapServers)) {
            companion.consumeStrings().fromTopics("articles", records -> records
                            .select().where(published -> record.id().equals(published.key())).select().first())
                    .awaitRecords(1, Duration.ofSeconds(20));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> told.get() > 0);
        assertEquals(1, told.get(), "told once, though both the ack and nobody's wait could tell");
    }

    /**
     * A counter of {@code rasd_ingest_articles_total}, 0 before its first increment: the value after the labels (with
     * tracing on, an exemplar naming a trace follows it).
     */
    private static double metric(String outcome) {
        String prefix = "rasd_ingest_articles_total{outcome=\"" + outcome + "\"";
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith(prefix))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.indexOf("} ") + 2).split(" ")[0]))
                .sum();
    }

    @Test
    void theSameStoryWithTrackingParametersHasTheSameId() {
        String first = client().contentType("application/json")
                .body(Map.of("url", "https://www.news.example.ma/a/1/", "text", ARTICLE)).post("/api/articles").path("id");
        String second = client().contentType("application/json")
                .body(Map.of("url", "https://news.example.ma/a/1?utm_medium=social", "text", ARTICLE)).post("/api/articles").path("id");
        assertEquals(first, second);
    }

    @Test
    void urlsWithoutAHostDoNotShareAnId() {
        String first = client().contentType("application/json")
                .body(Map.of("url", "urn:example:1", "text", ARTICLE)).post("/api/articles").then().statusCode(202).extract().path("id");
        String second = client().contentType("application/json")
                .body(Map.of("url", "urn:example:1", "text", ARTICLE + " وأضاف المصدر تفاصيل أخرى."))
                .post("/api/articles").then().statusCode(202).extract().path("id");
        assertNotEquals(first, second, "the id of an article whose URL names no host comes from its text");
    }

    @Test
    void plainTextAndHtmlBodiesAreAccepted() {
        client().contentType("text/plain; charset=UTF-8").body(ARTICLE).post("/api/articles").then().statusCode(202);
        client().contentType("text/html; charset=UTF-8")
                .body("<html><head><title>حموشي يستقبل</title></head><body><nav>الرئيسية</nav><article><h1>حموشي يستقبل مسؤولا إسبانيا</h1><p>"
                        + ARTICLE + "</p></article><div class='comments'>تعليق</div></body></html>")
                .post("/api/articles").then().statusCode(202).body("title", equalTo("حموشي يستقبل مسؤولا إسبانيا"));
    }

    @Test
    void bodiesAreReadInTheCharsetTheyDeclare() {
        String utf8Id = client().contentType("text/plain; charset=UTF-8").body(ARTICLE.getBytes(StandardCharsets.UTF_8))
                .post("/api/articles").then().statusCode(202).extract().path("id");
        for (String charset : new String[]{"windows-1256", "ISO-8859-6", "UTF-16"}) {
            String id = client().contentType("text/plain; charset=" + charset).body(ARTICLE.getBytes(Charset.forName(charset)))
                    .post("/api/articles").then().statusCode(202).extract().path("id");
            assertEquals(utf8Id, id, "the same text in " + charset + " is the same article");
        }
        String page = "<html><head><meta charset=\"windows-1256\"><title>خبر</title></head><body><p>" + ARTICLE + "</p></body></html>";
        String htmlUtf8Id = client().contentType("text/html; charset=UTF-8").body(page.getBytes(StandardCharsets.UTF_8))
                .post("/api/articles").then().statusCode(202).extract().path("id");
        String htmlId = client().config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false))) // as sent: no charset
                .contentType("text/html").body(page.getBytes(Charset.forName("windows-1256")))
                .post("/api/articles").then().statusCode(202).extract().path("id");
        assertEquals(htmlUtf8Id, htmlId, "an HTML page is read in the charset of its <meta>");

        client().contentType("text/plain; charset=UTF-8").body(new byte[]{(byte) 0xD8, (byte) 0x27, 0x20, 0x41})
                .post("/api/articles").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("UTF-8"));
        client().contentType("text/plain; charset=no-such-charset").body(ARTICLE.getBytes(StandardCharsets.UTF_8))
                .post("/api/articles").then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void fieldsLaterStagesWouldRefuseAreRefusedByName() {
        client().contentType("application/json").body(Map.of("source", "bad\u0000source", "text", ARTICLE))
                .post("/api/articles").then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("source")).body("detail", containsString("U+0000"));
        client().contentType("application/json").body(Map.of("title", "x".repeat(1001), "text", ARTICLE))
                .post("/api/articles").then().statusCode(422).body("detail", containsString("title"));
        client().contentType("application/json").body(Map.of("publishedAt", "+10000-01-01T00:00:00Z", "text", ARTICLE))
                .post("/api/articles").then().statusCode(422).body("detail", containsString("publishedAt"));
        client().contentType("application/json").body(Map.of("publishedAt", "yesterday-ish", "text", ARTICLE))
                .post("/api/articles").then().statusCode(422).body("detail", containsString("publishedAt"));
        client().contentType("text/plain; charset=UTF-8").body(ARTICLE + "\u0007")
                .post("/api/articles").then().statusCode(422).body("detail", containsString("U+0007"));
    }

    @Test
    void anArticleJustUnderTheSizeLimitIsCarriedWholeAndOneJustOverIsRefusedBothWays() {
        long limit = 2L << 20;
        String filler = "و".repeat((int) ((limit - 2048) / 2)); // two bytes each in UTF-8
        byte[] under = (ARTICLE + filler).getBytes(StandardCharsets.UTF_8);
        client().contentType("text/plain; charset=UTF-8").body(under)
                .post("/api/articles").then().statusCode(202).body("events", equalTo(1));
        client().contentType("text/plain; charset=UTF-8").body(new ByteArrayInputStream(under)) // sent chunked, read whole
                .post("/api/articles").then().statusCode(202).body("events", equalTo(1));
        byte[] over = (ARTICLE + filler + "و".repeat(2048)).getBytes(StandardCharsets.UTF_8);
        client().contentType("text/plain; charset=UTF-8").body(over)
                .post("/api/articles").then().statusCode(413).contentType("application/problem+json");
        client().contentType("text/plain; charset=UTF-8").body(new ByteArrayInputStream(ARTICLE.getBytes(StandardCharsets.UTF_8)))
                .post("/api/articles").then().statusCode(202).body("events", equalTo(1)); // sent chunked, read whole
        client().contentType("text/plain; charset=UTF-8").body(new ByteArrayInputStream(over)) // sent chunked
                .post("/api/articles").then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void writesNeedAKnownKey() {
        given().contentType("text/plain; charset=UTF-8").body(ARTICLE).post("/api/articles")
                .then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
        given().header("Authorization", "Bearer not-a-key").contentType("text/plain; charset=UTF-8").body(ARTICLE)
                .post("/api/articles").then().statusCode(401);
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void reextractionNeedsAnAdminKeyAndAWriterKeyStillWrites() {
        given().header("Authorization", "Bearer rasd-writer-key").post("/api/admin/reextract")
                .then().statusCode(403).contentType("application/problem+json").body("detail", containsString("admin key"));
        given().header("Authorization", "Bearer rasd-writer-key").get("/api/admin/reextract/some-run").then().statusCode(403);
        given().get("/api/admin/reextract/some-run").then().statusCode(401);
        given().header("Authorization", "Bearer rasd-test-key").get("/api/admin/reextract/some-run").then().statusCode(404);
        given().header("Authorization", "Bearer rasd-writer-key").post("/api/admin/reextract/some-run/resume").then().statusCode(403);
        given().header("Authorization", "Bearer rasd-test-key").post("/api/admin/reextract/some-run/resume").then().statusCode(404);
        given().header("Authorization", "Bearer rasd-writer-key").contentType("text/plain; charset=UTF-8")
                .body(ARTICLE.replace("الرباط", "مراكش")).post("/api/articles").then().statusCode(202);
    }

    @Test
    void badInputIsRefusedWithAProblem() {
        client().contentType("application/json").body("{\"text\": ").post("/api/articles")
                .then().statusCode(400).contentType("application/problem+json");
        client().contentType("application/json").body("{\"url\": \"https://x.example\"}").post("/api/articles")
                .then().statusCode(422).contentType("application/problem+json").body("status", equalTo(422));
        client().contentType("application/xml").body("<article/>").post("/api/articles")
                .then().statusCode(415).contentType("application/problem+json");
        client().get("/api/articles").then().statusCode(405).contentType("application/problem+json");
        client().get("/nothing/here").then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("about:blank"));
        client().get("/api/articles?x=" + "a".repeat(5000)).then().statusCode(414).contentType("application/problem+json");
        client().urlEncodingEnabled(false).get("/api/articles/%00").then().statusCode(400).contentType("application/problem+json");
    }
}

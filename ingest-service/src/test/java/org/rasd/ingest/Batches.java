package org.rasd.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.rasd.embedded.Topics;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;

/** Posting NDJSON batches as a client does, and reading what reached the {@code articles} topic. */
public final class Batches {

    static final String ARTICLE = """
            الرباط - و م ع
            استقبل المدير العام للأمن الوطني عبد اللطيف حموشي، يوم الثلاثاء 13 فبراير 2024 بالرباط، المفوض العام للاستعلامات بالشرطة الإسبانية، في إطار تعزيز التعاون الشرطي ومكافحة الإرهاب.
            """;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One line of a batch: the JSON a single post would send. */
    static String line(Map<String, String> article) {
        try {
            return JSON.writeValueAsString(article);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A batch request with the test key (see application.properties). */
    static RequestSpecification client() {
        return given().header("Authorization", "Bearer rasd-test-key").contentType("application/x-ndjson");
    }

    /** The lines as a batch's body: UTF-8, each ended by a line feed. */
    static byte[] body(List<String> lines) {
        return lines.stream().map(line -> line + "\n").collect(Collectors.joining()).getBytes(StandardCharsets.UTF_8);
    }

    /** Posts the lines as one batch and returns its answer, one JSON object a line. */
    static List<JsonPath> post(List<String> lines) {
        String answer = client().body(body(lines))
                .when().post("/api/articles/batch")
                .then().statusCode(200).contentType("application/x-ndjson")
                .extract().asString();
        return answer.lines().map(JsonPath::from).toList();
    }

    /** Every record on the {@code articles} topic now: acknowledged before a batch is answered, so all there. */
    public static List<ConsumerRecord<String, String>> published(String bootstrapServers) {
        try (KafkaCompanion companion = new KafkaCompanion(bootstrapServers)) {
            Map<TopicPartition, OffsetSpec> ends = IntStream.range(0, Topics.ARTICLES.partitions())
                    .mapToObj(partition -> new TopicPartition(Topics.ARTICLES.name(), partition))
                    .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest()));
            long records = companion.offsets().list(ends).values().stream().mapToLong(end -> end.offset()).sum();
            return companion.consumeStrings().fromTopics(Topics.ARTICLES.name(), records)
                    .awaitCompletion(Duration.ofSeconds(30)).getRecords();
        }
    }

    /** How many records on the topic carry the article of this URL (its cleaned URL is in the record). */
    public static long publishedFrom(List<ConsumerRecord<String, String>> records, String url) {
        return records.stream().filter(record -> record.value().contains("\"url\":\"" + url + "\"")).count();
    }

    private Batches() {
    }
}

package org.rasd.ingest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.rasd.testing.KafkaTestResource;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rasd.ingest.Batches.ARTICLE;
import static org.rasd.ingest.Batches.line;
import static org.rasd.ingest.Batches.post;
import static org.rasd.ingest.Batches.published;
import static org.rasd.ingest.Batches.publishedFrom;

/** A batch counts as many writes of its key's rate as it has articles. */
@QuarkusTest
@TestProfile(BatchWriteRateTest.ThreeWrites.class)
@QuarkusTestResource(KafkaTestResource.class)
class BatchWriteRateTest {

    /** Three writes at once, and (for the test's length) no more after them. */
    public static class ThreeWrites implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rasd.auth.write-burst", "3", "rasd.auth.write-rate", "0.0001");
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void linesOverTheKeysWriteRateAreRefusedAloneAndNotPublished() {
        List<String> urls = IntStream.rangeClosed(1, 5).mapToObj(n -> "https://news.example.ma/rate/" + System.nanoTime() + "/" + n).toList();
        List<JsonPath> answers = post(urls.stream().map(url -> line(Map.of("url", url, "text", ARTICLE))).toList());

        assertEquals(List.of("accepted", "accepted", "accepted"), answers.subList(0, 3).stream().map(answer -> answer.getString("status")).toList(),
                "the request's write stands for the first line, the two writes left for the next two");
        for (JsonPath overTheRate : answers.subList(3, 5)) {
            assertEquals(429, overTheRate.getInt("problem.status"));
            assertTrue(overTheRate.getString("problem.detail").contains("rate limit"), overTheRate.prettify());
        }
        List<ConsumerRecord<String, String>> records = published(bootstrapServers);
        assertEquals(List.of(1L, 1L, 1L, 0L, 0L), urls.stream().map(url -> publishedFrom(records, url)).toList());
    }
}

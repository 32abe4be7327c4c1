package org.rasd.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.rasd.support.messaging.AcceptedAt;
import org.rasd.testing.KafkaTestResource;
import org.rasd.testing.TopicContracts;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * What ingest puts on the {@code articles} topic, through its real producer and serializer, follows the topic's
 * contract: the value the schema of deploy/spec/topics, the key the article id, the rasd-accepted-at header an
 * instant (deploy/spec/asyncapi.yaml). The articles posted are the texts of the article samples.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class ArticlesTopicContractTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void everyRecordPublishedFollowsTheTopicsContract() {
        Map<String, String> posted = new LinkedHashMap<>(); // article id -> sample
        for (Path sample : TopicContracts.validSamples(TopicContracts.ARTICLES)) {
            JsonNode json = TopicContracts.read(sample);
            Map<String, String> submission = new HashMap<>();
            for (String field : List.of("url", "source", "title", "publishedAt", "text")) {
                if (json.hasNonNull(field)) {
                    submission.put(field, json.get(field).asText());
                }
            }
            String id = given().header("Authorization", "Bearer rasd-test-key").contentType("application/json").body(submission)
                    .post("/api/articles").then().statusCode(202).extract().path("id");
            posted.put(id, TopicContracts.name(sample));
        }

        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            List<ConsumerRecord<String, String>> records = kafka.consumeStrings().fromTopics("articles", Duration.ofSeconds(5))
                    .awaitCompletion(Duration.ofSeconds(30)).getRecords(); // everything on the topic, the other tests' too
            Map<String, ConsumerRecord<String, String>> ours = new HashMap<>();
            records.stream().filter(record -> posted.containsKey(record.key())).forEach(record -> ours.put(record.key(), record));
            assertEquals(posted.keySet(), ours.keySet(), "a record for every article posted");
            for (ConsumerRecord<String, String> record : records) {
                TopicContracts.assertValid(TopicContracts.ARTICLES, record.value(),
                        "the record published for " + posted.getOrDefault(record.key(), "key " + record.key()));
                JsonNode value = TopicContracts.parse(record.value());
                assertEquals(record.key(), value.path("id").asText(), "keyed by the article id");
                assertNotNull(record.headers().lastHeader(AcceptedAt.HEADER), "the header " + AcceptedAt.HEADER);
                Instant.parse(new String(record.headers().lastHeader(AcceptedAt.HEADER).value(), StandardCharsets.UTF_8));
            }
        }
    }
}

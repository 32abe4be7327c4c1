package org.rasd.ingest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.restassured.path.json.JsonPath;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.rasd.ingest.submission.InFlightPosts;
import org.rasd.testing.KafkaTestResource;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rasd.ingest.Batches.ARTICLE;
import static org.rasd.ingest.Batches.line;
import static org.rasd.ingest.Batches.post;
import static org.rasd.ingest.Batches.published;
import static org.rasd.ingest.Batches.publishedFrom;

/** Ingest handles at most INGEST_MAX_IN_FLIGHT articles at once; the rest are refused at once, and nothing of them is published. */
@QuarkusTest
@TestProfile(InFlightBoundTest.TwoAtOnce.class)
@QuarkusTestResource(KafkaTestResource.class)
class InFlightBoundTest {

    public static class TwoAtOnce implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rasd.ingest.max-in-flight", "2");
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    InFlightPosts inFlight;

    @Inject
    MeterRegistry registry;

    /** Posts refused as busy so far; none before ingest's metrics are first used. */
    private double busy() {
        Counter busy = registry.find("rasd.ingest.articles").tag("outcome", "busy").counter();
        return busy == null ? 0 : busy.count();
    }

    @Test
    void linesPastTheBoundAreRefusedWith503AndNotPublishedWhileTheOthersAreAccepted() {
        double busyBefore = busy();
        List<String> urls = IntStream.rangeClosed(1, 5).mapToObj(n -> "https://news.example.ma/busy/" + System.nanoTime() + "/" + n).toList();
        // A batch begins up to 8 lines at once, in line order and all before the first is extracted: the first
        // two take the two slots, the next three find none.
        List<JsonPath> answers = post(urls.stream().map(url -> line(Map.of("url", url, "text", ARTICLE))).toList());

        assertEquals(List.of("accepted", "accepted"), answers.subList(0, 2).stream().map(answer -> answer.getString("status")).toList());
        for (JsonPath refused : answers.subList(2, 5)) {
            assertEquals(503, refused.getInt("problem.status"), refused.prettify());
            assertTrue(refused.getString("problem.detail").contains("INGEST_MAX_IN_FLIGHT"), refused.prettify());
        }
        List<ConsumerRecord<String, String>> records = published(bootstrapServers);
        assertEquals(List.of(1L, 1L, 0L, 0L, 0L), urls.stream().map(url -> publishedFrom(records, url)).toList());

        // the slots were freed: the refused lines go through when sent again
        List<JsonPath> again = post(urls.subList(2, 4).stream().map(url -> line(Map.of("url", url, "text", ARTICLE))).toList());
        assertEquals(List.of("accepted", "accepted"), again.stream().map(answer -> answer.getString("status")).toList());
        assertEquals(3.0, busy() - busyBefore, "each refused line counted as busy");
        assertEquals(0.0, registry.get("rasd.ingest.posts.in.flight").gauge().value());
    }

    @Test
    void aPostWhileTheSlotsAreTakenIsRefusedAtOnceWithAProblemAndRetryAfter() {
        // two posts that never end hold both slots, as posts waiting for a slow broker would
        List<Cancellable> held = IntStream.range(0, 2)
                .mapToObj(i -> inFlight.admit(() -> Uni.createFrom().nothing()).subscribe().with(item -> { })).toList();
        String url = "https://news.example.ma/busy-alone/" + System.nanoTime();
        try {
            given().header("Authorization", "Bearer rasd-test-key").contentType("application/json")
                    .body(line(Map.of("url", url, "text", ARTICLE)))
                    .when().post("/api/articles")
                    .then().statusCode(503).contentType("application/problem+json").header("Retry-After", "1")
                    .body("status", equalTo(503), "instance", equalTo("/api/articles"),
                            "detail", containsString("INGEST_MAX_IN_FLIGHT"));
        } finally {
            held.forEach(Cancellable::cancel);
        }
        assertEquals(0L, publishedFrom(published(bootstrapServers), url));

        given().header("Authorization", "Bearer rasd-test-key").contentType("application/json")
                .body(line(Map.of("url", url, "text", ARTICLE)))
                .when().post("/api/articles")
                .then().statusCode(202).body("status", equalTo("accepted"));
    }
}

package org.rasd.analytics.counting;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.rasd.analytics.CatalogStub;
import org.rasd.analytics.Recounts;
import org.rasd.testing.KafkaTestResource;
import org.rasd.testing.PostgresTestResource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The rows of removed events (tombstones) are pruned once older than the retention; nothing counted depends on them,
 * and within the retention an older version delivered again still changes nothing.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "analytics"))
@QuarkusTestResource(CatalogStub.class)
class TombstonesTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "quarkus.rest-client.catalog.url")
    String catalog;

    @Inject
    Tombstones tombstones;

    @Inject
    Pool pool;

    private static String report(int version, String id, String incident, String country, String partner) {
        return """
                {"id":"%s","version":%d,"articleId":"article-%s","incidentId":"%s","type":"HOST","countries":["%s","%s"],"themes":["MARITIME_SECURITY"],
                 "subject":{"country":"%s"},"partners":[{"country":"%s"}],"date":{"value":"2015-06-01"}}"""
                .formatted(id, version, id, incident, country, partner, country, partner);
    }

    private static String removal(int version, String id) {
        return """
                {"id":"%s","version":%d,"articleId":"article-%s","removed":true}""".formatted(id, version, id);
    }

    /** The ids of the counted_event rows of these events that say so: removed or not. */
    private List<String> rows(boolean removed, String... ids) {
        List<String> found = new ArrayList<>();
        pool.preparedQuery("select event_id from counted_event where event_id = any($1) and removed = $2 order by event_id")
                .execute(Tuple.of(ids, removed)).await().atMost(Duration.ofSeconds(30)).forEach(row -> found.add(row.getString(0)));
        return found;
    }

    /** Everything counted that the API shows of the countries and theme these events name. */
    private static List<String> counts() {
        return List.of(given().get("/api/aggregates/countries").then().statusCode(200).extract().asString(),
                given().get("/api/aggregates/themes").then().statusCode(200).extract().asString(),
                given().get("/api/aggregates/countries/NR").then().statusCode(200).extract().asString(),
                given().get("/api/aggregates/countries/NR/partners").then().statusCode(200).extract().asString(),
                given().queryParam("interval", "month").queryParam("country", "NR").queryParam("from", "2015-01-01")
                        .queryParam("to", "2015-12-31").get("/api/series").then().statusCode(200).extract().asString());
    }

    /** A recount of a catalog that lists every live counted version: it must find the live counts right. */
    private ValidatableResponse recountOfTheLiveEvents() {
        Recounts.catalogLists(catalog, Recounts.liveEvents(pool));
        return Recounts.run(false).body("state", equalTo("done"));
    }

    @Test
    void aTombstoneOlderThanTheRetentionIsPrunedAndNothingCountedChanges() {
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            kafka.produceStrings().fromRecords(
                    // Nauru hosts Tuvalu and Micronesia, two reports each taken back by a correction; Palau's stays
                    new ProducerRecord<>("events", "tomb-old", report(1, "tomb-old", "nr-tv", "NR", "TV")),
                    new ProducerRecord<>("events", "tomb-old", removal(2, "tomb-old")),
                    new ProducerRecord<>("events", "tomb-young", report(1, "tomb-young", "nr-fm", "NR", "FM")),
                    new ProducerRecord<>("events", "tomb-young", removal(2, "tomb-young")),
                    new ProducerRecord<>("events", "tomb-live", report(1, "tomb-live", "nr-pw", "NR", "PW"))).awaitCompletion();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertEquals(List.of("tomb-old", "tomb-young"), rows(true, "tomb-old", "tomb-young", "tomb-live"));
            assertEquals(List.of("tomb-live"), rows(false, "tomb-old", "tomb-young", "tomb-live"));
        });
        pool.query("update counted_event set removed_at = now() - interval '8 days' where event_id = 'tomb-old'").execute()
                .await().atMost(Duration.ofSeconds(30));
        List<String> before = counts();
        recountOfTheLiveEvents().body("matches", equalTo(true));

        tombstones.prune().await().atMost(Duration.ofSeconds(30));

        assertEquals(List.of("tomb-young"), rows(true, "tomb-old", "tomb-young", "tomb-live"));
        assertEquals(List.of("tomb-live"), rows(false, "tomb-old", "tomb-young", "tomb-live"));
        assertEquals(before, counts());
        recountOfTheLiveEvents().body("matches", equalTo(true)).body("differences", equalTo(List.of()));

        // within the retention, the first version again changes nothing: its tombstone is there to refuse it
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            kafka.produceStrings().fromRecords(
                    new ProducerRecord<>("events", "tomb-young", report(1, "tomb-young", "nr-fm", "NR", "FM")),
                    // after it on its partition (same key): once this one is counted, the redelivery was handled
                    new ProducerRecord<>("events", "tomb-young", report(1, "tomb-after", "nf-pw", "NF", "PW"))).awaitCompletion();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/aggregates/countries/NF").then().statusCode(200));
        given().get("/api/aggregates/countries/FM").then().statusCode(404);
        assertEquals(List.of("tomb-young"), rows(true, "tomb-young"));
        assertEquals(before.get(2), counts().get(2));
    }
}

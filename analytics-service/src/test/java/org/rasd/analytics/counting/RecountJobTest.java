package org.rasd.analytics.counting;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rasd.analytics.CatalogStub;
import org.rasd.analytics.Recounts;
import org.rasd.testing.KafkaTestResource;
import org.rasd.testing.PostgresTestResource;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A recount is a job: started, it answers at once with where to follow it; it reports how far it is, runs one at a
 * time, and a run stopped half-way goes on from where it was, counting nothing twice.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "analytics"))
@QuarkusTestResource(CatalogStub.class)
class RecountJobTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "quarkus.rest-client.catalog.url")
    String catalog;

    @Inject
    Pool pool;

    @Inject
    RecountConfig recount;

    @BeforeEach
    void someEventsAreCounted() {
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            kafka.produceStrings().fromRecords(
                    new ProducerRecord<>("events", "job-1", report("job-1", "GL", "IS")),
                    new ProducerRecord<>("events", "job-2", report("job-2", "GL", "FO"))).awaitCompletion();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/aggregates/countries/GL").then().statusCode(200).body("events", equalTo(2)));
    }

    @AfterEach
    void theCatalogAnswersAgain() {
        given().put(catalog + "/api/events/pace?millis=0").then().statusCode(204);
        given().put(catalog + "/api/events/refuse?after=-1").then().statusCode(204);
    }

    private static String report(String id, String country, String partner) {
        return """
                {"id":"%s","version":1,"articleId":"article-%s","incidentId":"incident-%s","type":"HOST","countries":["%s","%s"],
                 "themes":["BORDER_SECURITY"],"subject":{"country":"%s"},"partners":[{"country":"%s"}],"date":{"value":"2016-03-01"}}"""
                .formatted(id, id, id, country, partner, country, partner);
    }

    /** DDL is transactional: the scratch tables are made and read in a transaction rolled back, leaving no trace. */
    @Test
    void theScratchTablesKeepTheLiveTablesStorageParameters() {
        String options = pool.getConnection().chain(connection -> connection.begin()
                        .chain(transaction -> Recount.scratchTables(connection)
                                .chain(() -> connection.query("""
                                        select array_to_string(c.reloptions, ',') as options from pg_class c
                                        join pg_namespace n on n.oid = c.relnamespace
                                        where n.nspname = 'recount' and c.relname = 'counted_incident'""").execute())
                                .call(transaction::rollback))
                        .eventually(connection::close))
                .map(rows -> rows.iterator().next().getString("options"))
                .await().atMost(Duration.ofSeconds(30));
        assertEquals("toast_tuple_target=8160", options);
    }

    @Test
    void aRecountAnswersAtOnceReportsItsProgressAndRunsOneAtATime() {
        Recounts.catalogLists(catalog, Recounts.liveEvents(pool));
        given().put(catalog + "/api/events/pace?millis=2000").then().statusCode(204);

        String location = Recounts.start(false);
        given().header("Authorization", Recounts.KEY).get(location).then().statusCode(200)
                .body("state", equalTo("running")).body("replace", equalTo(false)).body("matches", equalTo(null));
        given().header("Authorization", Recounts.KEY).post("/api/admin/recount").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString(location.substring(location.lastIndexOf('/') + 1)));

        Recounts.ended(location).body("state", equalTo("done")).body("matches", equalTo(true)).body("replaced", equalTo(false))
                .body("differences", hasSize(0)).body("finished", notNullValue());
        given().header("Authorization", Recounts.KEY).post(location + "/resume").then().statusCode(409)
                .contentType("application/problem+json");
        given().header("Authorization", Recounts.KEY).get("/api/admin/recount/00000000-0000-0000-0000-000000000000").then().statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", Recounts.KEY).get("/api/admin/recount/not-a-run").then().statusCode(404);
        given().get(location).then().statusCode(401);
    }

    @Test
    void aRunWhoseInstanceStoppedSayingItWorksOnItIsStoppedAndAnotherMayStart() {
        Recounts.catalogLists(catalog, Recounts.liveEvents(pool));
        given().put(catalog + "/api/events/pace?millis=3000").then().statusCode(204);
        String abandoned = Recounts.start(false);
        // as if another instance had run it and been killed a while ago
        pool.query("update recount_run set heartbeat = now() - interval '5 minutes', owner = 'a-killed-instance' where state = 'running'").execute()
                .await().atMost(Duration.ofSeconds(30));
        given().header("Authorization", Recounts.KEY).get(abandoned).then().statusCode(200)
                .body("state", equalTo("stopped")).body("error", containsString("stopped working on it"));

        given().put(catalog + "/api/events/pace?millis=0").then().statusCode(204);
        Recounts.run(false).body("state", equalTo("done")).body("matches", equalTo(true));
        given().header("Authorization", Recounts.KEY).get(abandoned).then().statusCode(200).body("state", equalTo("stopped"));
        given().header("Authorization", Recounts.KEY).post(abandoned + "/resume").then().statusCode(409)
                .body("detail", containsString("not the latest"));
    }

    @Test
    void aRecountStoppedHalfWayGoesOnWhereItWasAndCountsNothingTwice() {
        // more than two pages: the live events, listed again and again (a version read again changes nothing)
        JsonArray live = new JsonArray(Recounts.liveEvents(pool));
        JsonArray listed = new JsonArray();
        while (listed.size() <= 2 * recount.pageSize()) {
            listed.addAll(live);
        }
        Recounts.catalogLists(catalog, listed.encode());
        // the catalog refuses every page after the first
        given().put(catalog + "/api/events/refuse?after=" + recount.pageSize()).then().statusCode(204);

        String location = Recounts.start(true);
        Recounts.ended(location).body("state", equalTo("stopped")).body("changes", equalTo(recount.pageSize()))
                .body("position", equalTo(Integer.toString(recount.pageSize()))).body("error", containsString("400"));

        given().put(catalog + "/api/events/refuse?after=-1").then().statusCode(204);
        given().header("Authorization", Recounts.KEY).post(location + "/resume").then().statusCode(202)
                .header("Location", location);
        Recounts.ended(location).body("state", equalTo("done")).body("changes", equalTo(listed.size()))
                .body("matches", equalTo(true)).body("replaced", equalTo(false)).body("error", equalTo(null));
        given().get("/api/aggregates/countries/GL").then().statusCode(200).body("events", equalTo(2));
    }
}

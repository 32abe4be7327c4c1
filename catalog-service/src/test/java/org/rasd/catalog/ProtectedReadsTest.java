package org.rasd.catalog;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.rasd.testing.KafkaTestResource;
import org.rasd.testing.PostgresTestResource;

import java.util.Map;

import static io.restassured.RestAssured.given;

/** With rasd.auth.protect-reads, reads need a key too; health stays open for the orchestrator. */
@QuarkusTest
@TestProfile(ProtectedReadsTest.ProtectReads.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class ProtectedReadsTest {

    public static class ProtectReads implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rasd.auth.protect-reads", "true");
        }
    }

    @Test
    void readsNeedAKeyWhenTheSettingSaysSo() {
        given().get("/api/events").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer wrong").get("/api/articles/a").then().statusCode(401);
        given().header("Authorization", "Bearer rasd-test-key").get("/api/events").then().statusCode(200);
        given().header("Authorization", "Bearer rasd-test-key").get("/api/articles/a").then().statusCode(404);
        given().get("/q/health/ready").then().statusCode(200);
    }
}

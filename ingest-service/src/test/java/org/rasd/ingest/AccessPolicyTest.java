package org.rasd.ingest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.rasd.testing.KafkaTestResource;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

/** Rate limits per key and cross-origin calls, with settings a deployment would make. */
@QuarkusTest
@TestProfile(AccessPolicyTest.Tight.class)
@QuarkusTestResource(KafkaTestResource.class)
class AccessPolicyTest {

    public static class Tight implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // one token a hundred seconds: however slowly a loaded machine answers the first posts, none comes back
            return Map.of("rasd.auth.write-rate", "0.01", "rasd.auth.write-burst", "2",
                    "quarkus.http.cors.origins", "https://newsroom.example");
        }
    }

    private static final String ARTICLE = "استقبل وزير الداخلية المغربي، أمس بالرباط، نظيره الإسباني لبحث مكافحة الإرهاب.";

    @Test
    void aKeyOverItsWriteRateGets429WithRetryAfter() {
        for (int i = 0; i < 2; i++) {
            given().header("Authorization", "Bearer rasd-test-key").contentType("text/plain; charset=UTF-8").body(ARTICLE + i)
                    .post("/api/articles").then().statusCode(202);
        }
        given().header("Authorization", "Bearer rasd-test-key").contentType("text/plain; charset=UTF-8").body(ARTICLE)
                .post("/api/articles").then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]?|100")); // the next token comes within 1 / 0.01 s
    }

    @Test
    void onlyConfiguredOriginsMayCallFromABrowser() {
        given().header("Origin", "https://newsroom.example").header("Access-Control-Request-Method", "POST")
                .options("/api/articles").then().header("Access-Control-Allow-Origin", equalTo("https://newsroom.example"));
        given().header("Origin", "https://elsewhere.example").header("Access-Control-Request-Method", "POST")
                .options("/api/articles").then().header("Access-Control-Allow-Origin", nullValue());
    }
}

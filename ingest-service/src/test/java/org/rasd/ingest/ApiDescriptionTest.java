package org.rasd.ingest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.rasd.testing.KafkaTestResource;
import org.rasd.testing.OpenApiContracts;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /q/openapi} describes what posting articles takes and answers, refusals included. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class ApiDescriptionTest {

    private static final String ARTICLE = Batches.line(Map.of("url", "https://news.example.ma/api-description/hammouchi",
            "title", "حموشي يستقبل المفوض العام للاستعلامات الإسبانية", "publishedAt", "2024-02-13", "text", Batches.ARTICLE));
    private static final String WITHOUT_TEXT = Batches.line(Map.of("url", "https://news.example.ma/api-description/empty",
            "title", "بلا نص"));

    private static RequestSpecification client() {
        return given().header("Authorization", "Bearer rasd-test-key").contentType("application/json");
    }

    @Test
    void postedArticlesAndTheirAnswersFollowTheSchemasTheDescriptionGives() {
        OpenApiContracts api = OpenApiContracts.served();
        api.assertRequestFollows("POST", "/api/articles", "application/json", ARTICLE);
        api.assertAnswerFollows("POST", "/api/articles", client().body(ARTICLE).post("/api/articles"));
        api.assertAnswerFollows("POST", "/api/articles", client().body(WITHOUT_TEXT).post("/api/articles"));
        api.assertAnswerFollows("POST", "/api/articles", client().body("[]").post("/api/articles"));

        byte[] batch = Batches.body(List.of(ARTICLE, WITHOUT_TEXT));
        api.assertRequestFollows("POST", "/api/articles/batch", "application/x-ndjson", new String(batch, StandardCharsets.UTF_8));
        api.assertAnswerFollows("POST", "/api/articles/batch", Batches.client().body(batch).post("/api/articles/batch"));

        api.assertAnswerFollows("GET", "/api/admin/reextract/{id}", client().get("/api/admin/reextract/none"));
        api.assertAnswerFollows("POST", "/api/admin/reextract", client().queryParam("from", "yesterday").post("/api/admin/reextract"));
        api.assertAnswerFollows("POST", "/api/admin/reextract/{id}/resume", client().post("/api/admin/reextract/none/resume"));
        api.assertDescribed(api.responseSchema("POST", "/api/admin/reextract", 202, "application/json"), "a started re-extraction");
        api.assertDescribed(api.responseSchema("GET", "/api/feeds", 200, "application/json"), "the feeds");
        api.assertExamplesFollow();
    }

    @Test
    void writesAndAdminCallsAskForTheKey() {
        OpenApiContracts api = OpenApiContracts.served();
        assertTrue(api.asksForTheKey("POST", "/api/articles"));
        assertTrue(api.asksForTheKey("POST", "/api/articles/batch"));
        assertTrue(api.asksForTheKey("GET", "/api/feeds"), "an admin path, read or not");
        assertTrue(api.asksForTheKey("GET", "/api/admin/reextract/{id}"));
        assertTrue(api.asksForTheKey("POST", "/api/admin/reextract/{id}/resume"));
    }
}

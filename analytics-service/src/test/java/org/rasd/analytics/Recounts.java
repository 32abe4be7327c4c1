package org.rasd.analytics;

import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Recounts as the tests run them: against a {@link CatalogStub} that lists what analytics counted, to the end. */
public final class Recounts {

    public static final String KEY = "Bearer rasd-test-key";

    /** Every live counted version as the catalog would list it: what a recount of a catalog that agrees reads. */
    private static final String LIVE_EVENTS = """
            select coalesce(json_agg(json_build_object(
                'id', event_id, 'version', version, 'articleId', article_id, 'incidentId', incident_id, 'type', event_type,
                'countries', string_to_array(countries, ','), 'themes', string_to_array(themes, ','),
                'acceptedAt', to_char(accepted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                'subject', case when actor is not null then json_build_object('country', actor) end,
                'partners', (select coalesce(json_agg(json_build_object('country', partner)), '[]')
                             from unnest(string_to_array(partners, ',')) partner),
                'date', case when date_value is not null then json_build_object('value', date_value) end) order by event_id), '[]')::text
            from counted_event where not removed""";

    /** The live counted versions, as a JSON array of event messages. */
    public static String liveEvents(Pool pool) {
        return pool.query(LIVE_EVENTS).execute().await().atMost(Duration.ofSeconds(30)).iterator().next().getString(0);
    }

    /** Has the catalog stub list {@code events} (a JSON array of event messages). */
    public static void catalogLists(String catalogUrl, String events) {
        given().contentType("application/json").body(events).put(catalogUrl + "/api/events").then().statusCode(204);
    }

    /** Starts a recount; its Location. */
    public static String start(boolean replace) {
        return given().header("Authorization", KEY).queryParam("replace", replace).post("/api/admin/recount")
                .then().statusCode(202).extract().header("Location");
    }

    /** Waits until the run at {@code location} is no longer running; its progress then. */
    public static ValidatableResponse ended(String location) {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> !"running".equals(given().header("Authorization", KEY).get(location).path("state")));
        return given().header("Authorization", KEY).get(location).then().statusCode(200);
    }

    /** Runs a recount to its end; its progress then. */
    public static ValidatableResponse run(boolean replace) {
        return ended(start(replace));
    }

    private Recounts() {
    }
}

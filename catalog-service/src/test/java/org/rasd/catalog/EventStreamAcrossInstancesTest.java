package org.rasd.catalog;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.rasd.catalog.event.StoreNotifications;
import org.rasd.testing.KafkaTestResource;
import org.rasd.testing.PostgresTestResource;
import org.rasd.testing.SseClient;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A reader of one catalog instance's event stream gets what another instance stores as soon as it is committed, not
 * at its recheck, which this profile makes ten minutes long. The other instance is a connection of its own that writes
 * what a join writes (removals here, which the stream carries whatever its filters) and says so on the channel, as
 * JoinRelay does; this instance stores nothing meanwhile (a broker and a database of this profile's own).
 */
@QuarkusTest
@TestProfile(EventStreamAcrossInstancesTest.LongRecheck.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class EventStreamAcrossInstancesTest {

    public static class LongRecheck implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rasd.catalog.stream.idle-recheck", "10m");
        }
    }

    private static final String ARTICLE = "a0000000000000a1";

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @ConfigProperty(name = "quarkus.datasource.username")
    String user;
    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Inject
    MeterRegistry registry;

    @Test
    void aReaderWaitingAtTheEndIsWokenByAnotherInstancesStore() throws Exception {
        try (Connection otherInstance = DriverManager.getConnection(jdbcUrl, user, password);
             SseClient reader = SseClient.open("http://localhost:" + RestAssured.port + "/api/events/stream", null)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> listening(otherInstance));
            await().atMost(Duration.ofSeconds(30)).until(() -> registry.get("rasd.catalog.stream.waiting").gauge().value() >= 1);

            // written without a word: the reader keeps waiting, as it would for its recheck
            remove(otherInstance, "a0000000000000e1", false);
            assertEquals(List.of(), reader.more(Duration.ofSeconds(2)), "nothing wakes the reader but the word of a store");

            remove(otherInstance, "a0000000000000e2", true);
            assertEquals(List.of("a0000000000000e1", "a0000000000000e2"), reader.take(2, Duration.ofSeconds(60)).stream()
                    .map(removal -> JsonPath.from(removal.data()).getString("id")).toList());
        }
    }

    /** Whether this instance listens on the channel: a session of the database has run its LISTEN, and is done. */
    private static boolean listening(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "select count(*) from pg_stat_activity where query like 'LISTEN %' and position(? in query) > 0 and state = 'idle'")) {
            query.setString(1, StoreNotifications.CHANNEL);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1) > 0;
            }
        }
    }

    /** Takes an event away as another instance's join does: in one transaction, saying so on the channel when told to. */
    private static void remove(Connection connection, String eventId, boolean notify) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement removal = connection.prepareStatement(
                "insert into event_removal (event_id, version, article_id) values (?, 2, ?)");
             PreparedStatement word = connection.prepareStatement("select pg_notify(?, 'another-instance')")) {
            removal.setString(1, eventId);
            removal.setString(2, ARTICLE);
            removal.executeUpdate();
            if (notify) {
                word.setString(1, StoreNotifications.CHANNEL);
                word.executeQuery().close();
            }
            connection.commit();
        }
    }
}

package org.rasd.analytics.counting;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.rasd.analytics.CatalogStub;
import org.rasd.testing.KafkaTestResource;
import org.rasd.testing.PostgresTestResource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * V16 moves each incident's memberships from the twelve membership tables into its own row, named as counting names
 * them: a database counted before the upgrade goes on counting the same incidents in the same rows.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "analytics"))
@QuarkusTestResource(CatalogStub.class)
class IncidentMembersMigrationTest {

    private static final String SCHEMA = "before_incident_members";

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Test
    void eachIncidentsMembershipsBecomeItsMembersNamedAsCountingNamesThem() throws SQLException {
        flyway("15").clean();
        flyway("15").migrate();
        try (Connection connection = DriverManager.getConnection(url, user, password); Statement sql = connection.createStatement()) {
            sql.execute("set search_path to " + SCHEMA);
            sql.execute("insert into counted_incident (incident_id, refs) values ('visit', 3), ('call', 1)");
            sql.execute("insert into country_incident values ('MA', 'visit', 3), ('ES', 'visit', 2), ('FR', 'call', 1)");
            sql.execute("insert into theme_incident values ('TERRORISM', 'visit', 3)");
            sql.execute("insert into period_country_incident values ('day', '2024-02-13', 'MA', 'visit', 2), ('day', '2024-02-14', 'MA', 'visit', 1)");
            sql.execute("insert into period_pair_incident values ('year', '2024-01-01', 'MA', 'ES', 'visit', 3)");
            sql.execute("insert into period_country_theme_incident values ('month', '2024-02-01', 'MA', 'TERRORISM', 'visit', 3)");

            flyway("16").migrate();

            Map<String, Map<String, Object>> members = new TreeMap<>();
            try (ResultSet rows = sql.executeQuery("select incident_id, members::text from counted_incident")) {
                while (rows.next()) {
                    members.put(rows.getString(1), new JsonObject(rows.getString(2)).getMap());
                }
            }
            assertEquals(Map.of(
                    "visit", Map.of("COUNTRY|ES", 2, "COUNTRY|MA", 3, "THEME|TERRORISM", 3, "PERIOD_COUNTRY|day|2024-02-13|MA", 2,
                            "PERIOD_COUNTRY|day|2024-02-14|MA", 1, "PERIOD_PAIR|year|2024-01-01|MA|ES", 3,
                            "PERIOD_COUNTRY_THEME|month|2024-02-01|MA|TERRORISM", 3),
                    "call", Map.of("COUNTRY|FR", 1)), members);
            // and counting reads those names back as the rows they were

            assertEquals(new BatchCounts.Row(BatchCounts.Dimension.PERIOD_PAIR, BatchCounts.Key.of("year", "2024-01-01", "MA", "ES")),
                    BatchCounts.Row.named("PERIOD_PAIR|year|2024-01-01|MA|ES"));
            try (ResultSet tables = sql.executeQuery(
                    "select 1 from information_schema.tables where table_schema = '" + SCHEMA + "' and table_name like '%incident' and table_name <> 'counted_incident'")) {
                assertFalse(tables.next(), "the membership tables are gone");
            }
        } finally {
            flyway("16").clean();
        }
    }

    private Flyway flyway(String target) {
        return Flyway.configure().dataSource(url, user, password).schemas(SCHEMA).createSchemas(true).cleanDisabled(false)
                .locations("classpath:db/migration").target(target).load();
    }
}

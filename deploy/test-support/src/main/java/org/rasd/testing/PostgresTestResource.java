package org.rasd.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.rasd.embedded.PostgresServer;

import java.nio.file.Path;
import java.util.Map;

/**
 * Starts one real PostgreSQL server on a free port for the test run and creates the database named by the
 * {@code database} argument; points both the reactive client and Flyway's JDBC connection at it.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private String database;
    private Path dataDirectory;
    private PostgresServer postgres;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", "rasd");
    }

    @Override
    public Map<String, String> start() {
        dataDirectory = TestDirectories.create("postgres");
        postgres = PostgresServer.start(dataDirectory.resolve("data"), 0, PostgresServer.Durability.THROWAWAY);
        postgres.createDatabases(database);
        return Map.of(
                "quarkus.datasource.reactive.url", postgres.reactiveUrl(database),
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(database),
                "quarkus.datasource.username", PostgresServer.USER,
                "quarkus.datasource.password", PostgresServer.PASSWORD);
    }

    @Override
    public void stop() {
        if (postgres != null) {
            postgres.close();
        }
        TestDirectories.delete(dataDirectory);
    }
}

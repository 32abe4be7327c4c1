package org.rasd.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/** Real PostgreSQL binaries run as a child process, keeping their data in a directory of ours. */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    /** Whether a commit survives a crash once it returns. */
    public enum Durability {
        /** A real server's settings ({@code fsync} and {@code synchronous_commit} on): for data that must be kept. */
        DURABLE,
        /** The embedded library's defaults (neither): for throw-away test databases. */
        THROWAWAY
    }

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private PostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /**
     * @param dataDirectory the cluster's data directory; initialised on first use, kept afterwards
     * @param port the port, 0 for any free one
     */
    public static PostgresServer start(Path dataDirectory, int port, Durability durability) {
        try {
            Files.createDirectories(dataDirectory.getParent());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "100")
                    // where the statements' time goes, for deploy/bench (CREATE EXTENSION pg_stat_statements to read it)
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements");
            if (durability == Durability.DURABLE) {
                // The library starts the server with -F (fsync off) and synchronous_commit off; these come later
                // on its command line and win.
                builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
            }
            if (port > 0) {
                builder.setPort(port);
            }
            return new PostgresServer(builder.start(), dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The postmaster's process, as its pid file names it. */
    public Optional<ProcessHandle> process() {
        try {
            String pid = Files.readAllLines(dataDirectory.resolve("postmaster.pid")).getFirst().strip();
            return ProcessHandle.of(Long.parseLong(pid));
        } catch (IOException | RuntimeException gone) {
            return Optional.empty();
        }
    }

    public boolean isAlive() {
        return process().map(ProcessHandle::isAlive).orElse(false);
    }

    public String host() {
        return "localhost";
    }

    public int port() {
        return postgres.getPort();
    }

    /** Creates each database that does not exist yet. */
    public void createDatabases(String... names) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            for (String name : names) {
                try (ResultSet existing = statement.executeQuery(
                        "select 1 from pg_database where datname = '" + name.replace("'", "''") + "'")) {
                    if (existing.next()) {
                        continue;
                    }
                }
                statement.execute("create database \"" + name.replace("\"", "\"\"") + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create databases", e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
    }

    public String reactiveUrl(String database) {
        return "postgresql://" + host() + ":" + port() + "/" + database;
    }

    /** Stops a server that may already be dead, and frees its data directory for the next start. */
    public void closeQuietly() {
        try {
            close();
        } catch (RuntimeException alreadyDead) {
            // pg_ctl stop fails on a killed server; the directory lock is released all the same
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.rasd.bench;

import org.rasd.embedded.PostgresServer;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the catalog and analytics databases say about the articles of a step: how many arrived, when the last
 * did, and how long each took from its acceptance by ingest ({@code accepted_at}, when the schema has it).
 */
final class StackDatabases implements AutoCloseable {

    /** How far a step's articles have come through the pipeline. */
    record Progress(long stored, Instant lastStored, long storedEvents, long countedEvents, long countedArticles,
                    Instant lastCounted) {

        boolean drained(int accepted) {
            return stored == accepted && countedEvents == storedEvents;
        }
    }

    /** Two percentiles of a latency, in milliseconds. */
    record Percentiles(double p50, double p99) {
    }

    /** The whole catalog and analytics, for the end-of-run check. */
    record Totals(long articles, long storedEvents, long countedEvents) {
    }


    /**
     * Membership in the ids passed as one array, as a semi-join the planner hashes. Not {@code = any(?)}: from the sixth
     * execution of a statement PostgreSQL may use a generic plan, which searches the array row by row, and on the
     * unindexed {@code article_id} columns the end check of 190,000 ids over a million counted events then ran for
     * more than ten minutes.
     */
    private static final String AMONG_IDS = " in (select unnest(?::text[]))";

    private final Connection catalog;
    private final Connection analytics;

    StackDatabases(String postgresAddress) throws SQLException {
        catalog = connect(postgresAddress, "catalog");
        analytics = connect(postgresAddress, "analytics");
    }

    static Connection connect(String address, String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + address + "/" + database, PostgresServer.USER,
                PostgresServer.PASSWORD);
    }

    Progress progress(List<String> ids) throws SQLException {
        long stored;
        Instant lastStored;
        long storedEvents;
        long countedEvents;
        long countedArticles;
        Instant lastCounted;
        try (PreparedStatement query = catalog.prepareStatement(
                "select count(*), max(stored_at), (select count(*) from catalog_event where article_id" + AMONG_IDS + ") "
                + "from article where id" + AMONG_IDS)) {
            Array array = catalog.createArrayOf("text", ids.toArray());
            query.setArray(1, array);
            query.setArray(2, array);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                stored = row.getLong(1);
                lastStored = instant(row.getTimestamp(2));
                storedEvents = row.getLong(3);
            }
        }
        try (PreparedStatement query = analytics.prepareStatement(
                "select count(*), count(distinct article_id), max(counted_at) from counted_event where article_id" + AMONG_IDS)) {
            query.setArray(1, analytics.createArrayOf("text", ids.toArray()));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                countedEvents = row.getLong(1);
                countedArticles = row.getLong(2);
                lastCounted = instant(row.getTimestamp(3));
            }
        }
        return new Progress(stored, lastStored, storedEvents, countedEvents, countedArticles, lastCounted);
    }

    /** {@code stored_at - accepted_at} over the step's articles. */
    Optional<Percentiles> postToStored(List<String> ids) throws SQLException {
        return percentiles(catalog, "select percentile_cont(array[0.5, 0.99]) within group "
                + "(order by extract(epoch from stored_at - accepted_at) * 1000) from article where id" + AMONG_IDS, ids);
    }

    /** Per article, from its acceptance to the counting of its last event. */
    Optional<Percentiles> postToCounted(List<String> ids) throws SQLException {
        return percentiles(analytics, "select percentile_cont(array[0.5, 0.99]) within group (order by millis) from "
                + "(select extract(epoch from max(counted_at) - min(accepted_at)) * 1000 as millis from counted_event "
                + "where article_id" + AMONG_IDS + " group by article_id) as per_article", ids);
    }

    private static Optional<Percentiles> percentiles(Connection connection, String sql, List<String> ids) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setArray(1, connection.createArrayOf("text", ids.toArray()));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                Array values = row.getArray(1);
                if (values == null) {
                    return Optional.empty();
                }
                Object[] both = (Object[]) values.getArray();
                if (both[0] == null || both[1] == null) {
                    return Optional.empty(); // no article of the step got there
                }
                return Optional.of(new Percentiles(((Number) both[0]).doubleValue(), ((Number) both[1]).doubleValue()));
            }
        }
    }

    Totals totals() throws SQLException {
        return new Totals(count(catalog, "article"), count(catalog, "catalog_event"), count(analytics, "counted_event"));
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (var statement = connection.createStatement(); ResultSet row = statement.executeQuery("select count(*) from " + table)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    @Override
    public void close() throws SQLException {
        try (catalog; analytics) {
            // both closed, the second even when the first fails
        }
    }
}

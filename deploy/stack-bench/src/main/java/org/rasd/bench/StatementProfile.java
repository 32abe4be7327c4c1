package org.rasd.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Where PostgreSQL's time goes over the steps: {@code pg_stat_statements} (the embedded server preloads it), read
 * through the {@code postgres} database so that the services' own keep no extension of the bench's.
 */
final class StatementProfile implements AutoCloseable {

    /** The statements the table lists, the costliest first. */
    static final int TOP = 12;
    /** How much of a statement's text a row shows: enough to tell which it is. */
    private static final int TEXT = 90;

    /** One normalised statement's share of the run. */
    record Row(String database, long calls, double totalMillis, long rows, String text) {
    }

    private final Connection postgres;

    StatementProfile(String postgresAddress) throws SQLException {
        postgres = StackDatabases.connect(postgresAddress, "postgres");
        try (Statement statement = postgres.createStatement()) {
            statement.execute("create extension if not exists pg_stat_statements");
        }
    }

    /** Forgets what was measured so far: the profile covers what runs from now on. */
    void reset() throws SQLException {
        try (Statement statement = postgres.createStatement()) {
            statement.execute("select pg_stat_statements_reset()");
        }
    }

    /** Every statement of the services' databases since the reset, the costliest first (the bench's own reads among them). */
    List<Row> read() throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Statement statement = postgres.createStatement(); ResultSet found = statement.executeQuery("""
                select d.datname, s.calls, s.total_exec_time, s.rows, regexp_replace(s.query, '\\s+', ' ', 'g')
                from pg_stat_statements s join pg_database d on d.oid = s.dbid
                where d.datname in ('catalog', 'analytics')
                order by s.total_exec_time desc""")) {
            while (found.next()) {
                rows.add(new Row(found.getString(1), found.getLong(2), found.getDouble(3), found.getLong(4), found.getString(5)));
            }
        }
        return rows;
    }

    /**
     * The statements measured over a phase, and the work done meanwhile: {@code done} units (articles, events),
     * each {@code verb} (stored, counted).
     */
    record Figures(List<Row> rows, long done, String unit, String verb, String phase) {

        /**
         * The total, per service's database too, and the costliest statements with their share of all the services'
         * statement time and their cost per unit of work.
         */
        String report() {
            double total = rows.stream().mapToDouble(Row::totalMillis).sum();
            String byDatabase = rows.stream()
                    .collect(Collectors.groupingBy(Row::database, TreeMap::new, Collectors.summingDouble(Row::totalMillis)))
                    .entrySet().stream()
                    .map(database -> String.format(Locale.ROOT, "%s %.2f", database.getKey(), database.getValue() / Math.max(1, done)))
                    .collect(Collectors.joining(", "));
            return String.format(Locale.ROOT, "%nPostgreSQL's statement time %s (pg_stat_statements): %.1f s for %,d %ss %s, %.2f ms an %s (%s); "
                            + "the %d costliest statements:%n",
                    phase, total / 1000, done, unit, verb, total / Math.max(1, done), unit, byDatabase, TOP) + table(total).render();
        }

        private TextTable table(double total) {
            TextTable table = new TextTable(List.of("database", "share", "ms/" + unit, "calls", "ms/call", "rows/call",
                    "statement"));
            rows.stream().limit(TOP).forEach(row -> table.add(List.of(row.database(),
                    String.format(Locale.ROOT, "%.1f%%", 100 * row.totalMillis() / total),
                    String.format(Locale.ROOT, "%.3f", row.totalMillis() / Math.max(1, done)),
                    TextTable.whole(row.calls()),
                    String.format(Locale.ROOT, "%.2f", row.totalMillis() / Math.max(1, row.calls())),
                    TextTable.whole((double) row.rows() / Math.max(1, row.calls())),
                    row.text().length() > TEXT ? row.text().substring(0, TEXT) + "…" : row.text())));
            return table;
        }
    }

    @Override
    public void close() throws SQLException {
        postgres.close();
    }
}

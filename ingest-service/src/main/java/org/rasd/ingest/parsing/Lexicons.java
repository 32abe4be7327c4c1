package org.rasd.ingest.parsing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the curated language data under {@code src/main/resources/language}: tab-separated tables, # for
 * comments, whose first other line names the columns. Rows are read by column name, so a column can be added
 * or moved without touching the code that reads the table.
 */
public final class Lexicons {

    /** One row of a table; {@link #get} names the column. */
    public record Row(String resource, int line, Map<String, Integer> columns, String[] cells) {

        public String get(String column) {
            Integer index = columns.get(column);
            if (index == null) {
                throw new IllegalStateException(resource + " has no column '" + column + "' (it has " + columns.keySet() + ")");
            }
            return cells[index];
        }
    }

    /** The rows of a resource table, after its header line. */
    public static List<Row> table(String resource) {
        String path = "/language/" + resource;
        try (InputStream in = Lexicons.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing language resource " + path);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, Integer> columns = null;
            List<Row> rows = new ArrayList<>();
            int number = 0;
            for (String line; (line = reader.readLine()) != null; ) {
                number++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] cells = trimmed.split("\t");
                if (columns == null) {
                    columns = new HashMap<>();
                    for (int i = 0; i < cells.length; i++) {
                        columns.put(cells[i].strip(), i);
                    }
                } else if (cells.length != columns.size()) {
                    throw new IllegalStateException(resource + " line " + number + " has " + cells.length
                            + " cells, its header names " + columns.size());
                } else {
                    rows.add(new Row(resource, number, columns, cells));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Lexicons() {
    }
}

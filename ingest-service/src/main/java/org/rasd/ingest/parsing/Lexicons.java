package org.rasd.ingest.parsing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the curated language data under {@code src/main/resources/language}: tab-separated, # for comments. */
public final class Lexicons {

    /** The rows of a resource file, each split on tabs. */
    public static List<String[]> rows(String resource) {
        String path = "/language/" + resource;
        try (InputStream in = Lexicons.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing language resource " + path);
            }
            List<String[]> rows = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    rows.add(trimmed.split("\t"));
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

package org.rasd.support.csv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.smallrye.mutiny.Multi;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Rows of records as CSV text (RFC 4180), the columns in the order the record's {@code @JsonPropertyOrder} gives, a
 * header line first. Written a group of rows at a time, so that a stream of rows of any length is never held whole.
 */
public final class CsvRows {

    /** Rows written at once. */
    public static final int GROUP = 500;
    /** Quotes a cell only when it must (a comma, a quote, a line break): ids and dates stay bare. */
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

    /** The header, then the rows, as text to send as it comes. */
    public static <R> Multi<String> of(Class<R> rowType, Multi<R> rows) {
        CsvSchema schema = CSV.schemaFor(rowType);
        String header = StreamSupport.stream(schema.spliterator(), false).map(CsvSchema.Column::getName)
                .collect(Collectors.joining(",", "", "\n"));
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(header),
                rows.group().intoLists().of(GROUP).map(group -> write(schema, group)));
    }

    private static String write(CsvSchema schema, List<?> rows) {
        try {
            return CSV.writer(schema).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A row could not be written as CSV", e);
        }
    }

    private CsvRows() {
    }
}

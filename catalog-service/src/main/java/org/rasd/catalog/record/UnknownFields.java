package org.rasd.catalog.record;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fields of a part of an event that the catalog's records do not know: those a newer extractor adds. The
 * catalog is a tolerant reader that keeps them, so they reach the event messages without a change here: each record
 * writes them back after the fields it knows. Jackson hands them to a record's constructor in a map of no order
 * (their order in the JSON is lost), so they are written in name order, the same every time.
 */
final class UnknownFields {

    static Map<String, JsonNode> inNameOrder(Map<String, JsonNode> fields) {
        return fields == null || fields.isEmpty() ? Map.of() : Collections.unmodifiableSortedMap(new TreeMap<>(fields));
    }

    private UnknownFields() {
    }
}

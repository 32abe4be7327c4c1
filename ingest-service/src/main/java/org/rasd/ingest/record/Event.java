package org.rasd.ingest.record;

import java.util.List;

/** One event an article reports, with the span of text that reports it. */
public record Event(
        String id,
        String type,
        String cameo,
        Actor subject,
        List<Actor> partners,
        List<String> organisations,
        EventDate date,
        Location location,
        List<String> themes,
        Evidence evidence,
        double confidence) {

    /** A party to the event: a country, and the person and role when the text names them. */
    public record Actor(String country, String name, String role) {
    }

    /** {@code value} is {@code YYYY-MM-DD}, {@code YYYY-MM} or {@code YYYY} to match {@code precision}. */
    public record EventDate(String value, String precision) {
    }

    public record Location(String country, String place) {
    }

    /** UTF-16 offsets into the record's text, end exclusive. */
    public record Evidence(int start, int end) {
    }
}

package org.rasd.catalog.record;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** An event of an article record, with the span of text that reports it ({@code articles.schema.json#/$defs/event}). */
@Schema(requiredProperties = {"id", "type", "cameo", "subject", "partners", "organisations", "date", "location", "themes", "evidence",
        "confidence"})
public record Event(
        @Schema(pattern = HEX_ID) String id,
        @Schema(description = "An event type of deploy/spec/taxonomy.md.", examples = "HOST") String type,
        @Schema(nullable = true, pattern = "^[0-9]{3}$", description = "The CAMEO code of the type, where it has one.") String cameo,
        @Schema(nullable = true, description = "The acting party; null when the text names none.") Actor subject,
        List<Actor> partners,
        @Schema(description = "Codes of international or national bodies.", examples = "[\"INTERPOL\"]") List<String> organisations,
        @Schema(nullable = true, description = "Null when the text does not date the act.") EventDate date,
        @Schema(nullable = true) Location location,
        List<String> themes,
        Evidence evidence,
        @Schema(minimum = "0", maximum = "1") double confidence) {

    static final String HEX_ID = "^[0-9a-f]{16}$";
    static final String COUNTRY = "^[A-Z]{2}$";

    /** A party to the event: a country, and the person and role when the text names them. */
    public record Actor(@Schema(pattern = COUNTRY) String country,
                        @Schema(nullable = true, examples = "عبد اللطيف حموشي") String name,
                        @Schema(nullable = true, examples = "المدير العام للأمن الوطني ومراقبة التراب الوطني") String role) {
    }

    /** When the act took place, to the precision the text gives. */
    public record EventDate(@Schema(pattern = "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$", examples = "2024-02-13") String value,
                            @Schema(enumeration = {"day", "month", "year"}) String precision) {
    }

    public record Location(@Schema(pattern = COUNTRY) String country, @Schema(nullable = true, examples = "الرباط") String place) {
    }

    /** UTF-16 offsets into the record's text, end exclusive, of the sentence or clause that reports the event. */
    public record Evidence(@Schema(minimum = "0") int start, @Schema(minimum = "0") int end) {
    }
}

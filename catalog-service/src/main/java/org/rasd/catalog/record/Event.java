package org.rasd.catalog.record;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.rasd.support.incident.ActReport;

import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An event of an article record, with the span of text that reports it ({@code articles.schema.json#/$defs/event}):
 * what the catalog reads from the {@code articles} topic, stores and sends on in its event messages. Each part keeps
 * the fields a newer extractor adds ({@code unknownFields}, see {@link UnknownFields}), so they reach the messages
 * untouched. A list the record leaves out reads as empty.
 */
@JsonInclude(JsonInclude.Include.ALWAYS) // the schema requires the nullable fields, whatever the mapper's default
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
        @Schema(minimum = "0", maximum = "1") double confidence,
        @JsonAnySetter @JsonAnyGetter @Schema(hidden = true) Map<String, JsonNode> unknownFields) {

    static final String HEX_ID = "^[0-9a-f]{16}$";
    static final String COUNTRY = "^[A-Z]{2}$";

    public Event {
        partners = Objects.requireNonNullElse(partners, List.of());
        organisations = Objects.requireNonNullElse(organisations, List.of());
        themes = Objects.requireNonNullElse(themes, List.of());
        unknownFields = UnknownFields.inNameOrder(unknownFields);
    }

    /** A party to the event: a country, and the person and role when the text names them. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Actor(@Schema(pattern = COUNTRY) String country,
                        @Schema(nullable = true, examples = "عبد اللطيف حموشي") String name,
                        @Schema(nullable = true, examples = "المدير العام للأمن الوطني ومراقبة التراب الوطني") String role,
                        @JsonAnySetter @JsonAnyGetter @Schema(hidden = true) Map<String, JsonNode> unknownFields) {

        public Actor {
            unknownFields = UnknownFields.inNameOrder(unknownFields);
        }
    }

    /** When the act took place, to the precision the text gives. */
    public record EventDate(@Schema(pattern = "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$", examples = "2024-02-13") String value,
                            @Schema(enumeration = {"day", "month", "year"}) String precision,
                            @JsonAnySetter @JsonAnyGetter @Schema(hidden = true) Map<String, JsonNode> unknownFields) {

        public EventDate {
            unknownFields = UnknownFields.inNameOrder(unknownFields);
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Location(@Schema(pattern = COUNTRY) String country, @Schema(nullable = true, examples = "الرباط") String place,
                           @JsonAnySetter @JsonAnyGetter @Schema(hidden = true) Map<String, JsonNode> unknownFields) {

        public Location {
            unknownFields = UnknownFields.inNameOrder(unknownFields);
        }
    }

    /** UTF-16 offsets into the record's text, end exclusive, of the sentence or clause that reports the event. */
    public record Evidence(@Schema(minimum = "0") int start, @Schema(minimum = "0") int end,
                           @JsonAnySetter @JsonAnyGetter @Schema(hidden = true) Map<String, JsonNode> unknownFields) {

        public Evidence {
            unknownFields = UnknownFields.inNameOrder(unknownFields);
        }
    }

    /** Every country the event involves: its subject's, its partners', its location's, in that order, each once. */
    public List<String> involvedCountries() {
        Set<String> countries = new LinkedHashSet<>();
        if (subject != null) {
            countries.add(subject.country());
        }
        partners.forEach(partner -> countries.add(partner.country()));
        if (location != null) {
            countries.add(location.country());
        }
        countries.removeIf(country -> country == null || country.isBlank());
        return List.copyOf(countries);
    }

    /** The sentence that reports the event, in its article's text; null without evidence, or with offsets outside it. */
    public String evidenceIn(String text) {
        if (evidence == null) {
            return null;
        }
        int start = evidence.start();
        int end = evidence.end();
        return start >= 0 && start <= end && end <= text.length() ? text.substring(start, end) : null;
    }

    /** Its themes, each once. */
    public List<String> distinctThemes() {
        return themes.stream().distinct().toList();
    }

    /** The date as the record writes it (a day, a month or a year); null when undated. */
    public String dateValue() {
        return date == null ? null : date.value();
    }

    /** The first and last day the event's date covers: a day, a whole month or a whole year; null when undated. */
    public LocalDate[] period() {
        return ActReport.period(dateValue());
    }

    /** This event without the unknown fields of these names. */
    public Event withoutUnknownFields(Set<String> names) {
        if (Collections.disjoint(unknownFields.keySet(), names)) {
            return this;
        }
        Map<String, JsonNode> kept = new HashMap<>(unknownFields);
        kept.keySet().removeAll(names);
        return new Event(id, type, cameo, subject, partners, organisations, date, location, themes, evidence, confidence, kept);
    }
}

package org.rasd.catalog.event;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.rasd.catalog.record.Event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A version of an event as the catalog publishes it: the event extraction found, with its identity in the catalog.
 * Its id, then the catalog's fields, then the event's fields (those it does not know last), then the incident. Stored
 * without its incident ({@code catalog_event.document}) and read back with {@link #stored}, published once joined
 * into one.
 *
 * @param version     its article's version
 * @param publishedAt as the article record writes it (a day, or an instant with its offset), not rewritten
 * @param acceptedAt  when ingest accepted the article; null when the record did not say
 * @param countries   every country the event involves: its subject's, its partners', its location's, each once
 * @param event       the article record's event; of an unknown field of it named like one of the catalog's, the
 *                    catalog's is written
 * @param incidentId  the incident it was joined into; null before, and then not written
 * @param filing      how many times the event moved to another incident while its article kept this version (a
 *                    correction of another article took away the report that had joined its incident's reports):
 *                    consumers order an event's messages by version, then filing. Not written while 0
 */
@JsonInclude(JsonInclude.Include.ALWAYS) // the topic's schema requires the nullable fields, whatever the mapper's default
@JsonPropertyOrder({"id", "version", "articleId", "articleTitle", "publishedAt", "acceptedAt", "countries", "event", "incidentId", "filing"})
@Schema(description = "An event version as the events topic carries it (deploy/spec/topics/events.schema.json): these fields, "
        + "then every field of the article record's event.", allOf = Event.class, additionalProperties = Schema.True.class)
public record EventVersion(int version, String articleId, @Schema(nullable = true) String articleTitle,
                           @Schema(nullable = true) String publishedAt,
                           @Schema(nullable = true) @JsonFormat(shape = JsonFormat.Shape.STRING) Instant acceptedAt,
                           List<String> countries,
                           @JsonUnwrapped @JsonIgnoreProperties("id") // the message's id is the event's, written first
                           Event event,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String incidentId,
                           @JsonInclude(JsonInclude.Include.NON_DEFAULT) int filing)
        implements EventMessage {

    private static final Set<String> CATALOG_FIELDS =
            Set.of("version", "articleId", "articleTitle", "publishedAt", "acceptedAt", "countries", "incidentId", "filing");

    public EventVersion {
        event = event.withoutUnknownFields(CATALOG_FIELDS);
    }

    /**
     * A message as the catalog stored it, without its incident, in one parse: read as its event, the catalog's fields
     * are among the fields the event does not know, and are taken from there.
     */
    public static EventVersion stored(ObjectMapper mapper, String json) {
        try {
            Event event = mapper.readValue(json, Event.class);
            Map<String, JsonNode> catalogFields = event.unknownFields();
            String acceptedAt = text(catalogFields, "acceptedAt");
            List<String> countries = new ArrayList<>();
            catalogFields.get("countries").forEach(country -> countries.add(country.asText()));
            return new EventVersion(catalogFields.get("version").intValue(), text(catalogFields, "articleId"),
                    text(catalogFields, "articleTitle"), text(catalogFields, "publishedAt"),
                    acceptedAt == null ? null : Instant.parse(acceptedAt), countries, event, null, 0);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored event message is not one", e);
        }
    }

    /** The event's id, which is the message's. */
    @JsonProperty
    public String id() {
        return event.id();
    }

    /** This version filed under its incident for the {@code filing}-th time after the first (0), as it is published. */
    public EventVersion filedUnder(String incidentId, int filing) {
        return new EventVersion(version, articleId, articleTitle, publishedAt, acceptedAt, countries, event, incidentId, filing);
    }

    private static String text(Map<String, JsonNode> fields, String name) {
        JsonNode value = fields.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }
}

package org.rasd.catalog.event;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.rasd.catalog.record.Event;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A version of an event as the catalog publishes it: the event extraction found, with its identity in the catalog.
 * The catalog's own fields are typed; the event's fields pass through as the article record gave them, so fields the
 * record gains later reach the topic untouched. Stored without its incident ({@code catalog_event.document}), and
 * published once joined into one.
 *
 * @param version     its article's version
 * @param publishedAt as the article record writes it (a day, or an instant with its offset), not rewritten
 * @param acceptedAt  when ingest accepted the article; null when the record did not say
 * @param countries   every country the event involves: its subject's, its partners', its location's, each once
 * @param extracted   the article record's event (a message read back from storage: the stored message); of a field
 *                    named like one of the catalog's, the catalog's is written
 * @param incidentId  the incident it was joined into; null before, and then not written
 */
@JsonIgnoreProperties(ignoreUnknown = true) // reading a stored message binds the catalog's fields; the event's stay a tree
@JsonInclude(JsonInclude.Include.ALWAYS) // the topic's schema requires the nullable fields, whatever the mapper's default
@JsonPropertyOrder({"id", "version", "articleId", "articleTitle", "publishedAt", "acceptedAt", "countries", "extractedFields",
        "incidentId"})
@Schema(description = "An event version as the events topic carries it (deploy/spec/topics/events.schema.json): these fields, "
        + "then every field of the article record's event.", allOf = Event.class, additionalProperties = Schema.True.class)
public record EventVersion(String id, int version, String articleId, @Schema(nullable = true) String articleTitle,
                           @Schema(nullable = true) String publishedAt,
                           @Schema(nullable = true) @JsonFormat(shape = JsonFormat.Shape.STRING) Instant acceptedAt,
                           List<String> countries, @JsonIgnore JsonNode extracted,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String incidentId)
        implements EventMessage {

    private static final Set<String> CATALOG_FIELDS =
            Set.of("id", "version", "articleId", "articleTitle", "publishedAt", "acceptedAt", "countries", "incidentId");

    /**
     * A message as the catalog stored it, without its incident. Jackson binds the catalog's fields; the event's stay
     * the tree read, in their order (an any-setter on a record's constructor would not keep it).
     */
    public static EventVersion stored(ObjectMapper mapper, String json) {
        try {
            JsonNode stored = mapper.readTree(json);
            return mapper.treeToValue(stored, EventVersion.class).with(stored, null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored event message is not one", e);
        }
    }

    /** This version joined into its incident, as it is published. */
    public EventVersion filedUnder(String incidentId) {
        return with(extracted, incidentId);
    }

    /** The event's own fields, in its order, after the catalog's fields and before the incident. */
    @JsonAnyGetter
    @JsonProperty(value = "extractedFields", access = JsonProperty.Access.READ_ONLY) // only names their place in the order
    @Schema(hidden = true) // not a field: the API description has them as additional properties
    Map<String, JsonNode> extractedFields() {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        extracted.properties().forEach(field -> {
            if (!CATALOG_FIELDS.contains(field.getKey())) {
                fields.put(field.getKey(), field.getValue());
            }
        });
        return fields;
    }

    private EventVersion with(JsonNode extracted, String incidentId) {
        return new EventVersion(id, version, articleId, articleTitle, publishedAt, acceptedAt, countries, extracted, incidentId);
    }
}

package org.rasd.catalog.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.rasd.support.incident.ActReport;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An article record read from the {@code articles} topic (shape: {@code deploy/spec/article-record.md}),
 * checked for what the catalog relies on. The catalog keeps the JSON as it came, so fields added to the
 * contract later pass through untouched.
 *
 * @param traceparent the trace context the record came with (W3C), kept with its events until their messages are
 *                    sent on; null when it came with none
 */
public record ArticleDocument(String id, ObjectNode json, String payload, OffsetDateTime acceptedAt, String traceparent) {

    /**
     * @param acceptedAt  when ingest accepted the article, or null when the record does not say
     * @param traceparent the record's trace context, or null
     */
    public static ArticleDocument parse(ObjectMapper mapper, String payload, OffsetDateTime acceptedAt, String traceparent) {
        if (payload == null || payload.isBlank()) {
            throw new InvalidArticleException("an empty record");
        }
        JsonNode json;
        try {
            json = mapper.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new InvalidArticleException("not JSON: " + e.getOriginalMessage());
        }
        if (!(json instanceof ObjectNode object)) {
            throw new InvalidArticleException("not a JSON object");
        }
        String id = object.path("id").asText("");
        if (id.isBlank()) {
            throw new InvalidArticleException("no \"id\"");
        }
        if (!object.path("text").isTextual() || !object.path("extractor").isTextual()) {
            throw new InvalidArticleException("article " + id + " lacks \"text\" or \"extractor\"");
        }
        JsonNode events = object.path("events");
        if (!events.isArray()) {
            throw new InvalidArticleException("article " + id + " has no \"events\" array");
        }
        for (JsonNode event : events) {
            if (event.path("id").asText("").isBlank() || event.path("type").asText("").isBlank()) {
                throw new InvalidArticleException("article " + id + " has an event without \"id\" or \"type\"");
            }
        }
        return new ArticleDocument(id, object, payload, acceptedAt, traceparent);
    }

    public String text(String field) {
        JsonNode value = json.path(field);
        return value.isTextual() ? value.asText() : null;
    }

    public List<JsonNode> events() {
        List<JsonNode> events = new ArrayList<>();
        json.path("events").forEach(events::add);
        return events;
    }

    /** The countries an event involves: its subject, its partners and where it took place. */
    public static Set<String> countriesOf(JsonNode event) {
        Set<String> countries = new LinkedHashSet<>();
        addCountry(countries, event.path("subject"));
        event.path("partners").forEach(partner -> addCountry(countries, partner));
        addCountry(countries, event.path("location"));
        return countries;
    }

    private static void addCountry(Set<String> countries, JsonNode actor) {
        String code = actor.path("country").asText("");
        if (!code.isBlank()) {
            countries.add(code);
        }
    }

    public static Set<String> themesOf(JsonNode event) {
        Set<String> themes = new LinkedHashSet<>();
        event.path("themes").forEach(theme -> themes.add(theme.asText()));
        return themes;
    }

    /** The first and last day an event date covers: a day, a whole month or a whole year; null when undated. */
    public static LocalDate[] period(JsonNode event) {
        return ActReport.period(event.path("date").path("value").asText(null));
    }
}

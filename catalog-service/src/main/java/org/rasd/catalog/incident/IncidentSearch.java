package org.rasd.catalog.incident;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.rasd.catalog.article.Article;
import org.rasd.catalog.event.CatalogEvent;
import org.rasd.catalog.event.EventFilter;
import org.rasd.catalog.event.EventSearch;
import org.rasd.catalog.event.NewestFirst;
import org.rasd.catalog.event.NewestFirst.Cursor;
import org.rasd.catalog.record.Event;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Newest-first incident search with keyset pagination, and one incident with the mentions that report it. */
@ApplicationScoped
public class IncidentSearch {

    /** One report of the incident: the event, the article and source it came from, and its sentence. */
    public record Mention(String eventId, String type, @Schema(nullable = true) Event.EventDate date,
                          @Schema(nullable = true) Event.Location location, String articleId, @Schema(nullable = true) String title,
                          @Schema(nullable = true) String source, @Schema(nullable = true) String url,
                          @Schema(nullable = true) String publishedAt,
                          @Schema(nullable = true, description = "The sentence that reports the event.") String evidence) {
    }

    /** The incident (with its counts) and the mentions themselves. */
    public record IncidentDetail(Incident incident, List<Mention> mentions) {
    }

    private final EventSearch events;
    private final ObjectMapper mapper;

    public IncidentSearch(EventSearch events, ObjectMapper mapper) {
        this.events = events;
        this.mapper = mapper;
    }

    @WithSession
    public Uni<NewestFirst.Page<Incident>> search(IncidentFilter filter, Cursor after, int limit) {
        EventFilter.Query where = filter.where();
        return NewestFirst.list(Incident.<Incident>find(NewestFirst.query("Incident", "i", where, after), where.parameters()),
                limit, incident -> new Cursor(incident.sortDate, incident.seq), Function.identity());
    }

    /** The incident with its mentions in the order they were stored, or null when there is no such incident. */
    @WithSession
    public Uni<IncidentDetail> find(String id) {
        return Incident.<Incident>findById(id).chain(incident -> incident == null ? Uni.createFrom().nullItem()
                : CatalogEvent.<CatalogEvent>list("incidentId = ?1 order by seq", id).chain(mentions ->
                        Article.<Article>list("id in ?1", mentions.stream().map(event -> event.articleId).distinct().toList())
                                .map(articles -> new IncidentDetail(incident, mentions(mentions,
                                        articles.stream().collect(Collectors.toMap(article -> article.id, Function.identity())))))));
    }

    private List<Mention> mentions(List<CatalogEvent> mentions, Map<String, Article> articles) {
        Map<String, JsonNode> texts = articles.values().stream()
                .collect(Collectors.toMap(article -> article.id, article -> events.readJson(article.document).path("text")));
        return mentions.stream().map(event -> {
            JsonNode message = events.readJson(event.document);
            Article article = articles.get(event.articleId);
            return new Mention(event.id, event.type, part(message, "date", Event.EventDate.class),
                    part(message, "location", Event.Location.class), event.articleId,
                    article.title, article.source, article.url, article.publishedAt,
                    evidence(texts.get(event.articleId).asText(), message.path("evidence")));
        }).toList();
    }

    /** A part of an event message, or null where it is null (an undated event, one without a place). */
    private <T> T part(JsonNode message, String field, Class<T> type) {
        JsonNode part = message.path(field);
        try {
            return part.isObject() ? mapper.treeToValue(part, type) : null;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored event's " + field + " is not one", e);
        }
    }

    /** The sentence an event was read from; offsets are UTF-16 units into the record's text. */
    private static String evidence(String text, JsonNode span) {
        int start = span.path("start").asInt(-1);
        int end = span.path("end").asInt(-1);
        return start >= 0 && start <= end && end <= text.length() ? text.substring(start, end) : null;
    }
}

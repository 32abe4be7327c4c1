package org.rasd.catalog.incident;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.rasd.catalog.article.Article;
import org.rasd.catalog.event.CatalogEvent;
import org.rasd.catalog.event.EventFilter;
import org.rasd.catalog.event.EventVersion;
import org.rasd.catalog.event.NewestFirst;
import org.rasd.catalog.event.NewestFirst.Cursor;
import org.rasd.catalog.record.ArticleRecord;
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

    private final ObjectMapper mapper;

    public IncidentSearch(ObjectMapper mapper) {
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
        Map<String, String> texts = articles.values().stream().collect(Collectors.toMap(article -> article.id, this::text));
        return mentions.stream().map(mention -> {
            Event event = EventVersion.stored(mapper, mention.document).event();
            Article article = articles.get(mention.articleId);
            return new Mention(mention.id, mention.type, event.date(), event.location(), mention.articleId,
                    article.title, article.source, article.url, article.publishedAt,
                    event.evidenceIn(texts.get(mention.articleId)));
        }).toList();
    }

    /** The text of a stored article, every evidence offset points into. */
    private String text(Article article) {
        try {
            return mapper.readValue(article.document, ArticleRecord.class).text();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored article record is not one", e);
        }
    }
}

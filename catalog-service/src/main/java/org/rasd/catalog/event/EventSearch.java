package org.rasd.catalog.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.rasd.catalog.event.NewestFirst.Cursor;

/** Newest-first event search with keyset pagination, and single events by id. */
@ApplicationScoped
public class EventSearch {

    private final ObjectMapper mapper;

    public EventSearch(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @WithSession
    public Uni<NewestFirst.Page<EventVersion>> search(EventFilter filter, Cursor after, int limit) {
        EventFilter.Query where = filter.where();
        return NewestFirst.list(CatalogEvent.<CatalogEvent>find(NewestFirst.query("CatalogEvent", "e", where, after), where.parameters()),
                limit, event -> new Cursor(event.sortDate, event.seq), this::published);
    }

    /** The event version as published, or null when the catalog holds no such event. */
    @WithSession
    public Uni<EventVersion> find(String id) {
        return CatalogEvent.<CatalogEvent>findById(id).map(event -> event == null ? null : published(event));
    }

    private EventVersion published(CatalogEvent event) {
        return EventVersion.stored(mapper, event.document).filedUnder(event.incidentId);
    }

    /** JSON the catalog stored itself: unreadable means a bug, not bad input. */
    public JsonNode readJson(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON is not JSON", e);
        }
    }
}

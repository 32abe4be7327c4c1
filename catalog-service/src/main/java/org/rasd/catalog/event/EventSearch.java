package org.rasd.catalog.event;

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
        return EventVersion.stored(mapper, event.document).filedUnder(event.incidentId, event.filing);
    }
}

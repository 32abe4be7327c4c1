package org.rasd.catalog.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Newest-first event search with keyset pagination: a cursor names the last event of the previous page. */
@ApplicationScoped
public class EventSearch {

    public record Cursor(LocalDate sortDate, long seq) {

        public Cursor {
            EventFilter.storable(sortDate);
        }

        public String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((sortDate + "|" + seq).getBytes(StandardCharsets.UTF_8));
        }

        /** @throws IllegalArgumentException when the text is not a cursor this service gave out */
        public static Cursor decode(String text) {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 2) {
                throw new IllegalArgumentException("not a cursor");
            }
            return new Cursor(LocalDate.parse(parts[0]), Long.parseLong(parts[1]));
        }
    }

    public record EventPage(List<JsonNode> items, String nextCursor) {
    }

    private final ObjectMapper mapper;

    public EventSearch(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @WithSession
    public Uni<EventPage> search(EventFilter filter, Cursor after, int limit) {
        EventFilter.Query where = filter.where();
        List<String> conditions = new ArrayList<>(where.conditions());
        if (after != null) {
            conditions.add("(e.sortDate < :afterDate or (e.sortDate = :afterDate and e.seq < :afterSeq))");
            where.parameters().and("afterDate", after.sortDate()).and("afterSeq", after.seq());
        }
        String query = "from CatalogEvent e" + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions))
                + " order by e.sortDate desc, e.seq desc";
        return CatalogEvent.<CatalogEvent>find(query, where.parameters())
                .page(Page.ofSize(limit + 1))
                .list()
                .map(found -> {
                    boolean more = found.size() > limit;
                    List<CatalogEvent> page = more ? found.subList(0, limit) : found;
                    String next = more ? new Cursor(page.getLast().sortDate, page.getLast().seq).encode() : null;
                    return new EventPage(page.stream().map(event -> readJson(event.document)).toList(), next);
                });
    }

    private JsonNode readJson(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored event is not JSON", e);
        }
    }
}

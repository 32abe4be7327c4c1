package org.rasd.catalog.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.rasd.catalog.event.EventFeed;
import org.rasd.catalog.event.EventFilter;
import org.rasd.catalog.event.EventSearch;
import org.rasd.catalog.event.NewestFirst;
import org.rasd.support.http.Problems;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

@Path("/api/events")
public class EventResource {

    private static final int MAX_LIMIT = 500;

    private final EventSearch search;
    private final EventFeed feed;

    public EventResource(EventSearch search, EventFeed feed) {
        this.search = search;
        this.feed = feed;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<NewestFirst.Page<JsonNode>> list(@QueryParam("country") String country, @QueryParam("theme") String theme,
                                           @QueryParam("type") String type, @QueryParam("from") String from,
                                           @QueryParam("to") String to, @QueryParam("limit") @DefaultValue("50") int limit,
                                           @QueryParam("cursor") String cursor) {
        return search.search(filter(country, theme, type, from, to), cursor(cursor), checkedLimit(limit));
    }

    /** One event as published on the {@code events} topic, with the incident it is a mention of. */
    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<JsonNode> get(@PathParam("id") String id) {
        return search.find(id).map(event -> {
            if (event == null) {
                throw Problems.problem(Response.Status.NOT_FOUND, "No event " + id + " in the catalog.");
            }
            return event;
        });
    }

    /** Newly stored events as Server-Sent Events, with the same filters as the search. */
    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<ObjectNode> stream(@QueryParam("country") String country, @QueryParam("theme") String theme,
                                    @QueryParam("type") String type, @QueryParam("from") String from,
                                    @QueryParam("to") String to) {
        return feed.subscribe(filter(country, theme, type, from, to));
    }

    static int checkedLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw Problems.problem(Response.Status.BAD_REQUEST, "limit must be between 1 and " + MAX_LIMIT + ".");
        }
        return limit;
    }

    static NewestFirst.Cursor cursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return NewestFirst.Cursor.decode(cursor);
        } catch (RuntimeException e) {
            throw Problems.problem(Response.Status.BAD_REQUEST, "cursor is not one this service gave out.");
        }
    }

    static EventFilter filter(String country, String theme, String type, String from, String to) {
        String countryCode = blankToNull(country);
        if (countryCode != null && !countryCode.matches("[A-Za-z]{2}")) {
            throw Problems.problem(Response.Status.BAD_REQUEST, "country must be an ISO 3166-1 alpha-2 code such as MA.");
        }
        return new EventFilter(countryCode == null ? null : countryCode.toUpperCase(Locale.ROOT),
                upper(theme), upper(type), date("from", from), date("to", to));
    }

    private static LocalDate date(String name, String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            return EventFilter.storable(LocalDate.parse(value.strip()));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw Problems.problem(Response.Status.BAD_REQUEST, name + " must be a date in years 1 to 9999, such as 2024-02-13.");
        }
    }

    static String upper(String value) {
        String v = blankToNull(value);
        return v == null ? null : v.toUpperCase(Locale.ROOT);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

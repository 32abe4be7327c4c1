package org.rasd.catalog.api;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.jboss.resteasy.reactive.common.util.RestMediaType;
import org.rasd.catalog.event.EventFeed;
import org.rasd.catalog.event.EventFilter;
import org.rasd.catalog.event.EventRemoval;
import org.rasd.catalog.event.EventSearch;
import org.rasd.catalog.event.EventVersion;
import org.rasd.catalog.event.NewestFirst;
import org.rasd.catalog.export.Exports;
import org.rasd.support.http.Problems;
import org.rasd.support.http.SseHeartbeats;
import org.rasd.support.http.QueryParameters;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import static org.rasd.support.http.QueryParameters.optional;

@Path("/api/events")
public class EventResource {

    private static final int MAX_LIMIT = 500;
    /** The SSE event name of a removal: a client listening only for messages is not handed them. */
    static final String REMOVED = "removed";
    /** Why the event and incident searches answer 400. */
    static final String BAD_FILTER = "A filter, cursor or limit that is not one this search takes.";

    private final EventSearch search;
    private final EventFeed feed;

    public EventResource(EventSearch search, EventFeed feed) {
        this.search = search;
        this.feed = feed;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "A page of events, newest first.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Pages.Events.class)))
    @APIResponse(responseCode = "400", description = BAD_FILTER)
    public Uni<NewestFirst.Page<EventVersion>> list(@QueryParam("country") String country, @QueryParam("theme") String theme,
                                           @QueryParam("type") String type, @QueryParam("from") String from,
                                           @QueryParam("to") String to, @QueryParam("limit") @DefaultValue("50") int limit,
                                           @QueryParam("cursor") String cursor) {
        return search.search(filter(country, theme, type, from, to), cursor(cursor), checkedLimit(limit));
    }

    /** Every event the filters find, newest first, as CSV (a header, then a row each), streamed. */
    @GET
    @Path("export.csv")
    @Produces("text/csv")
    @APIResponse(responseCode = "200", description = "A header, then a row an event; lists joined by ;.", content = @Content(
            mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING), example = ApiExamples.EVENTS_CSV))
    @APIResponse(responseCode = "400", description = BAD_FILTER)
    public Multi<String> exportCsv(@QueryParam("country") String country, @QueryParam("theme") String theme,
                                   @QueryParam("type") String type, @QueryParam("from") String from, @QueryParam("to") String to) {
        return Exports.eventsCsv(every(filter(country, theme, type, from, to)));
    }

    /** Every event the filters find, newest first, one message a line as the {@code events} topic carries it, streamed. */
    @GET
    @Path("export.ndjson")
    @Produces(RestMediaType.APPLICATION_NDJSON)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "An event a line.")
    @APIResponse(responseCode = "400", description = BAD_FILTER)
    public Multi<EventVersion> exportNdjson(@QueryParam("country") String country, @QueryParam("theme") String theme,
                                        @QueryParam("type") String type, @QueryParam("from") String from, @QueryParam("to") String to) {
        return every(filter(country, theme, type, from, to));
    }

    private Multi<EventVersion> every(EventFilter filter) {
        return Exports.all(after -> search.search(filter, after, Exports.PAGE));
    }

    /**
     * The stream of stored events and removals as pages (what the SSE stream sends, unfiltered), from the first or
     * after a position a page gave: each event at its latest version, each removal, once. A reader that must see
     * every change (the analytics recount) pages to the end and may come back for more.
     */
    @GET
    @Path("changes")
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "Up to limit changes after the position, and the position after them.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Pages.Changes.class)))
    @APIResponse(responseCode = "400", description = "A position this service did not give, or a limit out of range.")
    public Uni<EventFeed.ChangePage> changes(@QueryParam("after") String after, @QueryParam("limit") @DefaultValue("200") int limit) {
        return feed.changes(position(after), checkedLimit(limit));
    }

    /** One event as published on the {@code events} topic, with the incident it is a mention of. */
    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "The event.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EventVersion.class), examples = @ExampleObject(name = "hosting", value = ApiExamples.EVENT)))
    @APIResponse(responseCode = "404", description = "No such event in the catalog: never stored, or taken away.")
    public Uni<EventVersion> get(@PathParam("id") String id) {
        return search.find(id).map(event -> {
            if (event == null) {
                throw Problems.problem(Response.Status.NOT_FOUND, "No event " + id + " in the catalog.");
            }
            return event;
        });
    }

    /**
     * Newly stored events as Server-Sent Events, with the same filters as the search, and the events taken away as
     * SSE events named {@code removed} (whatever the filters: the message says only which event went). Each carries
     * its stream position as its {@code id}: a client that reconnects with {@code Last-Event-ID} gets every event
     * it missed, then the live tail. A comment every 15 s keeps idle connections open through proxies.
     */
    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @APIResponse(responseCode = "200", description = "Each SSE event's data: an event version, or a removal (named removed).",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
                    schema = @Schema(anyOf = {EventVersion.class, EventRemoval.class})))
    @APIResponse(responseCode = "400", description = "A filter the search does not take, or a Last-Event-ID this stream did not send.")
    public Multi<OutboundSseEvent> stream(@QueryParam("country") String country, @QueryParam("theme") String theme,
                                          @QueryParam("type") String type, @QueryParam("from") String from,
                                          @QueryParam("to") String to, @HeaderParam("Last-Event-ID") String lastEventId,
                                          @Context Sse sse) {
        Multi<OutboundSseEvent> events = feed.subscribe(filter(country, theme, type, from, to), position(lastEventId))
                .map(event -> sse.newEventBuilder().id(event.position().encode()).mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .name(event.message() instanceof EventRemoval ? REMOVED : null).data(event.message()).build());
        return SseHeartbeats.between(events, sse);
    }

    /** A position this service gave (a stream event's id, a change page's next), or null when none is given. */
    private static EventFeed.Position position(String given) {
        if (optional(given) == null) {
            return null;
        }
        try {
            return EventFeed.Position.decode(given);
        } catch (RuntimeException e) {
            throw Problems.problem(Response.Status.BAD_REQUEST, "Not a stream position this service gave: " + given);
        }
    }

    /** A page size of the event and incident searches. */
    static int checkedLimit(int limit) {
        return QueryParameters.limit(limit, MAX_LIMIT);
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
        return new EventFilter(QueryParameters.country("country", country), QueryParameters.code(theme), QueryParameters.code(type),
                date("from", from), date("to", to));
    }

    private static LocalDate date(String name, String value) {
        if (optional(value) == null) {
            return null;
        }
        try {
            return EventFilter.storable(LocalDate.parse(value.strip()));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw Problems.problem(Response.Status.BAD_REQUEST, name + " must be a date in years 1 to 9999, such as 2024-02-13.");
        }
    }

}

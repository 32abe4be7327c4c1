package org.rasd.analytics.api;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.rasd.analytics.counting.AggregateStore;
import org.rasd.analytics.counting.AggregateStream;
import org.rasd.analytics.counting.Aggregates;

import java.util.Locale;

@Path("/api/aggregates")
@Produces(MediaType.APPLICATION_JSON)
public class AggregateResource {

    public record Problem(String type, String title, int status, String detail) {
    }

    private final AggregateStore store;
    private final AggregateStream stream;

    public AggregateResource(AggregateStore store, AggregateStream stream) {
        this.store = store;
        this.stream = stream;
    }

    /** Every country with events, most events first, with the totals. */
    @GET
    @Path("countries")
    public Uni<Aggregates.Countries> countries() {
        return store.countries();
    }

    @GET
    @Path("countries/{code}")
    public Uni<Aggregates.CountryDetail> country(@PathParam("code") String code) {
        String normalised = code.toUpperCase(Locale.ROOT);
        return store.country(normalised).map(found -> found.orElseThrow(
                () -> new NotFoundException("No events counted for country " + normalised + ".")));
    }

    @GET
    @Path("themes")
    public Uni<Aggregates.Themes> themes() {
        return store.themes();
    }

    /** A snapshot, then every change, as Server-Sent Events. */
    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<Aggregates.Update> stream() {
        return stream.subscribe();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return Response.status(Response.Status.NOT_FOUND).type("application/problem+json")
                .entity(new Problem("about:blank", "Not Found", 404, e.getMessage())).build();
    }
}

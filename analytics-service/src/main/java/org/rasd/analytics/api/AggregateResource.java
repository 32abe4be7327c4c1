package org.rasd.analytics.api;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.rasd.analytics.counting.AggregateStore;
import org.rasd.analytics.counting.AggregateStream;
import org.rasd.analytics.counting.Aggregates;
import org.rasd.support.http.Problems;

import java.util.Locale;

@Path("/api/aggregates")
@Produces(MediaType.APPLICATION_JSON)
public class AggregateResource {

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
        if (!code.matches("[A-Za-z]{2}")) {
            throw Problems.problem(Response.Status.BAD_REQUEST, "A country is an ISO 3166-1 alpha-2 code such as MA.");
        }
        String normalised = code.toUpperCase(Locale.ROOT);
        return store.country(normalised).map(found -> found.orElseThrow(() -> Problems.problem(Response.Status.NOT_FOUND,
                "No events counted for country " + normalised + ".")));
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
}

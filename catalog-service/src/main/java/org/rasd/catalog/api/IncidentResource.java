package org.rasd.catalog.api;

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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.jboss.resteasy.reactive.common.util.RestMediaType;
import org.rasd.catalog.event.NewestFirst;
import org.rasd.catalog.export.Exports;
import org.rasd.catalog.incident.Incident;
import org.rasd.catalog.incident.IncidentFilter;
import org.rasd.catalog.incident.IncidentSearch;
import org.rasd.support.http.Problems;

import org.rasd.support.http.QueryParameters;

import static org.rasd.support.http.QueryParameters.optional;

/** Real-world acts, each joined from the events (mentions) that report it, newest first. */
@Path("/api/incidents")
public class IncidentResource {

    private final IncidentSearch search;

    public IncidentResource(IncidentSearch search) {
        this.search = search;
    }

    /** Words of a text search, at most. */
    static final int MAX_QUERY_LENGTH = 200;

    /**
     * The event search's filters, plus a partner country or organisation, the fewest distinct sources and {@code q},
     * words to find in the mentions' evidence sentences and titles (Arabic stemming; "a phrase", or, -word).
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "A page of incidents, newest first.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Pages.Incidents.class)))
    @APIResponse(responseCode = "400", description = EventResource.BAD_FILTER)
    public Uni<NewestFirst.Page<Incident>> list(@QueryParam("country") String country, @QueryParam("theme") String theme,
                                                @QueryParam("type") String type, @QueryParam("from") String from,
                                                @QueryParam("to") String to, @QueryParam("partner") String partner,
                                                @QueryParam("minSources") String minSources, @QueryParam("q") String q,
                                                @QueryParam("limit") @DefaultValue("50") int limit,
                                                @QueryParam("cursor") String cursor) {
        return search.search(filter(country, theme, type, from, to, partner, minSources, q), EventResource.cursor(cursor),
                EventResource.checkedLimit(limit));
    }

    /** Every incident the filters find, newest first, as CSV (a header, then a row each), streamed. */
    @GET
    @Path("export.csv")
    @Produces("text/csv")
    @APIResponse(responseCode = "200", description = "A header, then a row an incident; lists joined by ;.", content = @Content(
            mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING), example = ApiExamples.INCIDENTS_CSV))
    @APIResponse(responseCode = "400", description = EventResource.BAD_FILTER)
    public Multi<String> exportCsv(@QueryParam("country") String country, @QueryParam("theme") String theme,
                                   @QueryParam("type") String type, @QueryParam("from") String from,
                                   @QueryParam("to") String to, @QueryParam("partner") String partner,
                                   @QueryParam("minSources") String minSources, @QueryParam("q") String q) {
        return Exports.incidentsCsv(every(filter(country, theme, type, from, to, partner, minSources, q)));
    }

    /** Every incident the filters find, newest first, one a line as the API and the {@code incidents} topic give it. */
    @GET
    @Path("export.ndjson")
    @Produces(RestMediaType.APPLICATION_NDJSON)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "An incident a line.")
    @APIResponse(responseCode = "400", description = EventResource.BAD_FILTER)
    public Multi<Incident> exportNdjson(@QueryParam("country") String country, @QueryParam("theme") String theme,
                                        @QueryParam("type") String type, @QueryParam("from") String from,
                                        @QueryParam("to") String to, @QueryParam("partner") String partner,
                                        @QueryParam("minSources") String minSources, @QueryParam("q") String q) {
        return every(filter(country, theme, type, from, to, partner, minSources, q));
    }

    private Multi<Incident> every(IncidentFilter filter) {
        return Exports.all(after -> search.search(filter, after, Exports.PAGE));
    }

    private static IncidentFilter filter(String country, String theme, String type, String from, String to, String partner,
                                         String minSources, String q) {
        return new IncidentFilter(EventResource.filter(country, theme, type, from, to), QueryParameters.code(partner),
                fewestSources(minSources), words(q));
    }

    private static String words(String q) {
        String words = optional(q);
        if (words != null && words.length() > MAX_QUERY_LENGTH) {
            throw Problems.problem(Response.Status.BAD_REQUEST, "q holds at most " + MAX_QUERY_LENGTH + " characters.");
        }
        return words;
    }

    private static Integer fewestSources(String value) {
        if (optional(value) == null) {
            return null;
        }
        try {
            int fewest = Integer.parseInt(value.strip());
            if (fewest >= 1) {
                return fewest;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw Problems.problem(Response.Status.BAD_REQUEST, "minSources must be a whole number, 1 or more.");
    }

    /** The incident with every mention: its article, source and evidence sentence. */
    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "The incident and its mentions, in the order they were stored.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IncidentSearch.IncidentDetail.class),
            examples = @ExampleObject(name = "a hosting two outlets reported", value = ApiExamples.INCIDENT)))
    @APIResponse(responseCode = "404", description = "No such incident in the catalog.")
    public Uni<IncidentSearch.IncidentDetail> get(@PathParam("id") String id) {
        return search.find(id).map(incident -> {
            if (incident == null) {
                throw Problems.problem(Response.Status.NOT_FOUND, "No incident " + id + " in the catalog.");
            }
            return incident;
        });
    }
}

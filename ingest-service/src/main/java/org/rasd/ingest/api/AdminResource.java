package org.rasd.ingest.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.rasd.ingest.reextraction.Reextraction;
import org.rasd.support.http.Problems;

import java.net.URI;

import static org.rasd.support.http.QueryParameters.day;
import static org.rasd.support.http.QueryParameters.optional;

/** Re-extraction of stored articles; starting one is a write, so it needs an API key. */
@Path("/api/admin/reextract")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    private final Reextraction reextraction;

    public AdminResource(Reextraction reextraction) {
        this.reextraction = reextraction;
    }

    /**
     * Starts re-extracting the stored articles of an extractor version, a source or a range of publication days
     * (all of them when none is given), from a cursor a run reported, or from the first.
     */
    @POST
    public Response start(@QueryParam("extractor") String extractor, @QueryParam("source") String source,
                          @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("cursor") String cursor,
                          @HeaderParam("Authorization") String authorization) {
        Reextraction.Progress run = reextraction.start(new Reextraction.Scope(optional(extractor), optional(source),
                day("from", from), day("to", to)), optional(cursor), authorization);
        return Response.accepted(run).location(URI.create("/api/admin/reextract/" + run.id())).build();
    }

    @GET
    @Path("{id}")
    public Reextraction.Progress progress(@PathParam("id") String id) {
        return reextraction.progress(id).orElseThrow(() -> Problems.problem(Response.Status.NOT_FOUND,
                "No re-extraction " + id + " since this service started."));
    }
}

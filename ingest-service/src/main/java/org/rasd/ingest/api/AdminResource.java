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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.jboss.resteasy.reactive.RestResponse;
import org.rasd.ingest.reextraction.Reextraction;
import org.rasd.support.auth.ApiKeyGuard;
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
    @APIResponseSchema(value = Reextraction.Progress.class, responseCode = "202",
            responseDescription = "Started; Location: where its progress is read.")
    @APIResponse(responseCode = "400", description = "from or to is not a day such as 2024-02-13.")
    @APIResponse(responseCode = "401", description = ApiKeyGuard.UNAUTHORISED)
    @APIResponse(responseCode = "403", description = ApiKeyGuard.NOT_ADMIN)
    @APIResponse(responseCode = "429", description = ApiKeyGuard.OVER_RATE)
    public RestResponse<Reextraction.Progress> start(@QueryParam("extractor") String extractor,
                                                     @QueryParam("source") String source, @QueryParam("from") String from,
                                                     @QueryParam("to") String to, @QueryParam("cursor") String cursor,
                                                     @HeaderParam("Authorization") String authorization) {
        return accepted(reextraction.start(new Reextraction.Scope(optional(extractor), optional(source),
                day("from", from), day("to", to)), optional(cursor), authorization));
    }

    @GET
    @Path("{id}")
    @APIResponse(responseCode = "200", description = "How far the run is.")
    @APIResponse(responseCode = "401", description = ApiKeyGuard.UNAUTHORISED)
    @APIResponse(responseCode = "403", description = ApiKeyGuard.NOT_ADMIN)
    @APIResponse(responseCode = "404", description = "No such run among this instance's latest " + Reextraction.KEPT_RUNS + ".")
    public Reextraction.Progress progress(@PathParam("id") String id) {
        return reextraction.progress(id).orElseThrow(() -> notFound(id));
    }

    /** Goes on with a stopped run from the cursor it reached, its counts kept. */
    @POST
    @Path("{id}/resume")
    @APIResponseSchema(value = Reextraction.Progress.class, responseCode = "202", responseDescription = "Going on.")
    @APIResponse(responseCode = "401", description = ApiKeyGuard.UNAUTHORISED)
    @APIResponse(responseCode = "403", description = ApiKeyGuard.NOT_ADMIN)
    @APIResponse(responseCode = "404", description = "No such run among this instance's latest " + Reextraction.KEPT_RUNS + ".")
    @APIResponse(responseCode = "409", description = "It is running, or done.")
    @APIResponse(responseCode = "429", description = ApiKeyGuard.OVER_RATE)
    public RestResponse<Reextraction.Progress> resume(@PathParam("id") String id, @HeaderParam("Authorization") String authorization) {
        try {
            return accepted(reextraction.resume(id, authorization).orElseThrow(() -> notFound(id)));
        } catch (Reextraction.NotResumable refused) {
            throw Problems.problem(Response.Status.CONFLICT, refused.getMessage());
        }
    }

    private static RestResponse<Reextraction.Progress> accepted(Reextraction.Progress run) {
        return RestResponse.ResponseBuilder.accepted(run).location(URI.create("/api/admin/reextract/" + run.id())).build();
    }

    private static RuntimeException notFound(String id) {
        return Problems.problem(Response.Status.NOT_FOUND, "No re-extraction " + id + " among this instance's latest " + Reextraction.KEPT_RUNS + ".");
    }
}

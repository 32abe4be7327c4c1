package org.rasd.analytics.api;

import io.smallrye.mutiny.Uni;
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
import org.rasd.analytics.counting.Recount;
import org.rasd.support.auth.ApiKeyGuard;
import org.rasd.support.http.Problems;

import java.net.URI;
import java.util.Optional;

/** What operators do to the counts; like every write, it needs an API key. */
@Path("/api/admin/recount")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    private static final String ANOTHER_RUNS = "Another recount is running (its id in the detail): one runs at a time.";

    private final Recount recount;

    public AdminResource(Recount recount) {
        this.recount = recount;
    }

    /**
     * Starts counting every event the catalog holds again, from nothing, to compare with the live counts; with
     * {@code replace=true}, the recounted counts then replace the live ones where they differ.
     */
    @POST
    @APIResponseSchema(value = Recount.Progress.class, responseCode = "202",
            responseDescription = "Started; Location: where its progress and, once done, its findings are read.")
    @APIResponse(responseCode = "401", description = ApiKeyGuard.UNAUTHORISED)
    @APIResponse(responseCode = "403", description = ApiKeyGuard.NOT_ADMIN)
    @APIResponse(responseCode = "409", description = ANOTHER_RUNS)
    @APIResponse(responseCode = "429", description = ApiKeyGuard.OVER_RATE)
    public Uni<RestResponse<Recount.Progress>> start(@QueryParam("replace") boolean replace, @HeaderParam("Authorization") String authorization) {
        return recount.start(replace, authorization).onFailure(Recount.AnotherRuns.class).transform(AdminResource::conflict)
                .map(AdminResource::accepted);
    }

    @GET
    @Path("{id}")
    @APIResponse(responseCode = "200", description = "How far the run is; once done, what it found.")
    @APIResponse(responseCode = "401", description = ApiKeyGuard.UNAUTHORISED)
    @APIResponse(responseCode = "403", description = ApiKeyGuard.NOT_ADMIN)
    @APIResponse(responseCode = "404", description = "No such recount.")
    public Uni<Recount.Progress> progress(@PathParam("id") String id) {
        return recount.progress(id).map(found -> orNotFound(found, id));
    }

    /** Goes on with a stopped run (its catalog was unreachable, its instance stopped) from where it was. */
    @POST
    @Path("{id}/resume")
    @APIResponseSchema(value = Recount.Progress.class, responseCode = "202", responseDescription = "Going on.")
    @APIResponse(responseCode = "401", description = ApiKeyGuard.UNAUTHORISED)
    @APIResponse(responseCode = "403", description = ApiKeyGuard.NOT_ADMIN)
    @APIResponse(responseCode = "404", description = "No such recount.")
    @APIResponse(responseCode = "409", description = "It is running or done, another one is running, or a later one "
            + "has started (its scratch counts are gone).")
    @APIResponse(responseCode = "429", description = ApiKeyGuard.OVER_RATE)
    public Uni<RestResponse<Recount.Progress>> resume(@PathParam("id") String id, @HeaderParam("Authorization") String authorization) {
        return recount.resume(id, authorization)
                .onFailure(Recount.AnotherRuns.class).transform(AdminResource::conflict)
                .onFailure(Recount.NotResumable.class).transform(refused -> Problems.problem(Response.Status.CONFLICT, refused.getMessage()))
                .map(found -> accepted(orNotFound(found, id)));
    }

    private static RestResponse<Recount.Progress> accepted(Recount.Progress run) {
        return RestResponse.ResponseBuilder.accepted(run).location(URI.create("/api/admin/recount/" + run.id())).build();
    }

    private static Throwable conflict(Throwable another) {
        return Problems.problem(Response.Status.CONFLICT, another.getMessage());
    }

    private static Recount.Progress orNotFound(Optional<Recount.Progress> found, String id) {
        return found.orElseThrow(() -> Problems.problem(Response.Status.NOT_FOUND, "No recount " + id + "."));
    }
}

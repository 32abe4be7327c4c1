package org.rasd.analytics.api;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.rasd.analytics.counting.Recount;
import org.rasd.support.auth.ApiKeyGuard;

/** What operators do to the counts; like every write, it needs an API key. */
@Path("/api/admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    private final Recount recount;

    public AdminResource(Recount recount) {
        this.recount = recount;
    }

    /**
     * Counts every event the catalog holds again, from nothing, and compares with the live counts; with
     * {@code replace=true}, the recounted counts replace the live ones where they differ.
     */
    @POST
    @Path("recount")
    @APIResponse(responseCode = "200", description = "The recount, and where it differs from the live counts.")
    @APIResponse(responseCode = "401", description = ApiKeyGuard.UNAUTHORISED)
    @APIResponse(responseCode = "403", description = ApiKeyGuard.NOT_ADMIN)
    @APIResponse(responseCode = "429", description = ApiKeyGuard.OVER_RATE)
    public Uni<Recount.Report> recount(@QueryParam("replace") boolean replace, @HeaderParam("Authorization") String authorization) {
        return recount.run(replace, authorization);
    }
}

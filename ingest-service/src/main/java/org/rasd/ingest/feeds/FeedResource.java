package org.rasd.ingest.feeds;

import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.rasd.support.auth.ApiKeyGuard;

import java.util.List;

/**
 * The polled feeds and how each is doing. It needs an admin key, even where reads are open
 * ({@code rasd.auth.admin-paths}): it shows how ingest is set up, feed URLs that may carry tokens included.
 */
@Path("/api/feeds")
@Produces(MediaType.APPLICATION_JSON)
public class FeedResource {

    private final FeedPolling polling;

    public FeedResource(FeedPolling polling) {
        this.polling = polling;
    }

    /** Every configured feed, in the order configured; none when feed polling is off. */
    @GET
    @NonBlocking
    @APIResponse(responseCode = "200", description = "Every configured feed and how it is doing.")
    @APIResponse(responseCode = "401", description = ApiKeyGuard.UNAUTHORISED)
    @APIResponse(responseCode = "403", description = ApiKeyGuard.NOT_ADMIN)
    public List<FeedStatus> feeds() {
        return polling.statuses();
    }
}

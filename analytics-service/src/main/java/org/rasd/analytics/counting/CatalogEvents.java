package org.rasd.analytics.counting;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;

/** The catalog's event search, which the recount reads whole, a page at a time. */
@RegisterRestClient(configKey = "catalog")
@Path("/api/events")
public interface CatalogEvents {

    /** A page of stored events, as the {@code events} topic carries them, and the cursor of the next page. */
    record Page(List<EventMessage> items, String nextCursor) {
    }

    /** @param authorization the caller's {@code Authorization} header, for a catalog whose reads need a key */
    @GET
    Uni<Page> page(@QueryParam("limit") int limit, @QueryParam("cursor") String cursor,
                   @HeaderParam("Authorization") String authorization);
}

package org.rasd.analytics.counting;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;

/** The catalog's stored events and removals as pages in stream order, which the recount reads whole. */
@RegisterRestClient(configKey = "catalog")
@Path("/api/events/changes")
public interface CatalogEvents {

    /**
     * Changes as the {@code events} topic carries them (each event at its latest version, each removal), and the
     * position to ask after for the next page: the same as asked when nothing more is stored yet.
     */
    record Page(List<EventMessage> items, String next) {
    }

    /**
     * @param after         a position a page gave, or null for the first page
     * @param authorization the caller's {@code Authorization} header, for a catalog whose reads need a key
     */
    @GET
    Uni<Page> after(@QueryParam("after") String after, @QueryParam("limit") int limit,
                    @HeaderParam("Authorization") String authorization);
}

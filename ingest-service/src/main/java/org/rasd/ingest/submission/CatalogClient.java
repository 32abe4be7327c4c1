package org.rasd.ingest.submission;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** What ingest asks the catalog: whether it already holds an article. */
@RegisterRestClient(configKey = "catalog")
@Path("/api/articles")
public interface CatalogClient {

    @HEAD
    @Path("{id}")
    Uni<Response> article(@PathParam("id") String id);
}

package org.rasd.ingest.submission;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.rasd.ingest.record.ArticleRecord;

import java.util.List;

/** What ingest asks the catalog: which revision it holds of an article, and its stored records for re-extraction. */
@RegisterRestClient(configKey = "catalog")
@Path("/api/articles")
public interface CatalogClient {

    /** 200 with the stored revision as ETag, or 404. */
    @HEAD
    @Path("{id}")
    Uni<Response> article(@PathParam("id") String id);

    /** A page of stored records in id order, and the cursor of the next page (null at the end). */
    record RecordPage(List<ArticleRecord> items, String nextCursor) {
    }

    /** @param authorization the caller's, for a catalog whose reads need a key */
    @GET
    Uni<RecordPage> records(@QueryParam("extractor") String extractor, @QueryParam("source") String source,
                            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("cursor") String cursor,
                            @QueryParam("limit") int limit, @HeaderParam("Authorization") String authorization);
}

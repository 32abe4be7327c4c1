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

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What ingest asks the catalog: which revision it holds of an article, the ids it stores, and its stored records for
 * re-extraction.
 */
@RegisterRestClient(configKey = "catalog")
@Path("/api/articles")
public interface CatalogClient {

    /** 200 with the stored revision as ETag, or 404. */
    @HEAD
    @Path("{id}")
    Uni<Response> article(@PathParam("id") String id);

    /** An article's id and when the catalog first stored it. */
    record StoredId(String id, OffsetDateTime storedAt) {
    }

    /** A page of ids in storing order, and the cursor of the next page (null after the last). */
    record StoredIdPage(List<StoredId> items, String nextCursor) {
    }

    /** The ids of stored articles in storing order: from a moment on, or on from a cursor. */
    @GET
    @Path("ids")
    Uni<StoredIdPage> storedIds(@QueryParam("storedFrom") String storedFrom, @QueryParam("cursor") String cursor,
                                @QueryParam("limit") int limit);

    /** A page of stored records in id order, and the cursor of the next page (null at the end). */
    record RecordPage(List<ArticleRecord> items, String nextCursor) {
    }

    /** @param authorization the caller's, for a catalog whose reads need a key */
    @GET
    Uni<RecordPage> records(@QueryParam("extractor") String extractor, @QueryParam("source") String source,
                            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("cursor") String cursor,
                            @QueryParam("limit") int limit, @HeaderParam("Authorization") String authorization);
}

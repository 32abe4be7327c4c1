package org.rasd.catalog.api;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.rasd.catalog.article.CatalogService;
import org.rasd.catalog.article.StoredIds;
import org.rasd.catalog.event.NewestFirst;
import org.rasd.catalog.record.ArticleRecord;
import org.rasd.support.http.Problems;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import static org.rasd.support.http.QueryParameters.day;
import static org.rasd.support.http.QueryParameters.limit;
import static org.rasd.support.http.QueryParameters.optional;

@Path("/api/articles")
public class ArticleResource {

    /** Records are whole articles, up to megabytes each: a page holds few. */
    private static final int MAX_LIMIT = 100;
    /** An id is a few dozen bytes: ingest reads them by the thousand. */
    private static final int MAX_IDS = 10_000;

    private final CatalogService catalog;

    public ArticleResource(CatalogService catalog) {
        this.catalog = catalog;
    }

    /**
     * Whether the catalog holds the article, and which revision as its ETag (ingest asks, to answer "duplicate" or
     * "updated"), without reading it.
     */
    @HEAD
    @Path("{id}")
    @APIResponse(responseCode = "200", description = "Held.", headers = @Header(name = "ETag", description = "The held revision."))
    @APIResponse(responseCode = "404", description = "Not held.")
    public Uni<Response> head(@PathParam("id") String id) {
        return catalog.revision(id).map(revision -> revision
                .map(tag -> Response.ok().tag(tag).build())
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND).build()));
    }

    /**
     * Stored article records in id order, narrowed by extractor, source and publication day: what re-extraction
     * reads. {@code cursor} is the {@code nextCursor} of the page before.
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "A page of records, as stored.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Pages.Articles.class)))
    @APIResponse(responseCode = "400", description = "A day that does not parse, or a limit out of 1 to 100.")
    public Uni<CatalogService.ArticlePage> list(@QueryParam("extractor") String extractor, @QueryParam("source") String source,
                                                @QueryParam("from") String from, @QueryParam("to") String to,
                                                @QueryParam("cursor") String cursor,
                                                @QueryParam("limit") @DefaultValue("20") int limit) {
        return catalog.list(new CatalogService.ArticleFilter(optional(extractor), optional(source), day("from", from), day("to", to)),
                optional(cursor), limit(limit, MAX_LIMIT));
    }

    /**
     * The ids of stored articles in the order they were first stored, from a moment on: ingest follows them to
     * publish a post the catalog surely does not hold without asking first. {@code cursor} is the
     * {@code nextCursor} of the page before; {@code storedFrom}, an ISO 8601 instant, starts the listing there.
     */
    @GET
    @Path("ids")
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "A page of ids with when each was first stored.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Pages.Ids.class)))
    @APIResponse(responseCode = "400", description = "Both cursor and storedFrom, one that does not parse, or a limit out of 1 to 10000.")
    public Uni<NewestFirst.Page<StoredIds.StoredId>> storedIds(@QueryParam("storedFrom") String storedFrom, @QueryParam("cursor") String cursor,
                                         @QueryParam("limit") @DefaultValue("1000") int limit) {
        return catalog.storedIds(storedOrderStart(optional(storedFrom), optional(cursor)), limit(limit, MAX_IDS));
    }

    private static StoredIds.Cursor storedOrderStart(String storedFrom, String cursor) {
        if (storedFrom != null && cursor != null) {
            throw Problems.problem(Response.Status.BAD_REQUEST, "Give cursor or storedFrom, not both: the cursor goes on from where its listing was.");
        }
        try {
            return cursor != null ? StoredIds.Cursor.decode(cursor)
                    : storedFrom != null ? StoredIds.Cursor.from(OffsetDateTime.parse(storedFrom)) : null;
        } catch (IllegalArgumentException | DateTimeParseException notOne) {
            throw Problems.problem(Response.Status.BAD_REQUEST, cursor != null ? "cursor is not one this catalog gave out."
                    : "storedFrom must be an ISO 8601 instant such as 2026-12-02T10:00:00Z.");
        }
    }

    /** The article record exactly as extraction produced it: the stored JSON, not read into objects. */
    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "The record.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ArticleRecord.class),
            examples = @ExampleObject(name = "hosting", value = ApiExamples.ARTICLE)))
    @APIResponse(responseCode = "404", description = "No such article in the catalog.")
    public Uni<String> get(@PathParam("id") String id) {
        return catalog.find(id).map(article -> {
            if (article == null) {
                throw Problems.problem(Response.Status.NOT_FOUND, "No article " + id + " in the catalog.");
            }
            return article.document;
        });
    }
}

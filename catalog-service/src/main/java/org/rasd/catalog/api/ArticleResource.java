package org.rasd.catalog.api;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.rasd.catalog.article.CatalogService;
import org.rasd.support.http.Problems;

@Path("/api/articles")
public class ArticleResource {

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
    public Uni<Response> head(@PathParam("id") String id) {
        return catalog.revision(id).map(revision -> revision
                .map(tag -> Response.ok().tag(tag).build())
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND).build()));
    }

    /** The article record exactly as extraction produced it. */
    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<String> get(@PathParam("id") String id) {
        return catalog.find(id).map(article -> {
            if (article == null) {
                throw Problems.problem(Response.Status.NOT_FOUND, "No article " + id + " in the catalog.");
            }
            return article.document;
        });
    }
}

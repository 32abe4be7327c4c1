package org.rasd.ingest.api;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.rasd.ingest.IngestConfig;
import org.rasd.ingest.record.ArticleRecord;
import org.rasd.ingest.submission.IngestionService;

import java.net.URI;
import java.util.List;

@Path("/api/articles")
@Produces(MediaType.APPLICATION_JSON)
public class ArticleResource {

    /** What an accepted article is answered with: its id, where the catalog will serve it, and what was found. */
    public record Accepted(String id, String location, String title, String language, int events,
                           List<String> countries) {
    }

    private final IngestionService ingestion;
    private final IngestConfig config;

    public ArticleResource(IngestionService ingestion, IngestConfig config) {
        this.ingestion = ingestion;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> postJson(String body) {
        return ingestion.acceptJson(body).map(this::accepted);
    }

    @POST
    @Consumes({MediaType.TEXT_PLAIN, MediaType.TEXT_HTML})
    public Uni<Response> postText(String body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
        return ingestion.acceptText(body, contentType.toLowerCase().startsWith(MediaType.TEXT_HTML)).map(this::accepted);
    }

    private Response accepted(ArticleRecord record) {
        URI location = URI.create(config.catalogUrl() + "/api/articles/" + record.id());
        return Response.accepted(new Accepted(record.id(), location.toString(), record.title(), record.language(),
                        record.events().size(), record.countries().stream().map(ArticleRecord.CountryMention::code).toList()))
                .location(location)
                .build();
    }
}

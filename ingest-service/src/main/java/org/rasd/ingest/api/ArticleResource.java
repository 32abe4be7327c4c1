package org.rasd.ingest.api;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
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
import java.util.Locale;

@Path("/api/articles")
@Produces(MediaType.APPLICATION_JSON)
public class ArticleResource {

    /**
     * What a posted article is answered with: its id, whether it was accepted or the catalog holds it already,
     * where the catalog serves it, and what was found.
     */
    public record Answer(String id, String status, String location, String title, String language, int events,
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
    public Uni<Response> postJson(byte[] body) {
        return ingestion.acceptJson(body).map(this::answer);
    }

    @POST
    @Consumes({MediaType.TEXT_PLAIN, MediaType.TEXT_HTML})
    public Uni<Response> postText(byte[] body, HttpHeaders headers) {
        return ingestion.acceptText(body, headers.getMediaType()).map(this::answer);
    }

    private Response answer(IngestionService.Outcome outcome) {
        ArticleRecord record = outcome.record();
        URI location = URI.create(config.catalogUrl() + "/api/articles/" + record.id());
        return Response.accepted(new Answer(record.id(), outcome.status().name().toLowerCase(Locale.ROOT), location.toString(),
                        record.title(), record.language(), record.events().size(),
                        record.countries().stream().map(ArticleRecord.CountryMention::code).toList()))
                .location(location)
                .build();
    }
}

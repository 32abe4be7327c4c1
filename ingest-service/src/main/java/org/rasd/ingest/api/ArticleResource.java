package org.rasd.ingest.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.jboss.resteasy.reactive.common.util.RestMediaType;
import org.rasd.ingest.IngestConfig;
import org.rasd.ingest.record.ArticleRecord;
import org.rasd.ingest.submission.BatchIngestion;
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

    /**
     * What a line of a batch is answered with: its number (from 1, blank lines counted) and either the answer a
     * post of its article alone would get, or the problem that post would be refused with.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LineAnswer(int line, @JsonUnwrapped Answer article, Problem problem) {
    }

    /** A refusal as {@code application/problem+json} writes it (RFC 9457), within a batch's answer. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Problem(URI type, String title, int status, String detail) {

        static Problem of(HttpProblem problem) {
            return new Problem(problem.getType(), problem.getTitle(), problem.getStatusCode(), problem.getDetail());
        }
    }

    private static final String BEARER = "Bearer ";

    private final IngestionService ingestion;
    private final BatchIngestion batches;
    private final IngestConfig config;

    public ArticleResource(IngestionService ingestion, BatchIngestion batches, IngestConfig config) {
        this.ingestion = ingestion;
        this.batches = batches;
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

    /**
     * Many articles at once, one JSON article a line as {@code POST /api/articles} takes it: 200 and one answer a
     * line, in line order, each written as soon as it and the lines before it are done. A batch over its limits
     * ({@code rasd.ingest.batch}) is a 413 problem, and nothing in it is accepted.
     *
     * @param authorization the key whose writes the lines count as (the API key guard has checked it)
     */
    @POST
    @Path("batch")
    @Consumes(RestMediaType.APPLICATION_NDJSON)
    @Produces(RestMediaType.APPLICATION_NDJSON)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<LineAnswer> postBatch(byte[] body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return batches.accept(body, authorization.substring(BEARER.length()).strip())
                .map(line -> new LineAnswer(line.line(), line.outcome() == null ? null : answerTo(line.outcome()),
                        line.problem() == null ? null : Problem.of(line.problem())));
    }

    private Response answer(IngestionService.Outcome outcome) {
        Answer answer = answerTo(outcome);
        return Response.accepted(answer).location(URI.create(answer.location())).build();
    }

    private Answer answerTo(IngestionService.Outcome outcome) {
        ArticleRecord record = outcome.record();
        URI location = URI.create(config.catalogUrl() + "/api/articles/" + record.id());
        return new Answer(record.id(), outcome.status().name().toLowerCase(Locale.ROOT), location.toString(),
                record.title(), record.language(), record.events().size(),
                record.countries().stream().map(ArticleRecord.CountryMention::code).toList());
    }
}

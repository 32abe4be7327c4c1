package org.rasd.ingest.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.jboss.resteasy.reactive.common.util.RestMediaType;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.rasd.ingest.IngestConfig;
import org.rasd.ingest.record.ArticleRecord;
import org.rasd.ingest.submission.ArticleSubmission;
import org.rasd.ingest.submission.BatchIngestion;
import org.rasd.ingest.submission.IngestBusyException;
import org.rasd.ingest.submission.IngestionService;
import org.rasd.support.auth.ApiKeyGuard;
import org.rasd.support.http.Problem;
import org.rasd.support.http.Problems;

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
    public record Answer(String id, @Schema(enumeration = {"accepted", "updated", "duplicate"}) String status,
                         @Schema(format = "uri") String location, @Schema(nullable = true) String title, String language,
                         int events, List<String> countries) {
    }

    /**
     * What a line of a batch is answered with: its number (from 1, blank lines counted) and either the answer a
     * post of its article alone would get, or the problem that post would be refused with.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LineAnswer(int line, @JsonUnwrapped Answer article, Problem problem) {
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

    /** The body is read as bytes, checked for size, then parsed strictly ({@link IngestionService#acceptJson}). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Post an article: JSON, or its bare text or HTML page")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ArticleSubmission.class),
            examples = @ExampleObject(name = "article", summary = "An article with what the poster knows",
                    value = ApiExamples.SUBMISSION)))
    @APIResponse(responseCode = "202", description = "Accepted, or held already; Location: where the catalog serves it.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Answer.class),
                    examples = @ExampleObject(name = "accepted", value = ApiExamples.ANSWER)))
    @APIResponse(responseCode = "400", description = "The body is not JSON for an article, or not valid in its charset.")
    @APIResponse(responseCode = "401", description = ApiKeyGuard.UNAUTHORISED)
    @APIResponse(responseCode = "413", description = "The article is over RASD_MAX_ARTICLE_SIZE.")
    @APIResponse(responseCode = "415", description = "Neither JSON, text nor HTML, or a charset Rasd does not read.")
    @APIResponse(responseCode = "422", description = "No text, a field too long or with control characters, or a date Rasd cannot read.")
    @APIResponse(responseCode = "429", description = ApiKeyGuard.OVER_RATE)
    @APIResponse(responseCode = "503", description = "Ingest holds as many articles as it takes at once, or the broker did "
            + "not take the article in time; Retry-After says when to post again.")
    public Uni<RestResponse<Answer>> postJson(byte[] body) {
        return ingestion.acceptJson(body).map(this::answer);
    }

    /** A bare article, decoded by the charset it declares: the same operation as a JSON post, so it is described there. */
    @POST
    @Consumes({MediaType.TEXT_PLAIN, MediaType.TEXT_HTML})
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "text", value = ApiExamples.TEXT)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "page", value = ApiExamples.PAGE))})
    @APIResponseSchema(value = Answer.class, responseCode = "202", responseDescription = "As for a JSON article.")
    public Uni<RestResponse<Answer>> postText(byte[] body, HttpHeaders headers) {
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
    @RequestBody(required = true, description = "One article a line, as POST /api/articles takes it:" + ApiExamples.BATCH,
            content = @Content(mediaType = RestMediaType.APPLICATION_NDJSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ArticleSubmission.class)))
    @APIResponse(responseCode = "200", description = "One answer a line, in line order:" + ApiExamples.LINE_ANSWERS,
            content = @Content(mediaType = RestMediaType.APPLICATION_NDJSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = LineAnswer.class)))
    @APIResponse(responseCode = "400", description = "The body holds no article.")
    @APIResponse(responseCode = "401", description = ApiKeyGuard.UNAUTHORISED)
    @APIResponse(responseCode = "413", description = "The batch is over its size or its number of lines; nothing in it is accepted.")
    @APIResponse(responseCode = "429", description = ApiKeyGuard.OVER_RATE)
    public Multi<LineAnswer> postBatch(byte[] body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return batches.accept(body, authorization.substring(BEARER.length()).strip())
                .map(line -> new LineAnswer(line.line(), line.outcome() == null ? null : answerTo(line.outcome()),
                        line.problem() == null ? null : Problem.of(line.problem())));
    }

    /** A post refused because ingest holds as many as it takes: answered as a problem, not logged as a fault. */
    @ServerExceptionMapper
    public RestResponse<Problem> busy(IngestBusyException busy, HttpServerRequest request) {
        HttpProblem problem = busy.problem();
        RestResponse.ResponseBuilder<Problem> answer = RestResponse.ResponseBuilder.create(RestResponse.Status.SERVICE_UNAVAILABLE,
                new Problem(problem.getType(), problem.getTitle(), problem.getStatusCode(), problem.getDetail(), request.path()))
                .type(Problems.MEDIA_TYPE);
        problem.getHeaders().forEach(answer::header);
        return answer.build();
    }

    private RestResponse<Answer> answer(IngestionService.Outcome outcome) {
        Answer answer = answerTo(outcome);
        return RestResponse.ResponseBuilder.accepted(answer).location(URI.create(answer.location())).build();
    }

    private Answer answerTo(IngestionService.Outcome outcome) {
        ArticleRecord record = outcome.record();
        URI location = URI.create(config.catalogUrl() + "/api/articles/" + record.id());
        return new Answer(record.id(), outcome.status().name().toLowerCase(Locale.ROOT), location.toString(),
                record.title(), record.language(), record.events().size(),
                record.countries().stream().map(ArticleRecord.CountryMention::code).toList());
    }
}

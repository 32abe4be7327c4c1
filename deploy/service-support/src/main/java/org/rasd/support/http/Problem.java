package org.rasd.support.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkiverse.resteasy.problem.HttpProblem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.net.URI;

/**
 * A refusal as {@code application/problem+json} writes it (RFC 9457): what the API descriptions give every error
 * answer ({@code quarkus.resteasy.problem.openapi.default-schema}), and what a line of ingest's batch answer
 * carries. The extension's own schema would have {@code instance} be an absolute URI; Rasd writes the path.
 */
@Schema(name = "Problem", description = "A refusal (RFC 9457).")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        @Schema(format = "uri-reference", examples = "about:blank") URI type,
        @Schema(examples = "Unprocessable Content") String title,
        @Schema(examples = "422") int status,
        @Schema(examples = "The article has no text: give \"text\" or \"html\" with the article in it.") String detail,
        @Schema(format = "uri-reference", description = "The path the refused request was for; absent within a batch's answer.",
                examples = "/api/articles") String instance) {

    public static Problem of(HttpProblem problem) {
        return new Problem(problem.getType(), problem.getTitle(), problem.getStatusCode(), problem.getDetail(),
                problem.getInstance() == null ? null : problem.getInstance().toString());
    }
}

package org.rasd.support.http;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemContext;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemPostProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

/**
 * Two rules on top of the extension's problems: {@code type} is always written, and a query or path parameter
 * that does not convert ({@code ?limit=abc}) is a {@code 400}, not the {@code 404} JAX-RS prescribes (RESTEasy
 * Reactive raises a {@link NotFoundException} carrying the conversion failure; unknown paths and thrown 404s
 * carry none).
 */
@ApplicationScoped
public class ProblemRules implements ProblemPostProcessor {

    @Override
    public HttpProblem apply(HttpProblem problem, ProblemContext context) {
        HttpProblem.Builder rewritten = HttpProblem.builder(problem);
        if (problem.getStatusCode() == 404 && context.cause instanceof NotFoundException notFound && notFound.getCause() != null) {
            rewritten.withStatus(400).withTitle("Bad Request")
                    .withDetail("A query or path parameter has a value of the wrong type: " + notFound.getCause().getMessage());
        }
        if (problem.getType() == null) {
            rewritten.withType(Problems.ABOUT_BLANK);
        }
        return rewritten.build();
    }

    /** Before the extension's logger (101), so the log shows the final status. */
    @Override
    public int priority() {
        return 200;
    }
}

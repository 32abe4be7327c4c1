package org.rasd.ingest.submission;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;
import org.rasd.support.http.Problems;

/**
 * Ingest holds as many posts as it takes at once ({@link InFlightPosts}): a refusal of the moment, not a fault.
 * It carries no stack trace and is answered without one in the log: under overload there is one for every post
 * refused, and each is counted in the metrics ({@code rasd_ingest_articles_total{outcome="busy"}}).
 */
public final class IngestBusyException extends RuntimeException {

    /** Soon enough for a client to find a slot free, late enough not to come back into the same crowd. */
    public static final int RETRY_AFTER_SECONDS = 1;

    IngestBusyException(int limit) {
        super("Ingest is handling " + limit + " articles already, as many as it takes at once (INGEST_MAX_IN_FLIGHT); "
                + "nothing was accepted. Post it again in " + RETRY_AFTER_SECONDS + " s.", null, false, false);
    }

    /** The refusal as answered: 503, with Retry-After. */
    public HttpProblem problem() {
        return HttpProblem.builder(Problems.problem(Response.Status.SERVICE_UNAVAILABLE, getMessage()))
                .withHeader("Retry-After", RETRY_AFTER_SECONDS).build();
    }
}

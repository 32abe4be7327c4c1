package org.rasd.ingest.api;

import io.quarkus.logging.Log;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.rasd.ingest.messaging.BrokerUnavailableException;

/** Every refusal leaves as {@code application/problem+json}. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response refused(ProblemException e) {
        return e.toResponse();
    }

    @ServerExceptionMapper
    public Response unsupportedMediaType(NotSupportedException e) {
        return Problem.response(Response.Status.UNSUPPORTED_MEDIA_TYPE,
                "Post application/json, text/plain or text/html.");
    }

    @ServerExceptionMapper
    public Response brokerUnavailable(BrokerUnavailableException e) {
        Log.warnf("Article not accepted: %s", e.getMessage());
        Response problem = Problem.response(Response.Status.SERVICE_UNAVAILABLE,
                "The article was not stored: the message broker did not acknowledge it in time. Post it again later.");
        return Response.fromResponse(problem).header("Retry-After", e.retryAfterSeconds()).build();
    }

    @ServerExceptionMapper
    public Response other(WebApplicationException e) {
        Response.Status status = Response.Status.fromStatusCode(e.getResponse().getStatus());
        return Problem.response(status == null ? Response.Status.BAD_REQUEST : status, e.getMessage());
    }
}

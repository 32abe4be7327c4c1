package org.rasd.catalog.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every refusal leaves as an RFC 9457 {@code application/problem+json} document. */
public class Problems {

    public record Problem(String type, String title, int status, String detail) {
    }

    public static WebApplicationException problem(Response.Status status, String detail) {
        return new WebApplicationException(detail, status);
    }

    @ServerExceptionMapper
    public Response toProblem(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        return Response.status(status)
                .type("application/problem+json")
                .entity(new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), e.getMessage()))
                .build();
    }
}

package org.rasd.ingest.api;

import jakarta.ws.rs.core.Response;

/** A request the service refuses, with the status and the detail the client needs to fix it. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;

    public ProblemException(Response.Status status, String detail) {
        this(status.getStatusCode(), status.getReasonPhrase(), detail);
    }

    public ProblemException(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public Response toResponse() {
        return Problem.response(status, title, getMessage());
    }
}

package org.rasd.ingest.api;

import jakarta.ws.rs.core.Response;

/** A request the service refuses, with the status and the detail the client needs to fix it. */
public class ProblemException extends RuntimeException {

    private final Response.Status status;

    public ProblemException(Response.Status status, String detail) {
        super(detail);
        this.status = status;
    }

    public Response.Status status() {
        return status;
    }
}

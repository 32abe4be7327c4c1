package org.rasd.ingest.api;

import jakarta.ws.rs.core.Response;

/** An RFC 9457 problem detail: what went wrong and what to fix, sent as {@code application/problem+json}. */
public record Problem(String type, String title, int status, String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** 422 is not in JAX-RS's Status enum. */
    public static final int UNPROCESSABLE_CONTENT = 422;

    public static Response response(Response.Status status, String detail) {
        return response(status.getStatusCode(), status.getReasonPhrase(), detail);
    }

    public static Response response(int status, String title, String detail) {
        return Response.status(status, title)
                .type(MEDIA_TYPE)
                .entity(new Problem("about:blank", title, status, detail))
                .build();
    }
}

package org.rasd.support.http;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/**
 * The one problem type of Rasd (RFC 9457, {@code application/problem+json}), built on quarkus-resteasy-problem:
 * every service throws {@link HttpProblem}s made here, and the extension writes them and every framework error
 * (404, 405, 406, 415, 500) in the same shape. Errors answered below the REST layer use {@link #write}.
 */
public final class Problems {

    public static final URI ABOUT_BLANK = URI.create("about:blank");
    public static final String MEDIA_TYPE = "application/problem+json";

    public static HttpProblem problem(Response.Status status, String detail) {
        return problem(status.getStatusCode(), status.getReasonPhrase(), detail);
    }

    public static HttpProblem problem(int status, String title, String detail) {
        return HttpProblem.builder().withType(ABOUT_BLANK).withStatus(status).withTitle(title).withDetail(detail).build();
    }

    /** 422 is not in JAX-RS's Status enum: the body is well-formed but cannot be processed. */
    public static HttpProblem unprocessable(String detail) {
        return problem(422, "Unprocessable Content", detail);
    }

    /** Writes a problem straight on the HTTP response, for what is refused before the REST layer sees it. */
    static void write(RoutingContext context, int status, String title, String detail) {
        JsonObject body = new JsonObject().put("type", ABOUT_BLANK.toString()).put("title", title).put("status", status);
        if (detail != null) {
            body.put("detail", detail);
        }
        body.put("instance", context.request().path());
        context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, MEDIA_TYPE).end(body.encode());
    }

    private Problems() {
    }
}

package org.rasd.support.http;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * The one problem type of Rasd (RFC 9457, {@code application/problem+json}), built on quarkus-resteasy-problem:
 * every service throws {@link HttpProblem}s made here, and the extension writes them and every framework error
 * (404, 405, 406, 415, 500) in the same shape. Errors answered below the REST layer use {@link #refuse}.
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

    /**
     * Refuses a request before the REST layer sees it, with a problem written straight on the response. When
     * the client may still be sending a body, the rest of it is read and dropped for a while before the
     * connection is closed, as web servers do ("lingering close"): a client that writes its whole body before
     * reading would otherwise lose the answer to a reset connection.
     */
    public static void refuse(RoutingContext context, int status, String title, String detail, Map<String, String> headers) {
        HttpServerRequest request = context.request();
        boolean bodyPending = !request.isEnded() && announcesBody(request);
        headers.forEach(context.response()::putHeader);
        if (bodyPending) {
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
        }
        // the path as the request wrote it, malformed escapes too: no URI parsing can fail a refusal
        String body = Json.encode(new Problem(ABOUT_BLANK, title, status, detail, request.path()));
        context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, MEDIA_TYPE).end(body);
        if (bodyPending) {
            long closeAt = context.vertx().setTimer(LINGER.toMillis(), ignored -> request.connection().close());
            request.handler(dropped -> { });
            request.endHandler(ended -> {
                context.vertx().cancelTimer(closeAt);
                request.connection().close();
            });
            request.resume();
        }
    }

    /** Whether the request says a body follows: a length above zero, or chunks. */
    static boolean announcesBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return length == null ? request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null : !"0".equals(length);
    }

    static void refuse(RoutingContext context, int status, String title, String detail) {
        refuse(context, status, title, detail, Map.of());
    }

    /** How long a refused body is read and dropped before the connection is closed. */
    private static final Duration LINGER = Duration.ofSeconds(10);

    private Problems() {
    }
}

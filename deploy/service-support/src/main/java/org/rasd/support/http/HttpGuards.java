package org.rasd.support.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Refusals the HTTP server would otherwise answer with an empty body, made problems: a body over the limit
 * ({@code quarkus.http.limits.max-body-size}), announced by its length or found while a chunked body streams
 * in, and a URI longer than {@code rasd.http.max-uri-length}. (The server's own line limit, set higher,
 * still answers a bare 414 beyond it.) A URI holding a control character ({@code %00} to {@code %1F}) is
 * refused too: no path or parameter of Rasd has one, and PostgreSQL cannot even compare a NUL.
 */
@ApplicationScoped
public class HttpGuards {

    private static final Pattern CONTROL_CHARACTER = Pattern.compile("%[01][0-9A-Fa-f]|[\\x00-\\x1F]");

    /** How long a refused body is read and dropped before the connection is closed. */
    private static final Duration LINGER = Duration.ofSeconds(10);

    private final long maxBodySize;
    private final int maxUriLength;
    private final BodyHandler chunkedBody;

    public HttpGuards(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
                      @ConfigProperty(name = "rasd.http.max-uri-length", defaultValue = "4096") int maxUriLength) {
        this.maxBodySize = maxBodySize.asLongValue();
        this.maxUriLength = maxUriLength;
        this.chunkedBody = BodyHandler.create(false).setBodyLimit(this.maxBodySize);
    }

    void install(@Observes Router router) {
        router.route().order(-101).handler(this::limitUri);
        router.route().order(-100).handler(this::limitBody);
        router.route().order(-100).failureHandler(this::failure);
    }

    private void limitUri(RoutingContext context) {
        String uri = context.request().uri();
        if (uri.length() > maxUriLength) {
            Problems.write(context, 414, "URI Too Long",
                    "The request URI has " + uri.length() + " characters; the limit is " + maxUriLength + ".");
            return;
        }
        if (CONTROL_CHARACTER.matcher(uri).find()) {
            Problems.write(context, 400, "Bad Request", "The request URI holds a control character (%00 to %1F).");
            return;
        }
        context.next();
    }

    private void limitBody(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            if (!length.isEmpty() && length.chars().allMatch(Character::isDigit)
                    && (length.length() > 18 || Long.parseLong(length) > maxBodySize)) {
                refuseUnreadBody(context, tooLarge("has " + length + " bytes"));
                return;
            }
            context.next();
        } else if (context.request().getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
            // No length up front: buffer it, counting; past the limit the handler fails the request with 413.
            chunkedBody.handle(context);
        } else {
            context.next();
        }
    }

    private void failure(RoutingContext context) {
        if (context.response().ended() || context.response().headWritten()) {
            context.next();
            return;
        }
        int status = context.statusCode() > 0 ? context.statusCode() : 500;
        if (status == 413) {
            refuseUnreadBody(context, tooLarge("grew past the limit while it was sent"));
        } else {
            Problems.write(context, status, HttpResponseStatus.valueOf(status).reasonPhrase(), null);
        }
    }

    /**
     * Answers 413 while the client may still be sending, then goes on reading (and dropping) what it sends for
     * a while before closing, as web servers do ("lingering close"): a client that writes its whole body before
     * reading would otherwise lose the answer to a reset connection.
     */
    private static void refuseUnreadBody(RoutingContext context, String detail) {
        HttpServerRequest request = context.request();
        context.response().putHeader(HttpHeaders.CONNECTION, "close");
        Problems.write(context, 413, "Content Too Large", detail);
        long closeAt = context.vertx().setTimer(LINGER.toMillis(), ignored -> request.connection().close());
        request.handler(dropped -> { });
        request.endHandler(ended -> {
            context.vertx().cancelTimer(closeAt);
            request.connection().close();
        });
        request.resume();
    }

    private String tooLarge(String what) {
        return "The body " + what + "; the limit is " + maxBodySize + " bytes.";
    }
}

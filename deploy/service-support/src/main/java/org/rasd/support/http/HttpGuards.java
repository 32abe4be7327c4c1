package org.rasd.support.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.logging.Log;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.impl.RoutingContextInternal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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

    /** type/subtype, each an RFC 9110 token, then any parameters. */
    private static final Pattern MEDIA_TYPE = Pattern.compile("\\s*[-!#$%&'*+.^_`|~0-9A-Za-z]+/[-!#$%&'*+.^_`|~0-9A-Za-z]+\\s*(;.*)?");
    private static final Pattern CONTROL_CHARACTER = Pattern.compile("%[01][0-9A-Fa-f]|[\\x00-\\x1F]");

    private final long maxBodySize;
    private final int maxUriLength;

    public HttpGuards(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
                      @ConfigProperty(name = "rasd.http.max-uri-length", defaultValue = "4096") int maxUriLength) {
        this.maxBodySize = maxBodySize.asLongValue();
        this.maxUriLength = maxUriLength;
    }

    void install(@Observes Router router) {
        router.route().order(-101).handler(this::limitUri);
        router.route().order(-101).handler(this::requireMediaType);
        router.route().order(-100).handler(this::limitBody);
        router.route().order(-100).failureHandler(this::failure);
    }

    private void limitUri(RoutingContext context) {
        String uri = context.request().uri();
        if (uri.length() > maxUriLength) {
            Problems.refuse(context, 414, "URI Too Long",
                    "The request URI has " + uri.length() + " characters; the limit is " + maxUriLength + ".");
            return;
        }
        if (CONTROL_CHARACTER.matcher(uri).find()) {
            Problems.refuse(context, 400, "Bad Request", "The request URI holds a control character (%00 to %1F).");
            return;
        }
        context.next();
    }

    /**
     * A body must say what it is, in a Content-Type that parses: left to the REST layer, a missing one is taken
     * for whatever a method consumes, and one that does not parse ends in a 500.
     */
    private void requireMediaType(RoutingContext context) {
        HttpServerRequest request = context.request();
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (type == null ? Problems.announcesBody(request) : !MEDIA_TYPE.matcher(type).matches()) {
            Problems.refuse(context, 415, "Unsupported Media Type", type == null
                    ? "The body has no Content-Type: say what it is (application/json, text/plain or text/html)."
                    : "The Content-Type " + type + " is not a media type such as application/json.");
            return;
        }
        context.next();
    }

    private void limitBody(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            if (!length.isEmpty() && length.chars().allMatch(Character::isDigit)
                    && (length.length() > 18 || Long.parseLong(length) > maxBodySize)) {
                Problems.refuse(context, 413, "Content Too Large", tooLarge("has " + length + " bytes"));
                return;
            }
            context.next();
        } else if (streamsBody(context.request())) {
            readCounting(context);
        } else {
            context.next();
        }
    }

    /**
     * A body without a length up front is read here, counting: past the limit it is refused at once; within
     * it, the REST layer gets it buffered. (Vert.x's BodyHandler buffers too, but the REST layer then reads
     * a large buffered body as zeros.)
     */
    private void readCounting(RoutingContext context) {
        HttpServerRequest request = context.request();
        Buffer body = Buffer.buffer();
        request.handler(chunk -> {
            if (body.length() + chunk.length() > maxBodySize) {
                Problems.refuse(context, 413, "Content Too Large", tooLarge("grew past the limit while it was sent")); // replaces these handlers
                return;
            }
            body.appendBuffer(chunk);
        });
        request.endHandler(ended -> {
            // Vert.x's own BodyHandler sets the body the same way; the REST layer reads it from there.
            ((RoutingContextInternal) context).setBody(body);
            context.next();
        });
        request.exceptionHandler(context::fail);
        request.resume();
    }

    /** A body sent without a length, in chunks (the services speak HTTP/1.1 only: see microprofile-config.properties). */
    private static boolean streamsBody(HttpServerRequest request) {
        return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    private void failure(RoutingContext context) {
        if (context.response().ended() || context.response().headWritten()) {
            context.next();
            return;
        }
        int status = context.statusCode() > 0 ? context.statusCode() : 500;
        if (status >= 500) {
            Log.errorf(context.failure(), "%s %s failed below the REST layer", context.request().method(), context.request().path());
        }
        Problems.refuse(context, status, HttpResponseStatus.valueOf(status).reasonPhrase(), null);
    }

    private String tooLarge(String what) {
        return "The body " + what + "; the limit is " + maxBodySize + " bytes.";
    }
}

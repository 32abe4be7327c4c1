package org.rasd.ingest.feeds;

import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpClientResponse;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/** GETs of feeds and of their items' pages on Vert.x's HTTP client: no thread waits for an answer. */
@ApplicationScoped
class WebFetcher {

    /** Enough for a tracking link or two and an http-to-https move; a longer chain is no page worth waiting for. */
    private static final int MAX_REDIRECTS = 5;

    /** An answer: its status, the URL it finally came from (after redirects), its headers and its body. */
    record Answer(int status, String url, MultiMap headers, byte[] body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        String header(CharSequence name) {
            return headers.get(name);
        }
    }

    /** A body longer than the caller takes: not read further. */
    static final class TooLargeException extends RuntimeException {
        TooLargeException(String url, long maxBytes) {
            super(url + " answered more than " + maxBytes + " bytes");
        }
    }

    private final HttpClient client;
    private final Duration timeout;
    private final String userAgent;

    WebFetcher(Vertx vertx, FeedsConfig config) {
        this.timeout = config.requestTimeout();
        this.userAgent = config.userAgent();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setTryUseCompression(true)
                .setMaxRedirects(MAX_REDIRECTS)
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis())));
    }

    @PreDestroy
    void close() {
        client.closeAndForget();
    }

    /**
     * A GET of the URL, following redirects. Fails when the whole answer did not come within the request timeout,
     * and with {@link TooLargeException} when its body is over {@code maxBytes}; the request is dropped then.
     */
    Uni<Answer> get(String url, Map<CharSequence, String> headers, long maxBytes) {
        return Uni.createFrom().deferred(() -> {
                    RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url)
                            .setFollowRedirects(true).setIdleTimeout(timeout.toMillis())
                            .putHeader(HttpHeaders.USER_AGENT, userAgent);
                    headers.forEach(options::putHeader);
                    return client.request(options);
                })
                .chain(request -> request.send()
                        .chain(response -> body(url, response, maxBytes).map(body -> new Answer(response.statusCode(),
                                response.request().absoluteURI(), response.headers().getDelegate(), body)))
                        .onTermination().invoke((answer, failure, cancelled) -> {
                            if (failure != null || cancelled) {
                                request.reset(); // frees the connection of an answer not read to its end
                            }
                        }))
                .ifNoItem().after(timeout).failWith(() -> new TimeoutException("no whole answer from " + url + " within " + timeout));
    }

    private static Uni<byte[]> body(String url, HttpClientResponse response, long maxBytes) {
        return response.toMulti()
                .collect().in(Buffer::buffer, (body, chunk) -> {
                    if (body.length() + chunk.length() > maxBytes) {
                        throw new TooLargeException(url, maxBytes);
                    }
                    body.appendBuffer(chunk);
                })
                .map(Buffer::getBytes);
    }
}

package org.rasd.ingest.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.rasd.ingest.IngestConfig;

import java.util.Optional;

/**
 * Refuses a body over the limit before reading it, with a problem that says the limit. (A chunked body without
 * a length is stopped by the HTTP server's own, larger limit.)
 */
public class BodySizeFilter {

    private final IngestConfig config;

    public BodySizeFilter(IngestConfig config) {
        this.config = config;
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> limitBodySize(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        long limit = config.maxBodySize().asLongValue();
        if (length != null && length.chars().allMatch(Character::isDigit) && !length.isEmpty()
                && Long.parseLong(length) > limit) {
            return Optional.of(Problem.response(Response.Status.REQUEST_ENTITY_TOO_LARGE,
                    "The body has " + length + " bytes; the limit is " + limit + " bytes."));
        }
        return Optional.empty();
    }
}

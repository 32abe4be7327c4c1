package org.rasd.support.auth;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.rasd.support.http.Problems;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Writes (and admin calls) need an API key ({@code Authorization: Bearer ...}); reads need one only when
 * {@code rasd.auth.protect-reads} says so. Each key's writes are rate-limited, with {@code 429} and
 * {@code Retry-After} past the limit.
 */
public class ApiKeyFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String BEARER = "Bearer ";

    private final ApiKeys keys;
    private final WriteRateLimiter limiter;
    private final AuthConfig config;

    public ApiKeyFilter(ApiKeys keys, WriteRateLimiter limiter, AuthConfig config) {
        this.keys = keys;
        this.limiter = limiter;
        this.config = config;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Optional<Response> authorise(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        boolean write = !READS.contains(request.getMethod()) || path.startsWith("/api/admin");
        if (!write && !config.protectReads()) {
            return Optional.empty();
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.of(unauthorised("This call needs an API key: send Authorization: Bearer <key>."));
        }
        String key = header.substring(BEARER.length()).strip();
        if (keys.nameOf(key).isEmpty()) {
            return Optional.of(unauthorised(keys.isEmpty() ? "This service has no API keys configured (RASD_API_KEYS or "
                    + "RASD_API_KEYS_FILE), so it takes no writes." : "The API key is not one this service knows."));
        }
        if (write) {
            Duration wait = limiter.acquire(key);
            if (!wait.isZero()) {
                long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
                return Optional.of(HttpProblem.builder(Problems.problem(429, "Too Many Requests",
                                "This key's writes are over its rate limit; wait " + seconds + " s."))
                        .withHeader("Retry-After", seconds).build().toResponse());
            }
        }
        return Optional.empty();
    }

    private static Response unauthorised(String detail) {
        return HttpProblem.builder(Problems.problem(Response.Status.UNAUTHORIZED, detail))
                .withHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build().toResponse();
    }
}

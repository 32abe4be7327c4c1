package org.rasd.support.auth;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.rasd.support.http.Problems;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes need an API key ({@code Authorization: Bearer ...}); reads of {@code /api/} need one only when
 * {@code rasd.auth.protect-reads} says so. Everything below {@code rasd.auth.admin-paths} needs an admin key
 * ({@code 403} for another). Each key's writes are rate-limited, with {@code 429} and {@code Retry-After} past the
 * limit. Checked on the router, before anything else: a caller without a key gets nothing read or buffered.
 */
@ApplicationScoped
public class ApiKeyGuard {

    /** Why a call is refused with 401, 403 or 429, as the API descriptions give it. */
    public static final String UNAUTHORISED = "No API key, or one this service does not know.";
    public static final String NOT_ADMIN = "The key is not an admin key.";
    public static final String OVER_RATE = "The key's writes are over its rate limit; Retry-After says when to try again.";

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String BEARER = "Bearer ";

    private final ApiKeys keys;
    private final WriteRateLimiter limiter;
    private final AuthConfig config;

    public ApiKeyGuard(ApiKeys keys, WriteRateLimiter limiter, AuthConfig config) {
        this.keys = keys;
        this.limiter = limiter;
        this.config = config;
    }

    void install(@Observes Router router) {
        router.route().order(-102).handler(this::authorise);
    }

    private void authorise(RoutingContext context) {
        boolean write = !READS.contains(context.request().method().name());
        String path = context.normalizedPath();
        boolean admin = isAdmin(path);
        if (!write && !(config.protectReads() && path.contains("/api/")) && !admin) {
            context.next();
            return;
        }
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            unauthorised(context, "This call needs an API key: send Authorization: Bearer <key>.");
            return;
        }
        String key = header.substring(BEARER.length()).strip();
        Optional<ApiKeys.Key> known = keys.find(key);
        if (known.isEmpty()) {
            unauthorised(context, keys.isEmpty() ? "This service has no API keys configured (RASD_API_KEYS or "
                    + "RASD_API_KEYS_FILE), so it takes no writes." : "The API key is not one this service knows.");
            return;
        }
        if (admin && !known.get().admin()) {
            Problems.refuse(context, 403, "Forbidden", "This call needs an admin key (an entry name:sha256hex:admin); "
                    + "the key " + known.get().name() + " is not one.", Map.of());
            return;
        }
        if (write) {
            Duration wait = limiter.acquire(key);
            if (!wait.isZero()) {
                long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
                Problems.refuse(context, 429, "Too Many Requests", "This key's writes are over its rate limit; wait "
                        + seconds + " s.", Map.of("Retry-After", Long.toString(seconds)));
                return;
            }
        }
        context.next();
    }

    private boolean isAdmin(String path) {
        return config.adminPaths().stream()
                .anyMatch(root -> path.equals(root) || path.startsWith(root.endsWith("/") ? root : root + "/"));
    }

    private static void unauthorised(RoutingContext context, String detail) {
        Problems.refuse(context, 401, "Unauthorized", detail, Map.of("WWW-Authenticate", "Bearer"));
    }
}

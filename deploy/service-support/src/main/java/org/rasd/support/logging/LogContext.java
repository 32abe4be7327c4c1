package org.rasd.support.logging;

import io.smallrye.common.vertx.VertxContext;
import org.jboss.logging.MDC;

import java.util.HashMap;
import java.util.Map;

/**
 * What a log line is about, in its MDC, so that a log collector finds every line about an article (or event) in
 * every service: JSON lines ({@code RASD_LOG_JSON}) carry the MDC as {@code "mdc"}. With tracing on the MDC also has
 * the current span's {@code traceId} and {@code spanId}.
 * <p>
 * Quarkus keeps the MDC in the current Vert.x duplicated context, one for each HTTP request and each consumed
 * message, and a thread-local one elsewhere. A line about one of a batch's articles is logged {@link #with} its
 * fields, which works on any thread; {@link #forContext} gives the rest of a request's lines a field, and only on a
 * duplicated context, where it goes when the request does.
 */
public final class LogContext {

    public static final String ARTICLE_ID = "articleId";
    public static final String EVENT_ID = "eventId";

    /** Logs with these fields in the MDC (null values left out), and puts back what was there. */
    public static void with(Map<String, String> fields, Runnable logging) {
        Map<String, Object> before = new HashMap<>();
        fields.forEach((key, value) -> {
            if (value != null) {
                before.put(key, MDC.get(key));
                MDC.put(key, value);
            }
        });
        try {
            logging.run();
        } finally {
            before.forEach((key, value) -> {
                if (value == null) {
                    MDC.remove(key);
                } else {
                    MDC.put(key, value);
                }
            });
        }
    }

    /** Logs with the article's id in the MDC. */
    public static void article(String articleId, Runnable logging) {
        with(articleId == null ? Map.of() : Map.of(ARTICLE_ID, articleId), logging);
    }

    /** Logs with an event's id and its article's in the MDC. */
    public static void event(String eventId, String articleId, Runnable logging) {
        Map<String, String> fields = new HashMap<>();
        fields.put(EVENT_ID, eventId);
        fields.put(ARTICLE_ID, articleId);
        with(fields, logging);
    }

    /**
     * Puts a field in the MDC of the current duplicated context (the request or message being handled), for the rest
     * of its lines; nothing elsewhere, where it would stay on a pooled thread.
     *
     * @return whether it was put
     */
    public static boolean forContext(String key, String value) {
        if (value == null || !VertxContext.isOnDuplicatedContext()) {
            return false;
        }
        MDC.put(key, value);
        return true;
    }

    private LogContext() {
    }
}

package org.rasd.embedded;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The Kafka topics Rasd uses, with the partition counts and the settings they are created with. Three partitions
 * each: one per consumer of a group on this 2-core box, and room for a second instance of each service.
 */
public final class Topics {

    /**
     * Article records from ingest, keyed by article id. Kept 7 days: the hand-off to the catalog, which keeps every
     * accepted article in PostgreSQL; the catalog may be down that long before an accepted article could be lost.
     */
    public static final Topic ARTICLES = new Topic("articles", 3, deleteAfter(Duration.ofDays(7)));
    /**
     * The catalog's changelog of stored events, keyed by event id. Compacted: the latest message of every event is
     * kept for good, so that a new analytics instance can count everything from the topic's start.
     */
    public static final Topic EVENTS = new Topic("events", 3, Map.of("cleanup.policy", "compact"));
    /**
     * The catalog's changelog of incidents, keyed by incident id: each incident as it is after a batch of mentions
     * joined or left it, or its removal when none is left. Compacted like the events.
     */
    public static final Topic INCIDENTS = new Topic("incidents", 3, Map.of("cleanup.policy", "compact"));
    /**
     * Article records the catalog could not process, with the reason in the {@code dead-letter-reason} header.
     * Kept 30 days, for an operator to read and post again.
     */
    public static final Topic ARTICLES_DLQ = new Topic("articles.dlq", 3, deleteAfter(Duration.ofDays(30)));
    /** Event messages analytics could not count, with the reason in the {@code dead-letter-reason} header; 30 days. */
    public static final Topic EVENTS_DLQ = new Topic("events.dlq", 3, deleteAfter(Duration.ofDays(30)));

    public static final List<Topic> ALL = List.of(ARTICLES, EVENTS, INCIDENTS, ARTICLES_DLQ, EVENTS_DLQ);

    /** @param settings topic-level settings (cleanup.policy, retention.ms), set when the topic is created or found */
    public record Topic(String name, int partitions, Map<String, String> settings) {
    }

    private static Map<String, String> deleteAfter(Duration retention) {
        return Map.of("cleanup.policy", "delete", "retention.ms", Long.toString(retention.toMillis()));
    }

    private Topics() {
    }
}

package org.rasd.embedded;

import java.util.List;

/** The Kafka topics Rasd uses, with the partition counts they are created with. */
public final class Topics {

    /** Article records from ingest, keyed by article id. */
    public static final Topic ARTICLES = new Topic("articles", 3);
    /** The catalog's changelog of stored events, keyed by event id. */
    public static final Topic EVENTS = new Topic("events", 3);
    /** Article records the catalog could not process, with the reason in the {@code dead-letter-reason} header. */
    public static final Topic ARTICLES_DLQ = new Topic("articles.dlq", 3);

    /** Event messages analytics could not count, with the reason in the {@code dead-letter-reason} header. */
    public static final Topic EVENTS_DLQ = new Topic("events.dlq", 3);

    public static final List<Topic> ALL = List.of(ARTICLES, EVENTS, ARTICLES_DLQ, EVENTS_DLQ);

    public record Topic(String name, int partitions) {
    }

    private Topics() {
    }
}

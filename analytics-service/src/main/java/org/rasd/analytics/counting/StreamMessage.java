package org.rasd.analytics.counting;

/**
 * One message of the aggregate stream with its place in it, sent as its SSE {@code id}: a change's {@code seq} in
 * the change log, or for a snapshot the highest {@code seq} it includes.
 */
public record StreamMessage(long id, Aggregates.Update update) {

    boolean isSnapshot() {
        return update.kind().equals(Aggregates.Update.SNAPSHOT);
    }
}

package org.rasd.ingest.feeds;

/**
 * What became of a new item of a feed.
 *
 * @param detail why it was refused or left for the next poll, or where its text came from when not from its page
 */
record ItemResult(String key, Outcome outcome, String detail) {

    enum Outcome {
        /** Published as a new article. */
        ACCEPTED,
        /** Published as a new version of an article the catalog holds. */
        UPDATED,
        /** The catalog holds it as it is. */
        DUPLICATE,
        /** Ingestion will never take it as it is (no text, too large, ...): not tried again. */
        REFUSED,
        /** Failed for a reason that may pass (its page or the broker down): tried again at the next poll. */
        RETRY
    }

    /** Whether the item is done with: anything but {@link Outcome#RETRY}. */
    boolean settled() {
        return outcome != Outcome.RETRY;
    }
}

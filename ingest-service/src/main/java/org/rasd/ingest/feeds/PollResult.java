package org.rasd.ingest.feeds;

/** How a poll of a feed ended. */
public enum PollResult {
    /** The feed was read, whether or not it had new items. */
    FETCHED,
    /** 304: nothing changed since the last read. */
    NOT_MODIFIED,
    /** No feed was read: see the poll's error. */
    FAILED
}

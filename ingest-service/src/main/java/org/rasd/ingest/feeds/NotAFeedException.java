package org.rasd.ingest.feeds;

/** A document that is no RSS or Atom feed ingest can read. */
class NotAFeedException extends RuntimeException {

    NotAFeedException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.rasd.ingest.messaging;

/** The broker did not acknowledge an article in time; nothing was accepted. */
public class BrokerUnavailableException extends RuntimeException {

    public BrokerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public long retryAfterSeconds() {
        return 5;
    }
}

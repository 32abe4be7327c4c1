package org.rasd.support.storage;

/**
 * A consumed record that no retry can store or count: it goes to the dead-letter topic with {@link #getMessage()}
 * as the reason, and the consumer goes on with the next one.
 */
public class RecordAtFaultException extends RuntimeException {

    public RecordAtFaultException(String reason) {
        super(reason);
    }
}

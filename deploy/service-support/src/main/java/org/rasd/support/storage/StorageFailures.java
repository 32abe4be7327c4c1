package org.rasd.support.storage;

import io.vertx.pgclient.PgException;

import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

/**
 * Tells a record the database will never take from a database that cannot take anything right now. Only the
 * first is given up on (dead-lettered); the second is waited out, however long it lasts.
 */
public final class StorageFailures {

    /**
     * SQLSTATE classes that blame the statement's data: data exception (22: a NUL in a text, a date out of
     * range), integrity constraint violation (23) and program limit exceeded (54: a row or index entry too
     * large). Connection loss, shutdown (57P) and resource classes are the server's state and pass.
     */
    private static final Set<String> RECORD_AT_FAULT = Set.of("22", "23", "54");

    /** @return why the database refused the record, when the record itself is at fault */
    public static Optional<String> recordAtFault(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            // The reactive client raises PgException; Hibernate Reactive hands it on as a java.sql.SQLException.
            String state = cause instanceof PgException refusal ? refusal.getSqlState()
                    : cause instanceof SQLException refusal ? refusal.getSQLState() : null;
            if (state != null && state.length() == 5 && RECORD_AT_FAULT.contains(state.substring(0, 2))) {
                String message = cause instanceof PgException refusal ? refusal.getErrorMessage()
                        : cause.getMessage().replace(" (" + state + ")", "");
                return Optional.of("PostgreSQL refused it: " + message + " (SQLSTATE " + state + ")");
            }
        }
        return Optional.empty();
    }

    private StorageFailures() {
    }
}

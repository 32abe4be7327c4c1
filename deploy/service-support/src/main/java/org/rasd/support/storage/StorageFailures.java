package org.rasd.support.storage;

import io.netty.channel.ChannelException;
import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;

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

    /**
     * SQLSTATE classes that are the server's state whatever the record: connection exception (08), transaction
     * rollback such as a deadlock (40), insufficient resources such as a full disk (53), operator intervention
     * such as a shutdown (57), and the schema not matching the statement, the same for every record: feature not
     * supported (0A), which is what PostgreSQL answers a statement a connection prepared before a migration changed
     * its result («cached plan must not change result type»; the client drops the statement on that answer, so the
     * next try prepares it anew), and syntax error or access rule violation (42: a table an instance older than the
     * schema still reads, a privilege missing).
     */
    private static final Set<String> STORE_UNAVAILABLE = Set.of("08", "0A", "40", "42", "53", "57");

    /**
     * Whether the failure says the database cannot be reached or cannot work right now: a network failure, or
     * a SQLSTATE of the server's state. Such failures are waited out however often they repeat.
     */
    public static boolean isStoreUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            // the server's answer decides first: a PgException is a VertxException too, whatever its SQLSTATE
            String state = sqlState(cause);
            if (state != null) {
                return STORE_UNAVAILABLE.contains(state.substring(0, 2));
            }
            if (cause instanceof IOException || cause instanceof VertxException || cause instanceof ChannelException
                    || cause instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** @return why the database refused the record, when the record itself is at fault */
    public static Optional<String> recordAtFault(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            String state = sqlState(cause);
            if (state != null && RECORD_AT_FAULT.contains(state.substring(0, 2))) {
                String message = cause instanceof PgException refusal ? refusal.getErrorMessage()
                        : cause.getMessage().replace(" (" + state + ")", "");
                return Optional.of("PostgreSQL refused it: " + message + " (SQLSTATE " + state + ")");
            }
        }
        return Optional.empty();
    }

    /** The reactive client raises PgException; Hibernate Reactive hands it on as a java.sql.SQLException. */
    private static String sqlState(Throwable cause) {
        String state = cause instanceof PgException refusal ? refusal.getSqlState()
                : cause instanceof SQLException refusal ? refusal.getSQLState() : null;
        return state != null && state.length() == 5 ? state : null;
    }

    private StorageFailures() {
    }
}

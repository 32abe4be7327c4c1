package org.rasd.support.storage;

import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StorageFailuresTest {

    @Test
    void dataErrorsBlameTheRecordWhereverTheyAreInTheChain() {
        PgException nul = new PgException("invalid byte sequence for encoding \"UTF8\": 0x00", "ERROR", "22021", null);
        assertEquals("PostgreSQL refused it: invalid byte sequence for encoding \"UTF8\": 0x00 (SQLSTATE 22021)",
                StorageFailures.recordAtFault(new CompletionException(new RuntimeException(nul))).orElseThrow());
        assertTrue(StorageFailures.recordAtFault(new SQLException("duplicate key", "23505")).isPresent());
        assertTrue(StorageFailures.recordAtFault(new SQLException("index row too big", "54000")).isPresent());
    }

    @Test
    void anUnreachableOrRestartingServerDoesNot() {
        assertTrue(StorageFailures.recordAtFault(new ConnectException("Connection refused")).isEmpty());
        assertTrue(StorageFailures.recordAtFault(new PgException("terminating connection due to administrator command",
                "FATAL", "57P01", null)).isEmpty());
        assertTrue(StorageFailures.recordAtFault(new SQLException("the database system is starting up", "57P03")).isEmpty());
        assertTrue(StorageFailures.recordAtFault(new SQLException("no state")).isEmpty());
    }

    @Test
    void aStatementPreparedBeforeAMigrationChangedItsResultIsRetriedNotBlamedOnTheRecord() {
        PgException stale = new PgException("cached plan must not change result type", "ERROR", "0A000", null);
        assertTrue(StorageFailures.isStoreUnavailable(new CompletionException(stale)));
        assertTrue(StorageFailures.recordAtFault(stale).isEmpty());
    }

    @Test
    void anErrorTheServerAnswersIsJudgedByItsStateNotByTheClientsExceptionType() {
        // a PgException is a VertxException, which a lost connection raises too
        assertFalse(StorageFailures.isStoreUnavailable(new PgException("could not open relation", "ERROR", "XX000", null)));
        assertTrue(StorageFailures.isStoreUnavailable(new PgException("relation \"country_incident\" does not exist", "ERROR", "42P01", null)),
                "an instance older than the schema waits for its upgrade, whatever record it holds");
        assertTrue(StorageFailures.isStoreUnavailable(new VertxException("Connection is closed")));
    }
}

package org.rasd.support.storage;

import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UntilStoredTest {

    @Test
    void aRecordThatKeepsFailingWhileTheDatabaseAnswersIsAtFault() {
        AtomicInteger attempts = new AtomicInteger();
        RecordAtFaultException failure = assertThrows(RecordAtFaultException.class, () -> UntilStored.<String>store(
                () -> {
                    attempts.incrementAndGet();
                    return Uni.createFrom().failure(new IllegalStateException("two events with one id"));
                }, () -> Uni.createFrom().item(true), retried -> { })
                .await().atMost(Duration.ofSeconds(10)));
        assertEquals(UntilStored.FAILURES_WHILE_STORE_ANSWERS, attempts.get());
        assertTrue(failure.getMessage().contains("two events with one id"), failure.getMessage());
    }

    @Test
    void aDatabaseThatDoesNotAnswerIsWaitedOutAndTheRecordStoredWhenItComesBack() {
        AtomicInteger attempts = new AtomicInteger();
        String stored = UntilStored.<String>store(
                () -> attempts.incrementAndGet() < 6
                        ? Uni.createFrom().failure(attempts.get() % 2 == 0 ? new ConnectException("refused")
                                : new IllegalStateException("pool closed"))
                        : Uni.createFrom().item("stored"),
                () -> Uni.createFrom().item(false), retried -> { })
                .await().atMost(Duration.ofSeconds(30));
        assertEquals("stored", stored);
        assertEquals(6, attempts.get(), "five failures waited out, more than the three a record at fault gets");
    }

    @Test
    void dataTheDatabaseRefusesIsAtFaultAtOnce() {
        AtomicInteger attempts = new AtomicInteger();
        RecordAtFaultException failure = assertThrows(RecordAtFaultException.class, () -> UntilStored.<String>store(
                () -> {
                    attempts.incrementAndGet();
                    return Uni.createFrom().failure(new java.sql.SQLException("invalid byte sequence", "22021"));
                }, () -> Uni.createFrom().item(true), retried -> { })
                .await().atMost(Duration.ofSeconds(10)));
        assertEquals(1, attempts.get());
        assertTrue(failure.getMessage().contains("SQLSTATE 22021"), failure.getMessage());
    }
}

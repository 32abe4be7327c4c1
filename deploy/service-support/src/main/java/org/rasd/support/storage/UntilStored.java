package org.rasd.support.storage;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Stores a consumed record, waiting for as long as the store is down. A consumer that gave up after a budget
 * would have to drop the record or stop; one that waits keeps its place in the partition and goes on where it
 * was when the store comes back. A record that fails while the store answers is at fault, not the store: it
 * ends in a {@link RecordAtFaultException} for the dead-letter topic, so that one bad record never holds up
 * the rest.
 */
public final class UntilStored {

    /** The first wait after a failure; each next one doubles, up to {@link #LONGEST_WAIT}. */
    public static final Duration FIRST_WAIT = Duration.ofMillis(200);
    public static final Duration LONGEST_WAIT = Duration.ofSeconds(5);
    /** Failures in a row, with the store answering, after which the record is taken to be at fault. */
    static final int FAILURES_WHILE_STORE_ANSWERS = 3;

    /**
     * @param attempt      one try at storing; subscribed again after each failure that is the store's
     * @param storeAnswers whether the store answers a trivial query right now
     * @param onRetry      told of each failure that is waited out
     * @return the stored result, or a {@link RecordAtFaultException}: the database refused the record's data,
     * or the record kept failing while the database answered
     */
    public static <T> Uni<T> store(Supplier<Uni<? extends T>> attempt, Supplier<Uni<Boolean>> storeAnswers,
                                   Consumer<Throwable> onRetry) {
        // Every try runs on the caller's Vert.x context: the database clients need it, and the back-off's
        // timer would otherwise resubscribe on a worker thread.
        Context context = Vertx.currentContext();
        Executor onContext = context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run());
        AtomicInteger failuresWhileStoreAnswers = new AtomicInteger();
        return Uni.createFrom().deferred(attempt)
                .runSubscriptionOn(onContext)
                .onFailure(StorageFailures::isStoreUnavailable).invoke(ignored -> failuresWhileStoreAnswers.set(0))
                .onFailure(failure -> !StorageFailures.isStoreUnavailable(failure) && StorageFailures.recordAtFault(failure).isEmpty())
                .call(failure -> storeAnswers.get().onFailure().recoverWithItem(false).invoke(answers -> {
                    if (answers) {
                        failuresWhileStoreAnswers.incrementAndGet();
                    } else {
                        failuresWhileStoreAnswers.set(0);
                    }
                }))
                .onFailure(failure -> isWaitedOut(failure, failuresWhileStoreAnswers)).invoke(onRetry)
                .onFailure(failure -> isWaitedOut(failure, failuresWhileStoreAnswers))
                .retry().withBackOff(FIRST_WAIT, LONGEST_WAIT).indefinitely()
                .onFailure(failure -> !(failure instanceof RecordAtFaultException)).transform(failure ->
                        new RecordAtFaultException(StorageFailures.recordAtFault(failure).orElseGet(() ->
                                "it failed " + FAILURES_WHILE_STORE_ANSWERS + " times while the database answered: " + failure)));
    }

    private static boolean isWaitedOut(Throwable failure, AtomicInteger failuresWhileStoreAnswers) {
        return !(failure instanceof RecordAtFaultException) && StorageFailures.recordAtFault(failure).isEmpty()
                && failuresWhileStoreAnswers.get() < FAILURES_WHILE_STORE_ANSWERS;
    }

    private UntilStored() {
    }
}

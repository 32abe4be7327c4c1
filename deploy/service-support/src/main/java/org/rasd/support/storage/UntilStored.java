package org.rasd.support.storage;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Stores a consumed record, retrying for as long as the store is down. A consumer that gave up after a budget
 * would have to drop the record or stop; one that waits keeps its place in the partition and goes on where it
 * was when the store comes back.
 */
public final class UntilStored {

    /** The first wait after a failure; each next one doubles, up to {@link #LONGEST_WAIT}. */
    public static final Duration FIRST_WAIT = Duration.ofMillis(200);
    public static final Duration LONGEST_WAIT = Duration.ofSeconds(5);

    /**
     * @param attempt    one try at storing; subscribed again after each transient failure
     * @param givesUp    failures that no retry can cure (the record is at fault); they end the Uni at once
     * @param onRetry    told of each transient failure before the wait
     */
    public static <T> Uni<T> store(Supplier<Uni<? extends T>> attempt, Predicate<Throwable> givesUp, Consumer<Throwable> onRetry) {
        // Every try runs on the caller's Vert.x context: the database clients need it, and the back-off's
        // timer would otherwise resubscribe on a worker thread.
        Context context = Vertx.currentContext();
        Executor onContext = context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run());
        Predicate<Throwable> transientFailure = givesUp.negate();
        return Uni.createFrom().deferred(attempt)
                .runSubscriptionOn(onContext)
                .onFailure(transientFailure).invoke(onRetry)
                .onFailure(transientFailure).retry().withBackOff(FIRST_WAIT, LONGEST_WAIT).indefinitely();
    }

    private UntilStored() {
    }
}

package org.rasd.catalog.messaging;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Runs one drain of a table at a time: a request while one runs makes it run again once it ends, so no request
 * is lost and no two drains of one table race. A drain that fails leaves its rows for the next request.
 */
final class Drain {

    private final String what;
    private final Supplier<Uni<Void>> drain;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean requested = new AtomicBoolean();

    /** @param what what stays behind when a drain fails, for the warning */
    Drain(String what, Supplier<Uni<Void>> drain) {
        this.what = what;
        this.drain = drain;
    }

    /** Asks for a drain, and returns at once. */
    void request() {
        requested.set(true);
        if (draining.compareAndSet(false, true)) {
            requested.set(false);
            drain.get().onTermination().invoke(() -> {
                        draining.set(false);
                        // a request that came after this drain read the table, and found it running, runs now
                        if (requested.get()) {
                            request();
                        }
                    })
                    .subscribe().with(ignored -> {
                    }, failure -> Log.warnf("%s for now: %s", what, failure.toString()));
        }
    }
}

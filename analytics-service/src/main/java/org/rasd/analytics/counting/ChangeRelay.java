package org.rasd.analytics.counting;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.mutiny.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.rasd.support.storage.DatabaseNotifications;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Relays the change log to this instance's stream subscribers, in {@code seq} order, whichever instance counted each
 * change. It reads the changes after the last one it relayed when PostgreSQL notifies one ({@code LISTEN} on
 * {@link ChangeLog#CHANNEL}) and, in case a notification was lost (the listening connection was down), every
 * {@link StreamConfig#recheck()}. Each change is read once for all subscribers, with the values of its series
 * buckets while one of them follows series. Should the change it had reached be pruned (this instance could not
 * read the database for longer than the changes are kept), it relays a fresh snapshot instead of what it missed.
 */
@ApplicationScoped
public class ChangeRelay {

    /** The place of an instance that has not read the log's head yet. */
    private static final long NOT_STARTED = -1;

    private final ChangeLog changeLog;
    private final AggregateStore store;
    private final StreamConfig config;
    private final Vertx vertx;
    private final PgConnectOptions database;
    private final BroadcastProcessor<StreamMessage> relayed = BroadcastProcessor.create();
    private final AtomicInteger seriesFollowers = new AtomicInteger();
    /** The last change relayed: each one after it goes to whoever listens from now on. */
    private final AtomicLong last = new AtomicLong(NOT_STARTED);
    private volatile boolean failing;
    private DatabaseNotifications listener;
    private Cancellable relaying;

    public ChangeRelay(ChangeLog changeLog, AggregateStore store, StreamConfig config, Vertx vertx,
                       @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
                       @ConfigProperty(name = "quarkus.datasource.username") String user,
                       @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.changeLog = changeLog;
        this.store = store;
        this.config = config;
        this.vertx = vertx;
        this.database = PgConnectOptions.fromUri(url).setUser(user).setPassword(password);
    }

    void onStart(@Observes StartupEvent started) {
        listener = new DatabaseNotifications(vertx.getDelegate(), database);
        Multi<String> notified = Multi.createFrom().emitter(emitter -> listener.listen(ChangeLog.CHANNEL, emitter::emit));
        Multi<String> rechecks = Multi.createFrom().ticks().every(config.recheck()).map(tick -> "recheck");
        // one read at a time; a wake during a read makes one more read after it
        relaying = Multi.createBy().merging().streams(notified, rechecks)
                .onOverflow().dropPreviousItems()
                .onItem().transformToUniAndConcatenate(wake -> relayCommitted())
                .subscribe().with(relayedAll -> {
                });
        listener.connect();
    }

    void onStop(@Observes ShutdownEvent stopping) {
        relaying.cancel();
        listener.close();
    }

    /** Completes once this instance knows where the log is: every change after that is relayed. */
    Uni<Void> started() {
        return Uni.createFrom().deferred(() -> last.get() != NOT_STARTED ? Uni.createFrom().voidItem()
                : changeLog.head().invoke(head -> last.compareAndSet(NOT_STARTED, head)).replaceWithVoid());
    }

    /**
     * The changes relayed from now on: every one committed after the last relayed so far, each once.
     *
     * @param withSeries whether the subscriber follows series: while one does, changes carry their buckets' values
     */
    Multi<StreamMessage> changes(boolean withSeries) {
        return withSeries ? relayed.onSubscription().invoke(seriesFollowers::incrementAndGet)
                .onTermination().invoke(seriesFollowers::decrementAndGet) : relayed;
    }

    private Uni<Void> relayCommitted() {
        return started().onItem().transformToMulti(ready -> changeLog.after(last.get(), () -> seriesFollowers.get() > 0)
                        .onFailure(ChangeLog.PrunedException.class).recoverWithMulti(pruned -> {
                            Log.warnf("%s: this instance's stream subscribers get a fresh snapshot", pruned.getMessage());
                            return store.snapshot().toMulti();
                        }))
                .onItem().invoke(message -> {
                    last.set(message.id());
                    relayed.onNext(message);
                })
                .collect().last()
                .onItem().invoke(() -> failing = false)
                .onFailure().invoke(failure -> {
                    if (!failing) {
                        Log.warnf("The aggregate changes cannot be read, tried again every %s: %s", config.recheck(), failure.toString());
                    }
                    failing = true;
                })
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}

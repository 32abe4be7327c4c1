package org.rasd.analytics.counting;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live aggregate stream: a snapshot on subscription, or the changes after a {@code Last-Event-ID} while they are
 * kept, then every change counted by any instance, as this instance relays them ({@link ChangeRelay}).
 *
 * <p>The relayed changes are listened to first and held back; then the snapshot is read with the log's head in one
 * database snapshot (or the changes after the last one seen are read from the log); then the held changes follow,
 * those up to what was already sent left out. The relay had relayed, when listened to, only changes committed before
 * then, which the snapshot or the log read holds: no change falls between the two and none is sent twice. Each
 * subscriber has its own bounded buffer: one that reads too slowly is disconnected (and picks up where it was when
 * it reconnects) rather than slowing the relay. Each follower's filter narrows what it is sent.
 */
@ApplicationScoped
public class AggregateStream {

    static final int SUBSCRIBER_BUFFER = 1024;

    private final AggregateStore store;
    private final ChangeLog changeLog;
    private final ChangeRelay relay;
    private final AtomicInteger subscribers;

    public AggregateStream(AggregateStore store, ChangeLog changeLog, ChangeRelay relay, MeterRegistry registry) {
        this.store = store;
        this.changeLog = changeLog;
        this.relay = relay;
        this.subscribers = registry.gauge("rasd.analytics.stream.subscribers", new AtomicInteger());
    }

    /**
     * The snapshot, or the changes after {@code lastSeen} when they are all kept, then the changes; each narrowed to
     * what the filter follows.
     *
     * @param lastSeen the id of the last message a client saw, or 0 for none
     */
    public Multi<StreamMessage> subscribe(StreamFilter filter, long lastSeen) {
        return subscribe(filter.followsSeries(), lastSeen)
                .map(message -> filter.apply(message.update()).map(update -> new StreamMessage(message.id(), update)))
                .filter(Optional::isPresent).map(Optional::get)
                .onSubscription().invoke(subscribers::incrementAndGet)
                .onTermination().invoke(subscribers::decrementAndGet);
    }

    private Multi<StreamMessage> subscribe(boolean withSeries, long lastSeen) {
        return relay.started().onItem().transformToMulti(started -> {
            UnicastProcessor<StreamMessage> held = UnicastProcessor.create(new ArrayBlockingQueue<>(SUBSCRIBER_BUFFER), null);
            Cancellable listening = relay.changes(withSeries).subscribe().with(held::onNext, held::onError, held::onComplete);
            Multi<StreamMessage> caughtUp = lastSeen > ChangeLog.ORIGIN
                    ? changeLog.after(lastSeen, () -> withSeries).onFailure(ChangeLog.PrunedException.class).recoverWithMulti(() -> store.snapshot().toMulti())
                    : store.snapshot().toMulti();
            AtomicLong sent = new AtomicLong(lastSeen);
            return Multi.createBy().concatenating().streams(caughtUp, held)
                    .filter(message -> message.isSnapshot() || message.id() > sent.get())
                    .invoke(message -> sent.set(message.id()))
                    .onTermination().invoke(listening::cancel);
        });
    }
}

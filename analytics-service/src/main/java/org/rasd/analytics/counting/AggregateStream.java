package org.rasd.analytics.counting;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.smallrye.mutiny.subscription.Cancellable;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The live aggregate stream: a snapshot on subscription, then every change. Changes are listened to before
 * the snapshot is read and held until it is sent, so none falls between the two. Each subscriber has its
 * own bounded buffer: one that reads too slowly is disconnected (and gets a fresh snapshot when it
 * reconnects) rather than slowing the consumer that counts. Each follower's filter narrows what it is sent.
 */
@ApplicationScoped
public class AggregateStream {

    static final int SUBSCRIBER_BUFFER = 1024;

    private final BroadcastProcessor<Aggregates.Update> changes = BroadcastProcessor.create();
    private final AggregateStore store;
    private final AtomicInteger subscribers;

    public AggregateStream(AggregateStore store, MeterRegistry registry) {
        this.store = store;
        this.subscribers = registry.gauge("rasd.analytics.stream.subscribers", new AtomicInteger());
    }

    public void publish(Aggregates.Update change) {
        changes.onNext(change);
    }

    /** Whether anyone follows the stream: only then are the series buckets a change moved read for it. */
    public boolean isFollowed() {
        return subscribers.get() > 0;
    }

    /** The snapshot, then the changes, each narrowed to what the filter follows. */
    public Multi<Aggregates.Update> subscribe(StreamFilter filter) {
        return subscribe().map(filter::apply).filter(Optional::isPresent).map(Optional::get);
    }

    private Multi<Aggregates.Update> subscribe() {
        return Multi.createFrom().<Aggregates.Update>emitter(emitter -> {
            List<Aggregates.Update> early = new ArrayList<>();
            boolean[] snapshotSent = {false};
            Cancellable live = changes.subscribe().with(change -> {
                synchronized (early) {
                    if (snapshotSent[0]) {
                        emitter.emit(change);
                    } else if (early.size() < SUBSCRIBER_BUFFER) {
                        early.add(change);
                    } else {
                        emitter.fail(new IllegalStateException("too many changes before the snapshot"));
                    }
                }
            }, emitter::fail);
            emitter.onTermination(live::cancel);
            store.snapshot().subscribe().with(snapshot -> {
                synchronized (early) {
                    emitter.emit(snapshot);
                    early.forEach(emitter::emit);
                    early.clear();
                    snapshotSent[0] = true;
                }
            }, emitter::fail);
        }).onOverflow().buffer(SUBSCRIBER_BUFFER)
                .onSubscription().invoke(subscribers::incrementAndGet)
                .onTermination().invoke(subscribers::decrementAndGet);
    }
}

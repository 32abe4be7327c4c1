package org.rasd.catalog.event;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.smallrye.mutiny.operators.multi.processors.SerializedProcessor;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Newly stored events, for the Server-Sent Events stream. Each subscriber reads through its own bounded
 * buffer: a client that falls too far behind is disconnected (it may reconnect) instead of holding up the
 * consumers that store articles. Those consumers publish from several threads at once (one per partition),
 * so the processor is serialized.
 */
@ApplicationScoped
public class EventFeed {

    static final int SUBSCRIBER_BUFFER = 1024;

    private final BroadcastProcessor<ObjectNode> stored = BroadcastProcessor.create();
    private final SerializedProcessor<ObjectNode, ObjectNode> publisher = stored.serialized();
    private final AtomicInteger subscribers;

    public EventFeed(MeterRegistry registry) {
        this.subscribers = registry.gauge("rasd.catalog.stream.subscribers", new AtomicInteger());
    }

    public void publish(List<ObjectNode> events) {
        events.forEach(publisher::onNext);
    }

    public Multi<ObjectNode> subscribe(EventFilter filter) {
        return stored.select().where(filter::matches).onOverflow().buffer(SUBSCRIBER_BUFFER)
                .onSubscription().invoke(subscribers::incrementAndGet)
                .onTermination().invoke(subscribers::decrementAndGet);
    }
}

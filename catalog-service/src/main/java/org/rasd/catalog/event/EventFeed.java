package org.rasd.catalog.event;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Newly stored events, for the Server-Sent Events stream. Each subscriber reads through its own bounded
 * buffer: a client that falls too far behind is disconnected (it may reconnect) instead of holding up the
 * consumer that stores articles.
 */
@ApplicationScoped
public class EventFeed {

    static final int SUBSCRIBER_BUFFER = 1024;

    private final BroadcastProcessor<ObjectNode> stored = BroadcastProcessor.create();

    public void publish(List<ObjectNode> events) {
        events.forEach(stored::onNext);
    }

    public Multi<ObjectNode> subscribe(EventFilter filter) {
        return stored.select().where(filter::matches).onOverflow().buffer(SUBSCRIBER_BUFFER);
    }
}

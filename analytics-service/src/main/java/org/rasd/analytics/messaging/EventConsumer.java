package org.rasd.analytics.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.rasd.analytics.counting.AggregateStore;
import org.rasd.analytics.counting.AggregateStream;
import org.rasd.analytics.counting.EventMessage;

import java.time.Duration;

/** Counts each event from the catalog's changelog exactly once, then tells the live stream what moved. */
@ApplicationScoped
public class EventConsumer {

    private final AggregateStore store;
    private final AggregateStream stream;
    private final ObjectMapper mapper;

    public EventConsumer(AggregateStore store, AggregateStream stream, ObjectMapper mapper) {
        this.store = store;
        this.stream = stream;
        this.mapper = mapper;
    }

    @Incoming("events")
    public Uni<Void> consume(String payload) {
        EventMessage event;
        try {
            event = mapper.readValue(payload, EventMessage.class);
        } catch (JsonProcessingException e) {
            Log.errorf("Skipped an event message that is not JSON: %s", e.getOriginalMessage());
            return Uni.createFrom().voidItem();
        }
        if (!event.isComplete()) {
            Log.errorf("Skipped an event message without id, version, articleId, type, countries or themes: %s", payload);
            return Uni.createFrom().voidItem();
        }
        // A failure here is the database's; retry rather than skip, so that nothing goes uncounted.
        return Uni.createFrom().deferred(() -> store.count(event))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(50)
                .invoke(change -> change.ifPresent(stream::publish))
                .replaceWithVoid();
    }
}

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
import org.rasd.support.storage.StorageFailures;
import org.rasd.support.storage.UntilStored;

/**
 * Counts each event from the catalog's changelog exactly once, then tells the live stream what moved. A
 * message that can never be counted goes to {@code events.dlq} with the reason; a database outage is waited
 * out, so nothing goes uncounted.
 */
@ApplicationScoped
public class EventConsumer {

    /** A message on the {@code events} topic that no retry can count; it goes to the dead-letter topic. */
    static class UncountableEventException extends RuntimeException {
        UncountableEventException(String reason) {
            super(reason);
        }
    }

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
            return deadLetter("not an event message: " + e.getOriginalMessage());
        }
        if (event == null || !event.isComplete()) {
            return deadLetter("an event message needs id, version, articleId, type, countries and themes");
        }
        return UntilStored.store(() -> store.count(event), failure -> StorageFailures.recordAtFault(failure).isPresent(),
                        failure -> Log.warnf("Event %s not counted yet, retrying: %s", event.id(), failure.toString()))
                .onFailure().transform(failure -> new UncountableEventException(StorageFailures.recordAtFault(failure).orElseThrow()))
                .invoke(change -> change.ifPresent(stream::publish))
                .replaceWithVoid();
    }

    private static Uni<Void> deadLetter(String reason) {
        Log.warnf("Dead-lettered an event message: %s", reason);
        return Uni.createFrom().failure(new UncountableEventException(reason));
    }
}

package org.rasd.analytics.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.rasd.analytics.counting.AggregateStore;
import org.rasd.analytics.counting.AggregateStream;
import org.rasd.analytics.counting.EventMessage;
import org.rasd.support.messaging.DeadLetters;
import org.rasd.support.storage.RecordAtFaultException;
import org.rasd.support.storage.UntilStored;

/**
 * Counts each event from the catalog's changelog exactly once, then tells the live stream what moved. A
 * message that can never be counted goes to {@code events.dlq} with the reason; a database outage is waited
 * out, so nothing goes uncounted.
 */
@ApplicationScoped
public class EventConsumer {

    private final AggregateStore store;
    private final AggregateStream stream;
    private final ObjectMapper mapper;
    private final MutinyEmitter<String> deadLetters;

    public EventConsumer(AggregateStore store, AggregateStream stream, ObjectMapper mapper,
                         @Channel("events-dead-letters") MutinyEmitter<String> deadLetters) {
        this.store = store;
        this.stream = stream;
        this.mapper = mapper;
        this.deadLetters = deadLetters;
    }

    @Incoming("events")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        Uni<Void> counted;
        try {
            EventMessage event = read(record.value());
            counted = UntilStored.store(() -> store.count(event), store::answers,
                            failure -> Log.warnf("Event %s not counted yet, retrying: %s", event.id(), failure.toString()))
                    .invoke(change -> change.ifPresent(stream::publish))
                    .replaceWithVoid();
        } catch (RecordAtFaultException notAnEvent) {
            counted = Uni.createFrom().failure(notAnEvent);
        }
        return counted.onFailure(RecordAtFaultException.class)
                .recoverWithUni(failure -> DeadLetters.send(deadLetters, record, failure.getMessage()));
    }

    private EventMessage read(String payload) {
        EventMessage event;
        try {
            event = payload == null ? null : mapper.readValue(payload, EventMessage.class);
        } catch (JsonProcessingException e) {
            throw new RecordAtFaultException("not an event message: " + e.getOriginalMessage());
        }
        if (event == null || !event.isComplete()) {
            throw new RecordAtFaultException("an event message needs id, version, articleId, type, countries and themes");
        }
        return event;
    }
}

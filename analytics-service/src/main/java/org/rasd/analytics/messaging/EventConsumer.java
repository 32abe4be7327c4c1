package org.rasd.analytics.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.rasd.analytics.counting.AggregateStore;
import org.rasd.analytics.counting.AggregateStream;
import org.rasd.analytics.counting.Aggregates;
import org.rasd.analytics.counting.EventMessage;
import org.rasd.support.messaging.PollStorage;
import org.rasd.support.storage.RecordAtFaultException;

import java.util.Optional;

/**
 * Counts the events of the catalog's changelog exactly once, a poll at a time, then tells the live stream what
 * moved. A message that can never be counted goes to {@code events.dlq} with the reason and the rest of its
 * poll is counted. A database outage is waited out, so nothing goes uncounted.
 */
@ApplicationScoped
public class EventConsumer {

    private final PollStorage<EventMessage, Optional<Aggregates.Update>> storage;
    private final ObjectMapper mapper;

    public EventConsumer(AggregateStore store, AggregateStream stream, ObjectMapper mapper, MeterRegistry registry,
                         @Channel("events-dead-letters") MutinyEmitter<String> deadLetters) {
        this.mapper = mapper;
        Counter counted = registry.counter("rasd.analytics.events.counted");
        this.storage = new PollStorage<>(record -> read(record.value()), batch -> store.count(batch, stream.isFollowed()), store::answers,
                change -> {
                    change.ifPresent(update -> {
                        counted.increment(update.eventIds().size());
                        stream.publish(update);
                    });
                    return Uni.createFrom().voidItem();
                }, deadLetters);
    }

    @Incoming("events")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return storage.store(records);
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

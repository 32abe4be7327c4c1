package org.rasd.analytics.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.rasd.analytics.counting.AggregateStore;
import org.rasd.analytics.counting.Aggregates;
import org.rasd.analytics.counting.EventMessage;
import org.rasd.support.logging.LogContext;
import org.rasd.support.messaging.PollStorage;
import org.rasd.support.storage.RecordAtFaultException;
import org.rasd.support.tracing.Traces;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Counts the events of the catalog's changelog exactly once, a poll at a time; each poll's change goes to the change
 * log in its transaction, which every instance relays to its live stream ({@code ChangeRelay}). A message that can
 * never be counted goes to {@code events.dlq} with the reason and the rest of its poll is counted. A database outage
 * is waited out, so nothing goes uncounted. A poll is counted under a span of its own, linked to the traces of its
 * records (each its article's, from the catalog's outbox).
 */
@ApplicationScoped
public class EventConsumer {

    private final PollStorage<EventMessage, Optional<Aggregates.Update>> storage;
    private final ObjectMapper mapper;
    private final Tracer tracer;

    public EventConsumer(AggregateStore store, ObjectMapper mapper, MeterRegistry registry, Tracer tracer,
                         @Channel("events-dead-letters") MutinyEmitter<String> deadLetters) {
        this.mapper = mapper;
        this.tracer = tracer;
        Counter counted = registry.counter("rasd.analytics.events.counted");
        this.storage = new PollStorage<>(record -> read(record.value()),
                batch -> store.count(batch).invoke(update -> logCounted(batch, update)), store::answers,
                change -> {
                    change.ifPresent(update -> counted.increment(update.eventIds().size()));
                    return Uni.createFrom().voidItem();
                }, deadLetters, record -> record.key() == null ? Map.of() : Map.of(LogContext.EVENT_ID, record.key()));
    }

    @Incoming("events")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return Traces.poll(tracer, "count", records, () -> storage.store(records));
    }

    /** A debug line for each event counted (not a repeat), with its id and its article's in the MDC. */
    private static void logCounted(List<EventMessage> batch, Optional<Aggregates.Update> update) {
        if (!Log.isDebugEnabled() || update.isEmpty()) {
            return;
        }
        Set<String> counted = new HashSet<>(update.get().eventIds());
        for (EventMessage event : batch) {
            if (counted.remove(event.id())) {
                LogContext.event(event.id(), event.articleId(), () -> Log.debugf("Counted event %s of article %s",
                        event.id(), event.articleId()));
            }
        }
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

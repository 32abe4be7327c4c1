package org.rasd.catalog.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A message of the {@code events} topic ({@code deploy/spec/topics/events.schema.json}), also what the event stream
 * sends: a version of an event, or its removal. Both are records Jackson writes, so what the catalog sends is typed.
 */
public sealed interface EventMessage permits EventVersion, EventRemoval {

    /** The message's JSON, as the topic carries it. */
    default String json(ObjectMapper mapper) {
        try {
            return mapper.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An event message cannot be written as JSON", e);
        }
    }
}

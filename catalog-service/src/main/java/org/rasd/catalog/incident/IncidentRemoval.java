package org.rasd.catalog.incident;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The message of an incident with no mention left, on the {@code incidents} topic: its id, and nothing else. */
@JsonPropertyOrder({"id", "removed"})
public record IncidentRemoval(String id) {

    /** Tells a removal from an incident, which never carries it. */
    @JsonProperty
    public boolean removed() {
        return true;
    }
}

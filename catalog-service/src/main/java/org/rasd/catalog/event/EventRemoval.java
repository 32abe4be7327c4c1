package org.rasd.catalog.event;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The message of an event taken away (a new version of its article no longer reports it): what analytics needs to
 * take it away, its id, article and the article's new version, and nothing else.
 */
@JsonPropertyOrder({"id", "version", "articleId", "removed"})
public record EventRemoval(String id, int version, String articleId) implements EventMessage {

    /** Tells a removal from an event version, which never carries it. */
    @JsonProperty
    public boolean removed() {
        return true;
    }
}

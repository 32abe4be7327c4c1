package org.rasd.analytics.counting;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;

/**
 * What analytics reads of a message on the {@code events} topic (the catalog's changelog). {@code acceptedAt},
 * when ingest accepted the article, may be absent; so may {@code incidentId}, on events stored before the
 * catalog joined them into incidents. A {@code removed} version says the event is no longer in its article (a
 * corrected article no longer reports it) and carries nothing else.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventMessage(String id, int version, String articleId, String incidentId, String type,
                           List<String> countries, List<String> themes, Instant acceptedAt, boolean removed) {

    /** The act the event reports: its incident, or the event alone when it was stored before incidents. */
    public String incident() {
        return incidentId != null ? incidentId : id;
    }

    public boolean isComplete() {
        return id != null && articleId != null && version > 0 && (removed || type != null && countries != null && themes != null);
    }
}

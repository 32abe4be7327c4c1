package org.rasd.analytics.counting;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;

/**
 * What analytics reads of a message on the {@code events} topic (the catalog's changelog). {@code acceptedAt},
 * when ingest accepted the article, may be absent.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventMessage(String id, int version, String articleId, String type, List<String> countries,
                           List<String> themes, Instant acceptedAt) {

    public boolean isComplete() {
        return id != null && articleId != null && type != null && countries != null && themes != null && version > 0;
    }
}

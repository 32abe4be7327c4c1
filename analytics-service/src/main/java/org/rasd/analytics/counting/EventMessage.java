package org.rasd.analytics.counting;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/** What analytics reads of a message on the {@code events} topic (the catalog's changelog). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventMessage(String id, int version, String articleId, String type, List<String> countries,
                           List<String> themes) {

    public boolean isComplete() {
        return id != null && articleId != null && type != null && countries != null && themes != null && version > 0;
    }
}

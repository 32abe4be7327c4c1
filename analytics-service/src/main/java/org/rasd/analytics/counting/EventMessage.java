package org.rasd.analytics.counting;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What analytics reads of a message on the {@code events} topic (the catalog's changelog). {@code acceptedAt},
 * when ingest accepted the article, may be absent; so may {@code incidentId}, on events stored before the
 * catalog joined them into incidents. A {@code removed} version says the event is no longer in its article (a
 * corrected article no longer reports it) and carries nothing else. {@code filing} (absent: 0) counts the moves of
 * the version to another incident: an event's messages follow one another by version, then filing.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventMessage(String id, int version, int filing, String articleId, String incidentId, String type,
                           List<String> countries, List<String> themes, Instant acceptedAt, boolean removed,
                           Party subject, List<Party> partners, EventDate date) {

    /** The order of an event's messages: a later one replaces what an earlier one counted. */
    public static final Comparator<EventMessage> SUCCESSION =
            Comparator.comparingInt(EventMessage::version).thenComparingInt(EventMessage::filing);

    /** A party to the act; only its country is counted. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Party(String country) {
    }

    /** When the act took place: {@code YYYY-MM-DD}, {@code YYYY-MM} or {@code YYYY}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record EventDate(String value) {
    }

    /** The act the event reports: its incident, or the event alone when it was stored before incidents. */
    public String incident() {
        return incidentId != null ? incidentId : id;
    }

    /** The acting country, or null when the event names none. */
    public String actor() {
        return subject == null || subject.country() == null || subject.country().isBlank() ? null : subject.country();
    }

    /** The partner countries, each once, without the actor. */
    public List<String> partnerCountries() {
        if (partners == null) {
            return List.of();
        }
        return partners.stream().filter(Objects::nonNull).map(Party::country)
                .filter(country -> country != null && !country.isBlank() && !country.equals(actor())).distinct().toList();
    }

    /** The act's date as the event gives it, or null when undated. */
    public String dateValue() {
        return date == null ? null : date.value();
    }

    /** Whether this message of the event follows the other one. */
    public boolean follows(EventMessage other) {
        return SUCCESSION.compare(this, other) > 0;
    }

    public boolean isComplete() {
        return id != null && articleId != null && version > 0 && (removed || type != null && countries != null && themes != null);
    }
}

package org.rasd.ingest.extraction;

/**
 * The event types of {@code deploy/spec/taxonomy.md}, in the order that decides which one a sentence reports
 * when it holds the cues of several: the more specific act first (a decoration at a meeting is an HONOR).
 */
public enum EventType {
    HONOR(null),
    ELECTION(null),
    INTEL_SHARING("064"),
    AGREEMENT("057"),
    PRAISE("051"),
    HOST("043"),
    VISIT("042"),
    CONFERENCE(null),
    MEET("040");

    private final String cameo;

    EventType(String cameo) {
        this.cameo = cameo;
    }

    public String cameo() {
        return cameo;
    }

    /** The more specific of two types, either of which may be null (no cue). */
    static EventType mostSpecific(EventType one, EventType other) {
        return one == null ? other : other == null || one.compareTo(other) <= 0 ? one : other;
    }

    /** MEET, VISIT and HOST: the family MEETING of the taxonomy. */
    public boolean meeting() {
        return this == MEET || this == VISIT || this == HOST;
    }

    /** Types that name no partner country: the event happens in a body or among many. */
    public boolean multilateral() {
        return this == ELECTION || this == CONFERENCE;
    }
}

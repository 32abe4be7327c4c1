package org.rasd.ingest.extraction;

import org.rasd.ingest.record.Event;
import org.rasd.ingest.record.Event.Actor;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An event before the repeats of its act are merged into it: the record's fields without the id.
 * {@code named} holds the officials named for each country code; {@code nowhere} when the act happened in no
 * place (a tweet, a letter), so that no occasion places it; {@code recalled} when its sentence says it happened
 * at some earlier time (في وقت سابق، سبق أن), so that no occasion of the article dates it; {@code underWay} when its
 * clause reports a visit while it goes on or as it ends (واصل زيارته، اختتم زيارته) with no word of its first day:
 * whatever day dates it is not the visit's start, so the visit, or the reception of the visitor, or a meeting found
 * to be either, is dated to the month once merging has found what it is. {@code host} holds the words that name the
 * subject's official who received, when its clause names him ({@link Receiver}): receptions by two officials are two.
 */
record Draft(EventType type, String subject, List<String> partners, Map<String, Actor> named,
             List<String> organisations, Event.EventDate date, Event.Location location, List<String> themes,
             Event.Evidence evidence, double confidence, boolean nowhere, boolean recalled,
             boolean underWay, Set<String> host) {

    Draft withDate(Event.EventDate newDate) {
        return new Draft(type, subject, partners, named, organisations, newDate, location, themes, evidence, confidence, nowhere, recalled, underWay, host);
    }

    Draft withType(EventType newType) {
        return new Draft(newType, subject, partners, named, organisations, date, location, themes, evidence, confidence, nowhere, recalled, underWay, host);
    }

    Draft withPartners(List<String> newPartners) {
        return new Draft(type, subject, newPartners, named, organisations, date, location, themes, evidence, confidence, nowhere, recalled, underWay, host);
    }

    Draft withLocation(Event.Location newLocation) {
        return new Draft(type, subject, partners, named, organisations, date, newLocation, themes, evidence, confidence, nowhere, recalled, underWay, host);
    }

    /** This draft with no official named as its host: a headline's reception sums up the ones its article reports. */
    Draft withoutHost() {
        return new Draft(type, subject, partners, named, organisations, date, location, themes, evidence, confidence, nowhere, recalled, underWay, Set.of());
    }

    /**
     * This draft dated by its month when it is a stay under way, a visit or, told from the host's side, a
     * reception: the day reported is not its first.
     */
    Draft withMonthIfUnderWay() {
        return underWay && (type == EventType.VISIT || type == EventType.HOST) ? withDate(EventDating.monthOf(date)) : this;
    }

    /** This draft, with the date and place it lacks taken from another report of its act. */
    Draft withGapsFilledFrom(Draft other) {
        return withDate(date != null ? date : other.date).withLocation(location != null ? location : other.location);
    }
}

package org.rasd.ingest.extraction;

import org.rasd.ingest.record.Event;
import org.rasd.ingest.record.Event.Actor;

import java.util.List;
import java.util.Map;

/**
 * An event before the repeats of its act are merged into it: the record's fields without the id.
 * {@code named} holds the officials named for each country code.
 */
record Draft(EventType type, String subject, List<String> partners, Map<String, Actor> named,
             List<String> organisations, Event.EventDate date, Event.Location location, List<String> themes,
             Event.Evidence evidence, double confidence) {

    Draft withDate(Event.EventDate newDate) {
        return new Draft(type, subject, partners, named, organisations, newDate, location, themes, evidence, confidence);
    }
}

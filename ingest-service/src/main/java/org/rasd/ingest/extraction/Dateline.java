package org.rasd.ingest.extraction;

import org.rasd.ingest.record.Event;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Where and when an article was filed: the country of its dateline (null when it has none) and its publication day
 * (null when unknown). The dateline places the news filed with it, acts of the days around the filing that name no
 * place of their own; an act of another time the article recalls (a visit four months before) took place elsewhere.
 */
record Dateline(String country, LocalDate day) {

    static final Dateline NONE = new Dateline(null, null);

    /** How many days from the filing an act may be and still be the news filed: a report of yesterday's talks. */
    private static final int NEWS_DAYS = 3;

    /** The country that places an act of {@code date} naming no place, if the dateline places it; else null. */
    String placing(Event.EventDate date) {
        if (country == null || !EventDating.ofADay(date)) {
            return null;
        }
        return day == null || Math.abs(ChronoUnit.DAYS.between(day, LocalDate.parse(date.value()))) <= NEWS_DAYS ? country : null;
    }
}

package org.rasd.catalog.incident;

import org.rasd.catalog.event.EventFilter;


/**
 * The filters of the incident search: those of the event search, a partner (country or organisation), the
 * fewest distinct sources and words of a text search (PostgreSQL's web-search syntax: words, "a phrase", or,
 * -word) over the mentions' evidence and titles; every one is optional and they combine.
 */
public record IncidentFilter(EventFilter events, String partner, Integer minSources, String text) {

    /** The HQL condition over {@code Incident i} and its parameters. */
    public EventFilter.Query where() {
        return EventFilter.Query.none()
                .and(events.country(), "(i.actor = :country or i.place = :country or array_contains(i.partners, :country))", "country")
                .and(events.theme(), "array_contains(i.themes, :theme)", "theme")
                .and(events.type(), "i.type = :type", "type")
                .and(events.from(), "i.dateTo >= :from", "from")
                .and(events.to(), "i.dateFrom <= :to", "to")
                .and(partner, "array_contains(i.partners, :partner)", "partner")
                .and(minSources, "i.sources >= :minSources", "minSources")
                .and(text, "exists (select 1 from CatalogEvent e, EventSearchText t where e.incidentId = i.id and t.eventId = e.id"
                        + " and function('rasd_matches', t.searchText, :text) = true)",
                        "text");
    }
}

package org.rasd.catalog.incident;

import io.quarkus.panache.common.Parameters;
import org.rasd.catalog.event.EventFilter;

import java.util.ArrayList;
import java.util.List;

/**
 * The filters of the incident search: those of the event search, a partner (country or organisation) and the
 * fewest distinct sources; every one is optional and they combine.
 */
public record IncidentFilter(EventFilter events, String partner, Integer minSources) {

    /** The HQL condition over {@code Incident i} and its parameters. */
    public EventFilter.Query where() {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (events.country() != null) {
            conditions.add("(i.actor = :country or i.place = :country or array_contains(i.partners, :country))");
            parameters.and("country", events.country());
        }
        if (events.theme() != null) {
            conditions.add("array_contains(i.themes, :theme)");
            parameters.and("theme", events.theme());
        }
        if (events.type() != null) {
            conditions.add("i.type = :type");
            parameters.and("type", events.type());
        }
        if (events.from() != null) {
            conditions.add("i.dateTo >= :from");
            parameters.and("from", events.from());
        }
        if (events.to() != null) {
            conditions.add("i.dateFrom <= :to");
            parameters.and("to", events.to());
        }
        if (partner != null) {
            conditions.add("array_contains(i.partners, :partner)");
            parameters.and("partner", partner);
        }
        if (minSources != null) {
            conditions.add("i.sources >= :minSources");
            parameters.and("minSources", minSources);
        }
        return new EventFilter.Query(conditions, parameters);
    }
}

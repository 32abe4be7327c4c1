package org.rasd.catalog.event;

import io.quarkus.panache.common.Parameters;
import org.rasd.catalog.record.Event;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The filters of the event search and the event stream; every one is optional and they combine. */
public record EventFilter(String country, String theme, String type, LocalDate from, LocalDate to) {

    /**
     * A date PostgreSQL's {@code date} holds and an ISO reader round-trips: years 1 to 9999.
     *
     * @throws IllegalArgumentException for any other
     */
    public static LocalDate storable(LocalDate date) {
        if (date.getYear() < 1 || date.getYear() > 9999) {
            throw new IllegalArgumentException("year " + date.getYear() + " is outside 1 to 9999");
        }
        return date;
    }

    /** The HQL condition over {@code CatalogEvent e} and its parameters. */
    public Query where() {
        return Query.none()
                .and(country, ":country member of e.countries", "country")
                .and(theme, ":theme member of e.themes", "theme")
                .and(type, "e.type = :type", "type")
                .and(from, "e.occurredTo >= :from", "from")
                .and(to, "e.occurredFrom <= :to", "to");
    }

    /** HQL conditions, all of which must hold, and the named parameters they take. */
    public record Query(List<String> conditions, Parameters parameters) {

        public static Query none() {
            return new Query(new ArrayList<>(), new Parameters());
        }

        /** Adds a condition on one named parameter, when its value is given; a null value adds nothing. */
        public Query and(Object value, String condition, String name) {
            if (value != null) {
                conditions.add(condition);
                parameters.and(name, value);
            }
            return this;
        }

        /** {@code from Entity alias}, and {@code where ...} when there are conditions. */
        public String from(String entityAndAlias) {
            return "from " + entityAndAlias + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions));
        }
    }

    /** Whether an event version (as on the {@code events} topic) passes the filter. */
    public boolean matches(EventVersion message) {
        Event event = message.event();
        if (type != null && !type.equals(event.type())) {
            return false;
        }
        if (country != null && !message.countries().contains(country)) {
            return false;
        }
        if (theme != null && !event.themes().contains(theme)) {
            return false;
        }
        if (from != null || to != null) {
            LocalDate[] period = event.period();
            return period != null && (from == null || !period[1].isBefore(from)) && (to == null || !period[0].isAfter(to));
        }
        return true;
    }
}

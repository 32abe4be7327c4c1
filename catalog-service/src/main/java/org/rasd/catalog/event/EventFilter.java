package org.rasd.catalog.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.panache.common.Parameters;
import org.rasd.catalog.article.ArticleDocument;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

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

    /** The HQL condition and its parameters. */
    public Query where() {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (country != null) {
            conditions.add(":country member of e.countries");
            parameters.and("country", country);
        }
        if (theme != null) {
            conditions.add(":theme member of e.themes");
            parameters.and("theme", theme);
        }
        if (type != null) {
            conditions.add("e.type = :type");
            parameters.and("type", type);
        }
        if (from != null) {
            conditions.add("e.occurredTo >= :from");
            parameters.and("from", from);
        }
        if (to != null) {
            conditions.add("e.occurredFrom <= :to");
            parameters.and("to", to);
        }
        return new Query(conditions, parameters);
    }

    public record Query(List<String> conditions, Parameters parameters) {
    }

    /** Whether an event message (as on the {@code events} topic) passes the filter. */
    public boolean matches(JsonNode message) {
        if (type != null && !type.equals(message.path("type").asText())) {
            return false;
        }
        if (country != null && !contains(message.path("countries"), country)) {
            return false;
        }
        if (theme != null && !contains(message.path("themes"), theme)) {
            return false;
        }
        if (from != null || to != null) {
            LocalDate[] period = ArticleDocument.period(message);
            return period != null && (from == null || !period[1].isBefore(from)) && (to == null || !period[0].isAfter(to));
        }
        return true;
    }

    private static boolean contains(JsonNode array, String value) {
        return StreamSupport.stream(array.spliterator(), false).anyMatch(node -> value.equals(node.asText()));
    }
}

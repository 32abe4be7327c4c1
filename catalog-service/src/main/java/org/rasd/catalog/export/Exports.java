package org.rasd.catalog.export;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import org.rasd.catalog.event.EventVersion;
import org.rasd.catalog.event.NewestFirst;
import org.rasd.catalog.incident.Incident;
import org.rasd.catalog.record.Event;
import org.rasd.support.csv.CsvRows;
import org.rasd.support.http.CursorPages;

import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Everything a search finds, newest first, as one stream of rows read a page at a time: an export holds one page in
 * memory however many rows it has, and the client gets rows while later pages are read. Lists inside a CSV cell
 * (partners, countries, themes) are joined by {@code ;}.
 */
public final class Exports {

    /** Rows read per query. */
    public static final int PAGE = 500;
    private static final String LIST_SEPARATOR = ";";

    /** An event as a CSV row. */
    @JsonPropertyOrder({"id", "version", "incidentId", "articleId", "type", "actor", "partners", "countries", "themes",
            "date", "precision", "place", "publishedAt", "articleTitle"})
    public record EventRow(String id, int version, String incidentId, String articleId, String type, String actor,
                           String partners, String countries, String themes, String date, String precision, String place,
                           String publishedAt, String articleTitle) {

        static EventRow of(EventVersion message) {
            Event event = message.event();
            return new EventRow(message.id(), message.version(), message.incidentId(), message.articleId(), event.type(),
                    event.subject() == null ? null : event.subject().country(),
                    joined(event.partners().stream().map(Event.Actor::country)), String.join(LIST_SEPARATOR, message.countries()),
                    joined(event.themes().stream()), event.dateValue(), event.date() == null ? null : event.date().precision(),
                    event.location() == null ? null : event.location().country(), message.publishedAt(), message.articleTitle());
        }
    }

    /** An incident as a CSV row. */
    @JsonPropertyOrder({"id", "version", "type", "actor", "partners", "dateFrom", "dateTo", "place", "mentions", "articles",
            "sources", "themes", "dates", "places", "firstSeen", "lastSeen"})
    public record IncidentRow(String id, int version, String type, String actor, String partners, String dateFrom,
                              String dateTo, String place, int mentions, int articles, int sources, String themes,
                              String dates, String places, String firstSeen, String lastSeen) {

        static IncidentRow of(Incident incident) {
            return new IncidentRow(incident.id, incident.version, incident.type, incident.actor, String.join(LIST_SEPARATOR, incident.partners),
                    string(incident.dateFrom), string(incident.dateTo), incident.place, incident.mentions, incident.articles,
                    incident.sources, String.join(LIST_SEPARATOR, incident.themes), String.join(LIST_SEPARATOR, incident.dates),
                    String.join(LIST_SEPARATOR, incident.places), string(incident.firstSeen), string(incident.lastSeen));
        }
    }

    /** Every row of a search: its pages one after another, each asked for with the cursor the last one gave. */
    public static <T> Multi<T> all(Function<NewestFirst.Cursor, Uni<NewestFirst.Page<T>>> search) {
        return CursorPages.from(null, cursor -> search.apply(cursor == null ? null : NewestFirst.Cursor.decode(cursor)),
                        NewestFirst.Page<T>::nextCursor)
                .onItem().transformToIterable(NewestFirst.Page::items);
    }

    /** Events as CSV text: the header, then rows, a page's worth at a time. */
    public static Multi<String> eventsCsv(Multi<EventVersion> events) {
        return CsvRows.of(EventRow.class, events.map(EventRow::of));
    }

    /** Incidents as CSV text: the header, then rows, a page's worth at a time. */
    public static Multi<String> incidentsCsv(Multi<Incident> incidents) {
        return CsvRows.of(IncidentRow.class, incidents.map(IncidentRow::of));
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }

    private static String joined(Stream<String> values) {
        return values.filter(value -> value != null && !value.isBlank()).collect(Collectors.joining(LIST_SEPARATOR));
    }

    private Exports() {
    }
}

package org.rasd.catalog.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.mutiny.sqlclient.Tuple;
import org.rasd.catalog.incident.IncidentJoiner;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The rows a batch of articles adds to the catalog, column by column: each table is then written with one
 * {@code insert ... select * from unnest(...)}, whatever the batch size.
 */
final class CatalogRows {

    /** The version of an event as first stored; a later correction of the same event would raise it. */
    static final int FIRST_VERSION = 1;

    private final ObjectMapper mapper;
    private final List<ArticleDocument> articles;
    private final List<EventRow> events = new ArrayList<>();
    private final List<String[]> eventCountries = new ArrayList<>();
    private final List<String[]> eventThemes = new ArrayList<>();
    private final List<ObjectNode> messages = new ArrayList<>();
    private final List<IncidentJoiner.Mention> mentions = new ArrayList<>();

    CatalogRows(ObjectMapper mapper, List<ArticleDocument> articles) {
        this.mapper = mapper;
        this.articles = articles;
    }

    /** The article rows, for {@code insert into article}; stored_at is the database's clock. */
    Tuple articleColumns() {
        return Tuple.from(List.<Object>of(
                column(articles, ArticleDocument::id),
                column(articles, document -> document.text("url")),
                column(articles, document -> document.text("source")),
                column(articles, document -> document.text("title")),
                column(articles, document -> document.text("publishedAt")),
                column(articles, document -> document.text("language")),
                column(articles, document -> document.text("extractor")),
                column(articles, ArticleDocument::payload),
                articles.stream().map(ArticleDocument::acceptedAt).toArray(OffsetDateTime[]::new)));
    }

    /** Adds the events of the articles that turned out to be new; the others were stored before. */
    void addEventsOf(List<ArticleDocument> stored) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (ArticleDocument document : stored) {
            LocalDate fallbackDate = publishedDay(document.text("publishedAt")).orElse(today);
            for (JsonNode event : document.events()) {
                ObjectNode message = eventMessage(document, event);
                String id = event.path("id").asText();
                LocalDate[] period = ArticleDocument.period(event);
                LocalDate sortDate = period == null ? fallbackDate : period[0];
                events.add(new EventRow(id, document.id(), event.path("type").asText(),
                        period == null ? null : period[0], period == null ? null : period[1], sortDate, message));
                mentions.add(IncidentJoiner.Mention.of(id, event, sortDate));
                ArticleDocument.countriesOf(event).forEach(country -> eventCountries.add(new String[]{id, country}));
                ArticleDocument.themesOf(event).forEach(theme -> eventThemes.add(new String[]{id, theme}));
                messages.add(message);
            }
        }
    }

    /** The added events, as reports of acts to be joined into incidents. */
    List<IncidentJoiner.Mention> mentions() {
        return mentions;
    }

    /** Files each added event under its incident, in its row and in its message. */
    void fileUnderIncidents(Map<String, String> incidentOfEvent) {
        events.forEach(row -> row.message().put("incidentId", incidentOfEvent.get(row.id())));
    }

    boolean hasEvents() {
        return !events.isEmpty();
    }

    /** For {@code insert into catalog_event}; the incident is the one the event's message names. */
    Tuple eventColumns() {
        return Tuple.from(List.<Object>of(
                events.stream().map(EventRow::id).toArray(String[]::new),
                events.stream().map(row -> FIRST_VERSION).toArray(Integer[]::new),
                events.stream().map(EventRow::articleId).toArray(String[]::new),
                events.stream().map(EventRow::type).toArray(String[]::new),
                events.stream().map(EventRow::occurredFrom).toArray(LocalDate[]::new),
                events.stream().map(EventRow::occurredTo).toArray(LocalDate[]::new),
                events.stream().map(EventRow::sortDate).toArray(LocalDate[]::new),
                events.stream().map(row -> row.message().toString()).toArray(String[]::new),
                events.stream().map(row -> row.message().path("incidentId").asText(null)).toArray(String[]::new)));
    }

    /** For {@code insert into event_outbox}: each event's message under its id. */
    Tuple outboxColumns() {
        return Tuple.of(events.stream().map(EventRow::id).toArray(String[]::new),
                events.stream().map(row -> row.message().toString()).toArray(String[]::new));
    }

    Tuple countryColumns() {
        return pairs(eventCountries);
    }

    Tuple themeColumns() {
        return pairs(eventThemes);
    }

    /** The event messages of the stored events, as the {@code events} topic carries them. */
    List<ObjectNode> messages() {
        return messages;
    }

    private record EventRow(String id, String articleId, String type, LocalDate occurredFrom, LocalDate occurredTo,
                            LocalDate sortDate, ObjectNode message) {
    }

    private static Tuple pairs(List<String[]> rows) {
        return Tuple.of(rows.stream().map(row -> row[0]).toArray(String[]::new), rows.stream().map(row -> row[1]).toArray(String[]::new));
    }

    private static String[] column(List<ArticleDocument> documents, Function<ArticleDocument, String> field) {
        return documents.stream().map(field).toArray(String[]::new);
    }

    /** The extracted event plus its identity in the catalog and the article's acceptance time. */
    private ObjectNode eventMessage(ArticleDocument document, JsonNode event) {
        ObjectNode message = mapper.createObjectNode();
        message.put("id", event.path("id").asText());
        message.put("version", FIRST_VERSION);
        message.put("articleId", document.id());
        message.put("articleTitle", document.text("title"));
        message.put("publishedAt", document.text("publishedAt"));
        message.put("acceptedAt", document.acceptedAt() == null ? null : document.acceptedAt().toInstant().toString());
        ArticleDocument.countriesOf(event).forEach(message.putArray("countries")::add);
        event.fields().forEachRemaining(field -> {
            if (!message.has(field.getKey())) {
                message.set(field.getKey(), field.getValue());
            }
        });
        return message;
    }

    private static Optional<LocalDate> publishedDay(String publishedAt) {
        try {
            return publishedAt == null || publishedAt.length() < 10
                    ? Optional.empty()
                    : Optional.of(LocalDate.parse(publishedAt.substring(0, 10)));
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }
}

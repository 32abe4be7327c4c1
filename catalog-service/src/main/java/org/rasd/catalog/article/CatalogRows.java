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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The rows a batch of articles adds to the catalog, column by column: each table is then written with one
 * {@code insert ... select * from unnest(...)}, whatever the batch size.
 */
final class CatalogRows {

    /**
     * The version of an article as first stored. An event's version is its article's: it only grows for an event
     * id (ids are made from their article's), through removals and reports again.
     */
    static final int FIRST_VERSION = 1;

    /** An event a new version of its article no longer reports, as the message that takes it away. */
    record Removal(String id, String articleId, int version) {
    }

    private final ObjectMapper mapper;
    private final Map<String, Integer> articleVersions;
    private final List<EventRow> events = new ArrayList<>();
    private final List<Removal> removals = new ArrayList<>();
    private final List<String[]> eventCountries = new ArrayList<>();
    private final List<String[]> eventThemes = new ArrayList<>();
    private final List<ObjectNode> messages = new ArrayList<>();
    private final List<IncidentJoiner.Mention> mentions = new ArrayList<>();
    /** Where each added article came from: its source, else its URL, else its id (one outlet each). */
    private final Map<String, String> sources = new HashMap<>();

    /** @param articleVersions the version of each article stored as a new version; the others are new */
    CatalogRows(ObjectMapper mapper, Map<String, Integer> articleVersions) {
        this.mapper = mapper;
        this.articleVersions = articleVersions;
    }

    /** The article rows, for {@code insert into article} and the update of a new version. */
    static Tuple articleColumns(List<ArticleDocument> articles) {
        return Tuple.from(List.<Object>of(
                column(articles, ArticleDocument::id),
                column(articles, document -> document.text("url")),
                column(articles, document -> document.text("source")),
                column(articles, document -> document.text("title")),
                column(articles, document -> document.text("publishedAt")),
                column(articles, document -> document.text("language")),
                column(articles, document -> document.text("extractor")),
                column(articles, ArticleDocument::payload),
                articles.stream().map(ArticleDocument::acceptedAt).toArray(OffsetDateTime[]::new),
                column(articles, document -> document.text("revision"))));
    }

    /** Adds the events of the articles stored now, new ones and new versions. */
    void addEventsOf(List<ArticleDocument> stored) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (ArticleDocument document : stored) {
            LocalDate fallbackDate = publishedDay(document.text("publishedAt")).orElse(today);
            sources.put(document.id(), Stream.of(document.text("source"), document.text("url"), document.id())
                    .filter(Objects::nonNull).findFirst().orElseThrow());
            for (JsonNode event : document.events()) {
                String id = event.path("id").asText();
                ObjectNode message = eventMessage(document, event, articleVersions.getOrDefault(document.id(), FIRST_VERSION));
                LocalDate[] period = ArticleDocument.period(event);
                LocalDate sortDate = period == null ? fallbackDate : period[0];
                events.add(new EventRow(id, document.id(), event.path("type").asText(),
                        period == null ? null : period[0], period == null ? null : period[1], sortDate, message));
                mentions.add(IncidentJoiner.Mention.of(id, message.path("version").asInt(), event, sortDate));
                ArticleDocument.countriesOf(event).forEach(country -> eventCountries.add(new String[]{id, country}));
                ArticleDocument.themesOf(event).forEach(theme -> eventThemes.add(new String[]{id, theme}));
                messages.add(message);
            }
        }
    }

    /** Adds removals: the events of replaced versions, but for those the new versions report again. */
    void addRemovals(List<Removal> replaced) {
        Set<String> reportedAgain = events.stream().map(EventRow::id).collect(Collectors.toSet());
        replaced.stream().filter(removal -> !reportedAgain.contains(removal.id())).forEach(removals::add);
    }

    /** The added events, as reports of acts to be joined into incidents. */
    List<IncidentJoiner.Mention> mentions() {
        return mentions;
    }

    /** The added events as they add to their incidents; call after {@link #fileUnderIncidents}. */
    List<IncidentJoiner.Joined> joined() {
        return events.stream().map(row -> new IncidentJoiner.Joined(row.message().path("incidentId").asText(), row.articleId(),
                        sources.get(row.articleId()), ArticleDocument.themesOf(row.message()).stream().toList(),
                        row.message().path("date").path("value").asText(null), row.message().path("location").path("country").asText(null)))
                .toList();
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
                events.stream().map(row -> row.message().path("version").asInt()).toArray(Integer[]::new),
                events.stream().map(EventRow::articleId).toArray(String[]::new),
                events.stream().map(EventRow::type).toArray(String[]::new),
                events.stream().map(EventRow::occurredFrom).toArray(LocalDate[]::new),
                events.stream().map(EventRow::occurredTo).toArray(LocalDate[]::new),
                events.stream().map(EventRow::sortDate).toArray(LocalDate[]::new),
                events.stream().map(row -> row.message().toString()).toArray(String[]::new),
                events.stream().map(row -> row.message().path("incidentId").asText(null)).toArray(String[]::new)));
    }

    /** For {@code insert into event_outbox}: each event's message and each removal under the event's id. */
    Tuple outboxColumns() {
        List<String[]> outbox = new ArrayList<>();
        events.forEach(row -> outbox.add(new String[]{row.id(), row.message().toString()}));
        removals.forEach(removal -> outbox.add(new String[]{removal.id(), removalMessage(removal)}));
        return pairs(outbox);
    }

    /** What analytics needs to take a removed event away: its id, article and new version. */
    private String removalMessage(Removal removal) {
        ObjectNode message = mapper.createObjectNode();
        message.put("id", removal.id());
        message.put("version", removal.version());
        message.put("articleId", removal.articleId());
        message.put("removed", true);
        return message.toString();
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
    private ObjectNode eventMessage(ArticleDocument document, JsonNode event, int version) {
        ObjectNode message = mapper.createObjectNode();
        message.put("id", event.path("id").asText());
        message.put("version", version);
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

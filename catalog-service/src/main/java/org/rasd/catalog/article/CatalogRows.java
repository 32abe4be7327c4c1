package org.rasd.catalog.article;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.mutiny.sqlclient.Tuple;
import org.rasd.catalog.event.EventVersion;
import org.rasd.catalog.record.ArticleRecord;
import org.rasd.catalog.record.Event;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

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

    /**
     * An event of a replaced version: its id, article and the article's new version, and the incident it was a
     * mention of (null when not joined yet).
     */
    record Replaced(String id, String articleId, int version, String incidentId) {
    }

    private final ObjectMapper mapper;
    private final Map<String, Integer> articleVersions;
    private final List<EventRow> events = new ArrayList<>();
    /** Replaced events the new versions no longer report. */
    private final List<Replaced> removals = new ArrayList<>();
    /** The incident each replaced event was a mention of. */
    private final Map<String, String> leftIncidents = new HashMap<>();
    private final List<String[]> eventCountries = new ArrayList<>();
    private final List<String[]> eventThemes = new ArrayList<>();
    private final List<EventVersion> messages = new ArrayList<>();
    /** The trace context each stored article came with, for its events' and removals' messages. */
    private final Map<String, String> traceparents = new HashMap<>();

    /** @param articleVersions the version of each article stored as a new version; the others are new */
    CatalogRows(ObjectMapper mapper, Map<String, Integer> articleVersions) {
        this.mapper = mapper;
        this.articleVersions = articleVersions;
    }

    /** The article rows, for {@code insert into article} and the update of a new version. */
    static Tuple articleColumns(List<ArticleDocument> articles) {
        return Tuple.from(List.<Object>of(
                column(articles, ArticleDocument::id),
                column(articles, document -> document.record().url()),
                column(articles, document -> document.record().source()),
                column(articles, document -> document.record().title()),
                column(articles, document -> document.record().publishedAt()),
                column(articles, document -> document.record().language()),
                column(articles, document -> document.record().extractor()),
                column(articles, ArticleDocument::payload),
                articles.stream().map(ArticleDocument::acceptedAt).toArray(OffsetDateTime[]::new),
                column(articles, document -> document.record().revision())));
    }

    /** Adds the events of the articles stored now, new ones and new versions. */
    void addEventsOf(List<ArticleDocument> stored) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (ArticleDocument document : stored) {
            if (document.traceparent() != null) {
                traceparents.put(document.id(), document.traceparent());
            }
            LocalDate fallbackDate = publishedDay(document.record().publishedAt()).orElse(today);
            for (Event event : document.record().events()) {
                String id = event.id();
                EventVersion message = eventMessage(document, event, articleVersions.getOrDefault(document.id(), FIRST_VERSION));
                LocalDate[] period = event.period();
                LocalDate sortDate = period == null ? fallbackDate : period[0];
                events.add(new EventRow(id, document.id(), event.type(),
                        period == null ? null : period[0], period == null ? null : period[1], sortDate, message,
                        document.record().searchTextOf(event)));
                message.countries().forEach(country -> eventCountries.add(new String[]{id, country}));
                event.distinctThemes().forEach(theme -> eventThemes.add(new String[]{id, theme}));
                messages.add(message);
            }
        }
    }

    /** Adds what replaced versions take away: their events, but for those the new versions report again. */
    void addReplaced(List<Replaced> replaced) {
        Set<String> reportedAgain = events.stream().map(EventRow::id).collect(Collectors.toSet());
        for (Replaced event : replaced) {
            if (event.incidentId() != null) {
                leftIncidents.put(event.id(), event.incidentId());
            }
            if (!reportedAgain.contains(event.id())) {
                removals.add(event);
            }
        }
    }

    boolean hasEvents() {
        return !events.isEmpty();
    }

    /** For {@code insert into catalog_event}; the incident comes when the event is joined. */
    Tuple eventColumns() {
        return Tuple.from(List.<Object>of(
                events.stream().map(EventRow::id).toArray(String[]::new),
                events.stream().map(row -> row.message().version()).toArray(Integer[]::new),
                events.stream().map(EventRow::articleId).toArray(String[]::new),
                events.stream().map(EventRow::type).toArray(String[]::new),
                events.stream().map(EventRow::occurredFrom).toArray(LocalDate[]::new),
                events.stream().map(EventRow::occurredTo).toArray(LocalDate[]::new),
                events.stream().map(EventRow::sortDate).toArray(LocalDate[]::new),
                events.stream().map(row -> row.message().json(mapper)).toArray(String[]::new)));
    }

    /** For {@code insert into event_search_text}. */
    Tuple searchTextColumns() {
        return Tuple.of(events.stream().map(EventRow::id).toArray(String[]::new),
                events.stream().map(EventRow::searchText).toArray(String[]::new));
    }

    /**
     * For {@code insert into join_queue}: the added events, then the removals, each with the incident its earlier
     * version left and the trace context its article came with.
     */
    Tuple queueColumns() {
        List<Replaced> queued = new ArrayList<>();
        events.forEach(row -> queued.add(new Replaced(row.id(), row.articleId(), row.message().version(),
                leftIncidents.get(row.id()))));
        queued.addAll(removals);
        return Tuple.from(List.<Object>of(
                queued.stream().map(Replaced::id).toArray(String[]::new),
                queued.stream().map(Replaced::version).toArray(Integer[]::new),
                queued.stream().map(Replaced::articleId).toArray(String[]::new),
                IntStream.range(0, queued.size()).mapToObj(index -> index >= events.size()).toArray(Boolean[]::new),
                queued.stream().map(Replaced::incidentId).toArray(String[]::new),
                queued.stream().map(row -> traceparents.get(row.articleId())).toArray(String[]::new)));
    }

    Tuple countryColumns() {
        return pairs(eventCountries);
    }

    Tuple themeColumns() {
        return pairs(eventThemes);
    }

    /** The event messages of the stored events, as the {@code events} topic carries them. */
    List<EventVersion> messages() {
        return messages;
    }

    /** @param searchText what the event is found by in a text search: its evidence sentence and its article's title */
    private record EventRow(String id, String articleId, String type, LocalDate occurredFrom, LocalDate occurredTo,
                            LocalDate sortDate, EventVersion message, String searchText) {
    }

    private static Tuple pairs(List<String[]> rows) {
        return Tuple.of(rows.stream().map(row -> row[0]).toArray(String[]::new), rows.stream().map(row -> row[1]).toArray(String[]::new));
    }

    private static String[] column(List<ArticleDocument> documents, Function<ArticleDocument, String> field) {
        return documents.stream().map(field).toArray(String[]::new);
    }

    /** The extracted event with its identity in the catalog; its incident comes when it is joined. */
    private static EventVersion eventMessage(ArticleDocument document, Event event, int version) {
        ArticleRecord article = document.record();
        return new EventVersion(version, article.id(), article.title(), article.publishedAt(),
                document.acceptedAt() == null ? null : document.acceptedAt().toInstant(), event.involvedCountries(), event, null, 0);
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

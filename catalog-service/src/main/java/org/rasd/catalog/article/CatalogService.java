package org.rasd.catalog.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.rasd.catalog.event.CatalogEvent;
import org.rasd.catalog.event.OutboxEntry;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Stores an article with its events and their outbox messages in one transaction, once per article id. */
@ApplicationScoped
public class CatalogService {

    /** The version of an event as first stored; a later correction of the same event would raise it. */
    static final int FIRST_VERSION = 1;

    private final ObjectMapper mapper;

    public CatalogService(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * Reads an article record from the topic.
     *
     * @throws InvalidArticleException when it is not one
     */
    public ArticleDocument read(String payload) {
        return ArticleDocument.parse(mapper, payload);
    }

    /**
     * @return the event messages stored now; empty when the article was stored before (a redelivery or a
     * re-post), in which case nothing changes
     */
    @WithTransaction
    public Uni<List<ObjectNode>> store(ArticleDocument document) {
        return Article.<Article>findById(document.id()).chain(existing -> existing != null
                ? Uni.createFrom().item(List.<ObjectNode>of())
                : insert(document));
    }

    /** Whether the database answers right now: tells a record at fault from a database that is down. */
    @WithSession
    public Uni<Boolean> answers() {
        return Panache.getSession().chain(session -> session.createNativeQuery("select 1").getSingleResult()).replaceWith(true);
    }

    /** Whether the catalog holds an article, without reading it. */
    @WithSession
    public Uni<Boolean> holds(String id) {
        return Article.count("id", id).map(count -> count > 0);
    }

    private Uni<List<ObjectNode>> insert(ArticleDocument document) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Article article = new Article();
        article.id = document.id();
        article.url = document.text("url");
        article.source = document.text("source");
        article.title = document.text("title");
        article.publishedAt = document.text("publishedAt");
        article.language = document.text("language");
        article.extractor = document.text("extractor");
        article.document = document.payload();
        article.storedAt = now;

        LocalDate fallbackDate = publishedDay(article.publishedAt).orElse(now.toLocalDate());
        List<ObjectNode> messages = new ArrayList<>();
        List<Object> rows = new ArrayList<>();
        for (JsonNode event : document.events()) {
            ObjectNode message = eventMessage(document, event);
            CatalogEvent stored = new CatalogEvent();
            stored.id = event.path("id").asText();
            stored.version = FIRST_VERSION;
            stored.articleId = article.id;
            stored.type = event.path("type").asText();
            LocalDate[] period = ArticleDocument.period(event);
            stored.occurredFrom = period == null ? null : period[0];
            stored.occurredTo = period == null ? null : period[1];
            stored.sortDate = period == null ? fallbackDate : period[0];
            stored.countries = ArticleDocument.countriesOf(event);
            stored.themes = ArticleDocument.themesOf(event);
            stored.document = message.toString();
            OutboxEntry outbox = new OutboxEntry();
            outbox.eventId = stored.id;
            outbox.payload = stored.document;
            rows.add(stored);
            rows.add(outbox);
            messages.add(message);
        }
        // persisting an empty batch never completes in Hibernate Reactive: an article without events stores alone
        Uni<Void> stored = article.persist().replaceWithVoid();
        return (rows.isEmpty() ? stored : stored.chain(() -> Article.persist(rows))).replaceWith(messages);
    }

    /** The event as the {@code events} topic carries it: the extracted event plus its identity in the catalog. */
    private ObjectNode eventMessage(ArticleDocument document, JsonNode event) {
        ObjectNode message = mapper.createObjectNode();
        message.put("id", event.path("id").asText());
        message.put("version", FIRST_VERSION);
        message.put("articleId", document.id());
        message.put("articleTitle", document.text("title"));
        message.put("publishedAt", document.text("publishedAt"));
        ArticleDocument.countriesOf(event).forEach(message.putArray("countries")::add);
        event.fields().forEachRemaining(field -> {
            if (!message.has(field.getKey())) {
                message.set(field.getKey(), field.getValue());
            }
        });
        return message;
    }

    private static java.util.Optional<LocalDate> publishedDay(String publishedAt) {
        try {
            return publishedAt == null || publishedAt.length() < 10
                    ? java.util.Optional.empty()
                    : java.util.Optional.of(LocalDate.parse(publishedAt.substring(0, 10)));
        } catch (RuntimeException unreadable) {
            return java.util.Optional.empty();
        }
    }

    @WithSession
    public Uni<Article> find(String id) {
        return Article.findById(id);
    }
}

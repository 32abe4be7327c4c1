package org.rasd.catalog.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Page;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.rasd.catalog.event.EventFilter;
import org.rasd.catalog.event.NewestFirst;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Stores batches of articles with their events and the events' outbox messages, each batch in one transaction
 * and each article id once. The bulk path writes through the reactive client, one multi-row statement per
 * table; reads go through Panache.
 */
@ApplicationScoped
public class CatalogService {

    private static final String INSERT_ARTICLES = """
            insert into article (id, url, source, title, published_at, language, extractor, document, accepted_at, revision,
                                 stored_at)
            select *, now() from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                                        $8::text[], $9::timestamptz[], $10::text[])
            on conflict (id) do nothing
            returning id""";
    private static final String STORED_REVISIONS =
            "select id, revision, accepted_at from article where id = any($1) for update";
    /** A new version replaces the record; stored_at stays when the article was first stored. */
    private static final String REVISE_ARTICLES = """
            update article a set url = r.url, source = r.source, title = r.title, published_at = r.published_at,
                language = r.language, extractor = r.extractor, document = r.document, accepted_at = r.accepted_at,
                revision = r.revision, version = a.version + 1
            from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                        $9::timestamptz[], $10::text[])
                 as r (id, url, source, title, published_at, language, extractor, document, accepted_at, revision)
            where a.id = r.id
            returning a.id, a.version""";
    private static final String DELETE_OLD_COUNTRIES =
            "delete from catalog_event_country where event_id in (select id from catalog_event where article_id = any($1))";
    private static final String DELETE_OLD_THEMES =
            "delete from catalog_event_theme where event_id in (select id from catalog_event where article_id = any($1))";
    private static final String DELETE_OLD_SEARCH_TEXTS =
            "delete from event_search_text where event_id in (select id from catalog_event where article_id = any($1))";
    private static final String DELETE_OLD_EVENTS =
            "delete from catalog_event e where article_id = any($1) returning e.id, e.article_id, e.incident_id";
    private static final String INSERT_EVENTS = """
            insert into catalog_event (id, version, article_id, type, occurred_from, occurred_to, sort_date, document)
            select * from unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::date[], $6::date[], $7::date[], $8::text[])""";
    private static final String INSERT_SEARCH_TEXTS =
            "insert into event_search_text (event_id, search_text) select * from unnest($1::text[], $2::text[])";
    private static final String INSERT_COUNTRIES =
            "insert into catalog_event_country (event_id, country) select * from unnest($1::text[], $2::text[])";
    private static final String INSERT_THEMES =
            "insert into catalog_event_theme (event_id, theme) select * from unnest($1::text[], $2::text[])";
    private static final String QUEUE_FOR_JOINING = """
            insert into join_queue (event_id, version, article_id, removed, left_incident, traceparent)
            select * from unnest($1::text[], $2::int[], $3::text[], $4::bool[], $5::text[], $6::text[])""";

    private final ObjectMapper mapper;
    private final Pool pool;

    public CatalogService(ObjectMapper mapper, Pool pool) {
        this.mapper = mapper;
        this.pool = pool;
    }

    /**
     * Reads an article record from the topic, with the trace context it came with.
     *
     * @param acceptedAt  when ingest accepted it, or null when the record does not say
     * @param traceparent the record's trace context (W3C), or null: kept with its events until their messages are sent
     * @throws InvalidArticleException when it is not one
     */
    public ArticleDocument read(String payload, OffsetDateTime acceptedAt, String traceparent) {
        return ArticleDocument.parse(mapper, payload, acceptedAt, traceparent);
    }

    /**
     * Stores new articles, and new versions of stored ones: another revision, accepted later than the stored one
     * (a redelivered older version changes nothing). A new version's events replace the old version's: each keeps
     * its id with a higher version, and an event it no longer reports gets a removal. Events and removals are
     * queued for joining into incidents ({@link org.rasd.catalog.incident.JoinQueue}), which sends them on.
     *
     * @return what was stored now; an article stored before as it is (a redelivery or a re-post) changes nothing
     */
    public Uni<StoredBatch> store(List<ArticleDocument> documents) {
        // one row per id: a redelivery inside one poll is not written twice, and of two versions the newer is kept
        List<ArticleDocument> newestOfEachId = List.copyOf(documents.stream().collect(Collectors.toMap(ArticleDocument::id,
                Function.identity(), (one, other) -> acceptedNoLater(one, other) ? other : one, LinkedHashMap::new)).values());
        return pool.withTransaction(tx -> tx.preparedQuery(INSERT_ARTICLES).execute(CatalogRows.articleColumns(newestOfEachId))
                .chain(inserted -> {
                    Set<String> newIds = new HashSet<>();
                    for (Row row : inserted) {
                        newIds.add(row.getString(0));
                    }
                    List<ArticleDocument> known = newestOfEachId.stream().filter(document -> !newIds.contains(document.id())).toList();
                    return newVersions(tx, known).chain(versions -> replaceEvents(tx, versions)).chain(replaced -> {
                        CatalogRows rows = new CatalogRows(mapper, replaced.versions());
                        List<ArticleDocument> stored = newestOfEachId.stream()
                                .filter(document -> newIds.contains(document.id()) || replaced.versions().containsKey(document.id()))
                                .toList();
                        rows.addEventsOf(stored);
                        rows.addReplaced(replaced.events());
                        return (rows.hasEvents() || !replaced.events().isEmpty() ? insertEvents(tx, rows)
                                : Uni.createFrom().voidItem())
                                .replaceWith(new StoredBatch(newIds.size(), replaced.versions().size(), rows.messages(),
                                        stored.stream().map(ArticleDocument::id).toList()));
                    });
                }));
    }

    /**
     * Of the articles stored before, those that came as a new version; their rows are updated.
     *
     * @return the version each revised article has now
     */
    private static Uni<Map<String, Integer>> newVersions(SqlClient tx, List<ArticleDocument> known) {
        if (known.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return tx.preparedQuery(STORED_REVISIONS).execute(Tuple.of(known.stream().map(ArticleDocument::id).toArray(String[]::new)))
                .chain(rows -> {
                    Map<String, Row> stored = new HashMap<>();
                    rows.forEach(row -> stored.put(row.getString("id"), row));
                    List<ArticleDocument> revised = known.stream().filter(document -> isNewer(document, stored.get(document.id()))).toList();
                    if (revised.isEmpty()) {
                        return Uni.createFrom().item(Map.<String, Integer>of());
                    }
                    return tx.preparedQuery(REVISE_ARTICLES).execute(CatalogRows.articleColumns(revised)).map(updated -> {
                        Map<String, Integer> versions = new HashMap<>();
                        updated.forEach(row -> versions.put(row.getString("id"), row.getInteger("version")));
                        return versions;
                    });
                });
    }

    /** Another revision, not accepted before the stored one: an older version redelivered is not newer. */
    private static boolean isNewer(ArticleDocument document, Row stored) {
        if (stored == null || Objects.equals(document.record().revision(), stored.getString("revision"))) {
            return false;
        }
        OffsetDateTime storedAcceptedAt = stored.getOffsetDateTime("accepted_at");
        return document.acceptedAt() == null || storedAcceptedAt == null || document.acceptedAt().isAfter(storedAcceptedAt);
    }

    /** Whether one was accepted no later than the other; without the times, the one read later counts as newer. */
    private static boolean acceptedNoLater(ArticleDocument one, ArticleDocument other) {
        return one.acceptedAt() == null || other.acceptedAt() == null || !other.acceptedAt().isBefore(one.acceptedAt());
    }

    /**
     * What replacing the revised articles' events takes away.
     *
     * @param versions the version each revised article has now
     * @param events   their old events, at that version, with the incidents they were mentions of
     */
    record Replaced(Map<String, Integer> versions, List<CatalogRows.Replaced> events) {
    }

    private static Uni<Replaced> replaceEvents(SqlClient tx, Map<String, Integer> versions) {
        if (versions.isEmpty()) {
            return Uni.createFrom().item(new Replaced(versions, List.of()));
        }
        Tuple ids = Tuple.of(versions.keySet().stream().sorted().toArray(String[]::new));
        return tx.preparedQuery(DELETE_OLD_COUNTRIES).execute(ids)
                .chain(() -> tx.preparedQuery(DELETE_OLD_THEMES).execute(ids))
                .chain(() -> tx.preparedQuery(DELETE_OLD_SEARCH_TEXTS).execute(ids))
                .chain(() -> tx.preparedQuery(DELETE_OLD_EVENTS).execute(ids))
                .map(deleted -> {
                    List<CatalogRows.Replaced> events = new ArrayList<>();
                    for (Row row : deleted) {
                        String article = row.getString("article_id");
                        events.add(new CatalogRows.Replaced(row.getString("id"), article, versions.get(article),
                                row.getString("incident_id")));
                    }
                    return new Replaced(versions, events);
                });
    }

    /** The events, and the events and removals queued for joining. */
    private static Uni<Void> insertEvents(SqlClient tx, CatalogRows rows) {
        return tx.preparedQuery(INSERT_EVENTS).execute(rows.eventColumns())
                .call(() -> tx.preparedQuery(INSERT_COUNTRIES).execute(rows.countryColumns()))
                .call(() -> tx.preparedQuery(INSERT_THEMES).execute(rows.themeColumns()))
                .call(() -> tx.preparedQuery(INSERT_SEARCH_TEXTS).execute(rows.searchTextColumns()))
                .call(() -> tx.preparedQuery(QUEUE_FOR_JOINING).execute(rows.queueColumns()))
                .replaceWithVoid();
    }

    /** Whether the database answers right now: tells a record at fault from a database that is down. */
    public Uni<Boolean> answers() {
        return pool.query("select 1").execute().replaceWith(true);
    }

    /**
     * The revision of the article the catalog holds under an id, without reading the record; empty when it holds
     * none. Ingest asks this for every post: one indexed lookup through the reactive client, without a Hibernate
     * session (which cost more than the lookup).
     */
    public Uni<Optional<String>> revision(String id) {
        return pool.preparedQuery("select coalesce(revision, '') from article where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getString(0)));
    }

    /**
     * The ids of stored articles in storing order, after a position: keyset pages over {@code (stored_at, id)}, so
     * a page costs the same however deep it is.
     *
     * @param after where the page starts: a cursor given out before, or the moment to list from; null for the first
     */
    public Uni<NewestFirst.Page<StoredIds.StoredId>> storedIds(StoredIds.Cursor after, int limit) {
        StoredIds.Cursor start = after != null ? after : StoredIds.Cursor.from(OffsetDateTime.MIN);
        return pool.preparedQuery("""
                        select id, stored_at from article where (stored_at, id) > ($1, $2)
                        order by stored_at, id limit $3""")
                .execute(Tuple.of(start.storedAt(), start.id(), limit + 1)).map(rows -> {
                    List<StoredIds.StoredId> found = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        found.add(new StoredIds.StoredId(row.getString(0), row.getOffsetDateTime(1)));
                    }
                    return NewestFirst.page(found, limit, last -> new StoredIds.Cursor(last.storedAt(), last.id()).encode(),
                            Function.identity());
                });
    }

    /** Which stored articles a listing takes; every field is optional. */
    public record ArticleFilter(String extractor, String source, String from, String to) {
    }

    /** A page of stored records in id order, and the id to list after for the next page (null at the end). */
    public record ArticlePage(List<JsonNode> items, String nextCursor) {
    }

    /**
     * Stored article records in id order, after an id: what re-extraction reads, a page at a time. {@code from}
     * and {@code to} bound the publication day.
     */
    @WithSession
    public Uni<ArticlePage> list(ArticleFilter filter, String after, int limit) {
        EventFilter.Query where = EventFilter.Query.none()
                .and(after, "a.id > :after", "after")
                .and(filter.extractor(), "a.extractor = :extractor", "extractor")
                .and(filter.source(), "a.source = :source", "source")
                .and(filter.from(), "substring(a.publishedAt, 1, 10) >= :from", "from")
                .and(filter.to(), "substring(a.publishedAt, 1, 10) <= :to", "to");
        return Article.<Article>find(where.from("Article a") + " order by a.id", where.parameters()).page(Page.ofSize(limit + 1)).list().map(found -> {
            NewestFirst.Page<JsonNode> page = NewestFirst.page(found, limit, last -> last.id, article -> read(article.document));
            return new ArticlePage(page.items(), page.nextCursor());
        });
    }

    private JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored record is not JSON", e);
        }
    }

    @WithSession
    public Uni<Article> find(String id) {
        return Article.findById(id);
    }
}

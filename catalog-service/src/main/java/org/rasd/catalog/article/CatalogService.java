package org.rasd.catalog.article;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.rasd.catalog.incident.IncidentJoiner;
import org.rasd.support.messaging.Batches;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Stores batches of articles with their events and the events' outbox messages, each batch in one transaction
 * and each article id once. The bulk path writes through the reactive client, one multi-row statement per
 * table; reads go through Panache.
 */
@ApplicationScoped
public class CatalogService {

    private static final String INSERT_ARTICLES = """
            insert into article (id, url, source, title, published_at, language, extractor, document, accepted_at, stored_at)
            select *, now() from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                                        $8::text[], $9::timestamptz[])
            on conflict (id) do nothing
            returning id""";
    private static final String INSERT_EVENTS = """
            insert into catalog_event (id, version, article_id, type, occurred_from, occurred_to, sort_date, document, incident_id)
            select * from unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::date[], $6::date[], $7::date[], $8::text[],
                                 $9::text[])""";
    private static final String INSERT_COUNTRIES =
            "insert into catalog_event_country (event_id, country) select * from unnest($1::text[], $2::text[])";
    private static final String INSERT_THEMES =
            "insert into catalog_event_theme (event_id, theme) select * from unnest($1::text[], $2::text[])";
    private static final String INSERT_OUTBOX =
            "insert into event_outbox (event_id, payload) select * from unnest($1::text[], $2::text[])";

    private final ObjectMapper mapper;
    private final Pool pool;
    private final IncidentJoiner incidents;

    public CatalogService(ObjectMapper mapper, Pool pool, IncidentJoiner incidents) {
        this.mapper = mapper;
        this.pool = pool;
        this.incidents = incidents;
    }

    /**
     * Reads an article record from the topic.
     *
     * @param acceptedAt when ingest accepted it, or null when the record does not say
     * @throws InvalidArticleException when it is not one
     */
    public ArticleDocument read(String payload, OffsetDateTime acceptedAt) {
        return ArticleDocument.parse(mapper, payload, acceptedAt);
    }

    /** @return what was stored now; an article stored before (a redelivery or a re-post) changes nothing */
    public Uni<StoredBatch> store(List<ArticleDocument> documents) {
        List<ArticleDocument> firstOfEachId = Batches.firstOfEachKey(documents, ArticleDocument::id);
        CatalogRows rows = new CatalogRows(mapper, firstOfEachId);
        return pool.withTransaction(tx -> tx.preparedQuery(INSERT_ARTICLES).execute(rows.articleColumns())
                .chain(inserted -> {
                    Set<String> newIds = new HashSet<>();
                    for (Row row : inserted) {
                        newIds.add(row.getString(0));
                    }
                    rows.addEventsOf(firstOfEachId.stream().filter(document -> newIds.contains(document.id())).toList());
                    return (rows.hasEvents() ? insertEvents(tx, rows) : Uni.createFrom().voidItem())
                            .replaceWith(new StoredBatch(newIds.size(), rows.messages()));
                }));
    }

    /** The events, each joined to its incident first; the incidents' counts once the events are in. */
    private Uni<Void> insertEvents(SqlClient tx, CatalogRows rows) {
        return incidents.join(tx, rows.mentions())
                .invoke(rows::fileUnderIncidents)
                .call(() -> tx.preparedQuery(INSERT_EVENTS).execute(rows.eventColumns()))
                .call(() -> tx.preparedQuery(INSERT_COUNTRIES).execute(rows.countryColumns()))
                .call(() -> tx.preparedQuery(INSERT_THEMES).execute(rows.themeColumns()))
                .call(() -> tx.preparedQuery(INSERT_OUTBOX).execute(rows.outboxColumns()))
                .chain(incidentOfEvent -> incidents.recount(tx, incidentOfEvent.values()));
    }

    /** Whether the database answers right now: tells a record at fault from a database that is down. */
    public Uni<Boolean> answers() {
        return pool.query("select 1").execute().replaceWith(true);
    }

    /**
     * Whether the catalog holds an article, without reading it. Ingest asks this for every post: one indexed
     * lookup through the reactive client, without a Hibernate session (which cost more than the lookup).
     */
    public Uni<Boolean> holds(String id) {
        return pool.preparedQuery("select exists (select 1 from article where id = $1)").execute(Tuple.of(id))
                .map(rows -> rows.iterator().next().getBoolean(0));
    }

    @WithSession
    public Uni<Article> find(String id) {
        return Article.findById(id);
    }
}

package org.rasd.catalog.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.rasd.catalog.event.EventFeed;
import org.rasd.catalog.event.EventRemoval;
import org.rasd.catalog.event.EventVersion;
import org.rasd.catalog.event.StoreNotifications;
import org.rasd.catalog.incident.IncidentJoiner;
import org.rasd.catalog.incident.IncidentJoiner.Joined;
import org.rasd.catalog.incident.IncidentJoiner.Mention;
import org.rasd.catalog.incident.IncidentRemoval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The one writer of incidents: joins the events storing queued ({@code join_queue}) into incidents a batch at a
 * time, in the order they were stored, and writes their messages, incident named, to the outbox in the same
 * transaction. Storing transactions then never wait for each other's acts, and the acts a batch shares are
 * written once for it. A lock held for each batch keeps a second catalog replica from joining beside this one. Each
 * batch enters the event stream on its commit: this instance's readers are woken after it, every other instance's by
 * the notification it sends ({@link StoreNotifications}).
 */
@ApplicationScoped
public class JoinRelay {

    /** Queued events joined per transaction. */
    static final int BATCH = 1000;

    private static final String ONE_WRITER = "select pg_advisory_xact_lock(hashtextextended('rasd.incident-writer', 0))";
    /** An event replaced since it was queued has no row at its version: it is not joined, and its next version follows. */
    private static final String QUEUED = """
            select q.seq, q.event_id, q.version, q.article_id, q.removed, q.left_incident, q.traceparent, e.document, e.sort_date,
                   coalesce(a.source, a.url, a.id) as source
            from join_queue q
            left join catalog_event e on e.id = q.event_id and e.version = q.version and not q.removed
            left join article a on a.id = q.article_id
            order by q.seq limit $1""";
    /** Files events under their incidents; an event's stream position becomes the joining transaction's. */
    private static final String FILE_UNDER_INCIDENTS = """
            update catalog_event e set incident_id = j.incident_id, xid = pg_current_xact_id()
            from unnest($1::text[], $2::int[], $3::text[]) as j (id, version, incident_id)
            where e.id = j.id and e.version = j.version
            returning e.id""";
    /** Removals enter the event stream where the joining transaction puts them. */
    private static final String INSERT_REMOVALS =
            "insert into event_removal (event_id, version, article_id) select * from unnest($1::text[], $2::int[], $3::text[])";
    /** An event's message keeps the trace context its article came with: the relay sends it on in that trace. */
    private static final String INSERT_OUTBOX =
            "insert into event_outbox (event_id, payload, traceparent) select * from unnest($1::text[], $2::text[], $3::text[])";
    /** The incidents a batch changed, as the {@code incidents} topic carries them (the API's fields). */
    private static final String CHANGED_INCIDENTS = """
            select id, json_build_object('id', id, 'version', version, 'type', type, 'actor', actor, 'partners', partners,
                       'dateFrom', date_from, 'dateTo', date_to, 'place', place, 'firstSeen', first_seen, 'lastSeen', last_seen,
                       'mentions', mentions, 'articles', articles, 'sources', sources, 'themes', themes, 'dates', dates,
                       'places', places)::text as message
            from incident where id = any($1)""";
    private static final String INSERT_INCIDENT_OUTBOX =
            "insert into event_outbox (event_id, payload, topic) select *, 'incidents' from unnest($1::text[], $2::text[])";

    private final Pool pool;
    private final ObjectMapper mapper;
    private final IncidentJoiner incidents;
    private final OutboxRelay outbox;
    private final EventFeed feed;
    private final StoreNotifications notifications;
    private final Drain drain = new Drain("Events stay queued for joining", this::drain);

    public JoinRelay(Pool pool, ObjectMapper mapper, IncidentJoiner incidents, OutboxRelay outbox, EventFeed feed,
                     StoreNotifications notifications) {
        this.pool = pool;
        this.mapper = mapper;
        this.incidents = incidents;
        this.outbox = outbox;
        this.feed = feed;
        this.notifications = notifications;
    }

    /** Asks for the queue to be joined, and returns at once. */
    public void requestDrain() {
        drain.request();
    }

    /** Joins batches until the queue is empty; each batch's events go on to the stream and the outbox relay. */
    private Uni<Void> drain() {
        return pool.withTransaction(this::joinQueued).chain(count -> {
            if (count == 0) {
                return Uni.createFrom().voidItem();
            }
            feed.eventsStored();
            outbox.requestDrain();
            return count == BATCH ? drain() : Uni.createFrom().voidItem();
        });
    }

    /**
     * A queued event with what joining needs: its message (null for a removal or a replaced event) and source, and
     * the trace context its article came with (null when none).
     */
    private record Queued(long seq, String eventId, int version, String articleId, boolean removed, String leftIncident,
                          String traceparent, EventVersion message, Mention mention, String source) {
    }

    /** Joins one batch of the queue; returns how many queued rows it took. */
    private Uni<Integer> joinQueued(SqlClient tx) {
        return tx.query(ONE_WRITER).execute()
                .chain(() -> tx.preparedQuery(QUEUED).execute(Tuple.of(BATCH)))
                .chain(rows -> rows.size() == 0 ? Uni.createFrom().item(0)
                        : join(tx, read(rows)).call(() -> notifications.notifyIn(tx)).replaceWith(rows.size()));
    }

    private List<Queued> read(RowSet<Row> rows) {
        List<Queued> queued = new ArrayList<>();
        for (Row row : rows) {
            String document = row.getString("document");
            EventVersion message = document == null ? null : EventVersion.stored(mapper, document);
            queued.add(new Queued(row.getLong("seq"), row.getString("event_id"), row.getInteger("version"),
                    row.getString("article_id"), row.getBoolean("removed"), row.getString("left_incident"),
                    row.getString("traceparent"), message,
                    message == null ? null : Mention.of(message, row.getLocalDate("sort_date")),
                    row.getString("source")));
        }
        return queued;
    }

    private Uni<Void> join(SqlClient tx, List<Queued> queued) {
        List<Queued> events = queued.stream().filter(entry -> entry.mention() != null).toList();
        return incidents.join(tx, events.stream().map(Queued::mention).toList()).chain(joining -> {
            Map<String, String> incidentOf = joining.incidentOf();
            List<Queued> inIdOrder = events.stream().sorted((one, other) -> one.eventId().compareTo(other.eventId())).toList();
            return tx.preparedQuery(FILE_UNDER_INCIDENTS).execute(Tuple.of(
                            inIdOrder.stream().map(Queued::eventId).toArray(String[]::new),
                            inIdOrder.stream().map(Queued::version).toArray(Integer[]::new),
                            inIdOrder.stream().map(entry -> incidentOf.get(entry.eventId())).toArray(String[]::new)))
                    .chain(filed -> {
                        Set<String> filedIds = new HashSet<>();
                        filed.forEach(row -> filedIds.add(row.getString(0)));
                        return sendOn(tx, queued, joining, filedIds);
                    });
        });
    }

    /**
     * Writes the messages of the filed events and of the removals to the outbox, adds the mentions to their
     * incidents, lets the incidents the mentions bridged be taken in, makes those that lost some again, writes the
     * changed incidents to the outbox too, and empties the queue of the batch.
     *
     * @param filedIds the events filed now: the others were replaced while the batch was joined
     */
    private Uni<Void> sendOn(SqlClient tx, List<Queued> queued, IncidentJoiner.Joining joining, Set<String> filedIds) {
        Map<String, String> incidentOf = joining.incidentOf();
        List<String[]> messages = new ArrayList<>();
        List<Joined> joined = new ArrayList<>();
        Set<String> remade = new HashSet<>();
        for (Queued entry : queued) {
            if (entry.leftIncident() != null) {
                remade.add(entry.leftIncident());
            }
            if (entry.removed()) {
                EventRemoval removal = new EventRemoval(entry.eventId(), entry.version(), entry.articleId());
                messages.add(new String[]{entry.eventId(), removal.json(mapper), entry.traceparent()});
            } else if (entry.mention() != null && filedIds.contains(entry.eventId())) {
                EventVersion filed = entry.message().filedUnder(incidentOf.get(entry.eventId()), 0);
                messages.add(new String[]{entry.eventId(), filed.json(mapper), entry.traceparent()});
                joined.add(Joined.of(filed, entry.source()));
            } else if (entry.mention() != null) {
                remade.add(incidentOf.get(entry.eventId())); // joining it may have founded or widened one
            }
        }
        Long[] seqs = queued.stream().map(Queued::seq).toArray(Long[]::new);
        List<Queued> removals = queued.stream().filter(Queued::removed).toList();
        return toOutbox(tx, messages)
                .chain(() -> removals.isEmpty() ? Uni.createFrom().voidItem() : tx.preparedQuery(INSERT_REMOVALS).execute(Tuple.of(
                        removals.stream().map(Queued::eventId).toArray(String[]::new),
                        removals.stream().map(Queued::version).toArray(Integer[]::new),
                        removals.stream().map(Queued::articleId).toArray(String[]::new))).replaceWithVoid())
                .chain(() -> incidents.addMentions(tx, joined))
                .chain(() -> incidents.absorb(tx, joining.bridgedInto()))
                .chain(absorbed -> incidents.remake(tx, remade).map(absorbed::and))
                .chain(refiled -> toOutbox(tx, refiled.moved().stream()
                        .map(message -> new String[]{message.id(), message.json(mapper), null}).toList())
                        .chain(() -> changedIncidents(tx, joined, remade, refiled)))
                .chain(() -> tx.preparedQuery("delete from join_queue where seq = any($1)")
                        .execute(Tuple.of((Object) seqs)))
                .replaceWithVoid();
    }

    /** Event messages (id, JSON, trace context) into the outbox, in the order given. */
    private static Uni<Void> toOutbox(SqlClient tx, List<String[]> messages) {
        return messages.isEmpty() ? Uni.createFrom().voidItem() : tx.preparedQuery(INSERT_OUTBOX).execute(Tuple.of(
                messages.stream().map(message -> message[0]).toArray(String[]::new),
                messages.stream().map(message -> message[1]).toArray(String[]::new),
                messages.stream().map(message -> message[2]).toArray(String[]::new))).replaceWithVoid();
    }

    /**
     * Each incident the batch joined mentions to, took some from, split off or took in, as it is now; a removal for
     * one with none left or taken in by another.
     */
    private Uni<Void> changedIncidents(SqlClient tx, List<Joined> joined, Set<String> remade, IncidentJoiner.Refiled refiled) {
        Set<String> changed = new TreeSet<>(remade);
        changed.addAll(refiled.gone());
        joined.forEach(mention -> changed.add(mention.incidentId()));
        refiled.moved().forEach(mention -> changed.add(mention.incidentId()));
        if (changed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery(CHANGED_INCIDENTS).execute(Tuple.of((Object) changed.toArray(String[]::new))).chain(rows -> {
            Map<String, JsonNode> messages = new TreeMap<>();
            rows.forEach(row -> messages.put(row.getString("id"), readJson(row.getString("message"))));
            changed.stream().filter(id -> !messages.containsKey(id))
                    .forEach(gone -> messages.put(gone, mapper.valueToTree(new IncidentRemoval(gone))));
            return tx.preparedQuery(INSERT_INCIDENT_OUTBOX).execute(Tuple.of(messages.keySet().toArray(String[]::new),
                    messages.values().stream().map(JsonNode::toString).toArray(String[]::new))).replaceWithVoid(); // compact
        });
    }

    private JsonNode readJson(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON the database built is not JSON", e);
        }
    }
}

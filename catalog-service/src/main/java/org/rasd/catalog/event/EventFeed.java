package org.rasd.catalog.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Stored events as a stream a reader can resume. Every event has a position in the catalog: the transaction that
 * stored it and its storage order. A reader pulls pages of events after its position, from the database, as fast
 * as it takes them; at the end it waits until a batch is stored, by this instance or another
 * ({@link StoreNotifications}), or the recheck passes ({@code rasd.catalog.stream.idle-recheck}, a second), and asks
 * again. So every instance streams every event; a reader that reconnects with the last position it saw gets
 * everything it missed, then the live tail, each event (or removal of one) once; a slow reader holds up only itself.
 */
@ApplicationScoped
public class EventFeed {

    /** Where a reader is: after the event stored by transaction {@code xid} at storage order {@code seq}. */
    public record Position(long xid, long seq) {

        static final Position START = new Position(0, 0);

        /** As the SSE event id, and back from {@code Last-Event-ID}. */
        public String encode() {
            return xid + "-" + seq;
        }

        /** @throws IllegalArgumentException when the text is not a position this service gave out */
        public static Position decode(String text) {
            String[] parts = text.strip().split("-");
            if (parts.length != 2) {
                throw new IllegalArgumentException("not a stream position");
            }
            Position position = new Position(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
            if (position.xid < 0 || position.seq < 0) {
                throw new IllegalArgumentException("not a stream position");
            }
            return position;
        }
    }

    public record StreamedEvent(Position position, EventMessage message) {
    }

    /**
     * A page of the stream as it stands, for a reader that pages instead of listening: {@code next} is where to ask
     * for the page after it (the same position again when the page is empty: nothing more yet).
     */
    public record ChangePage(List<EventMessage> items, String next) {
    }

    static final int PAGE = 200;

    /** Only transactions that are over: none of them can still add an event before the ones read. */
    private static final String SETTLED = "xid < pg_snapshot_xmin(pg_current_snapshot())";
    /**
     * An event enters the stream when it is joined into its incident, and a removal when it is taken away: their
     * position is the joining transaction's.
     */
    private static final String AFTER = """
            select s.xid::text as xid, s.seq, s.document, s.incident_id, s.filing, s.event_id, s.version, s.article_id from (
                (select xid, seq, document, incident_id, filing, null as event_id, null::int as version, null as article_id
                 from catalog_event
                 where (xid, seq) > ($1::text::xid8, $2) and %1$s and incident_id is not null order by xid, seq limit $3)
                union all
                (select xid, seq, null, null, 0, event_id, version, article_id from event_removal
                 where (xid, seq) > ($1::text::xid8, $2) and %1$s order by xid, seq limit $3)) s
            order by s.xid, s.seq limit $3""".formatted(SETTLED);
    private static final String HEAD = """
            select s.xid::text as xid, s.seq from (
                (select xid, seq from catalog_event where %1$s order by xid desc, seq desc limit 1)
                union all
                (select xid, seq from event_removal where %1$s order by xid desc, seq desc limit 1)) s
            order by s.xid desc, s.seq desc limit 1""".formatted(SETTLED);

    private final Pool pool;
    private final ObjectMapper mapper;
    private final Duration idleRecheck;
    private final AtomicInteger subscribers;
    /** How many batches were stored: a reader that saw it change since it last read has more to read. */
    private final AtomicLong stores = new AtomicLong();
    /** Readers waiting at the end of the stream; each leaves when woken or when its wait times out. */
    private final Set<UniEmitter<? super Void>> waiting = ConcurrentHashMap.newKeySet();

    public EventFeed(Pool pool, ObjectMapper mapper, EventStreamConfig config, MeterRegistry registry) {
        this.pool = pool;
        this.mapper = mapper;
        this.idleRecheck = config.idleRecheck();
        this.subscribers = registry.gauge("rasd.catalog.stream.subscribers", new AtomicInteger());
        registry.gaugeCollectionSize("rasd.catalog.stream.waiting", Tags.empty(), waiting);
    }

    /** Wakes the readers waiting at the end of the stream: a batch of events was stored, here or by another instance. */
    public void eventsStored() {
        stores.incrementAndGet();
        for (UniEmitter<? super Void> reader : waiting) {
            if (waiting.remove(reader)) {
                reader.complete(null);
            }
        }
    }

    /**
     * Stored events that pass the filter, and every removal (a reader cannot tell whether it had the removed
     * event), from after {@code after}, or from now on when it is null, without end.
     */
    public Multi<StreamedEvent> subscribe(EventFilter filter, Position after) {
        AtomicReference<Position> last = new AtomicReference<>(after);
        return Multi.createBy().repeating().uni(() -> nextPage(last)).indefinitely()
                .onItem().transformToIterable(page -> page)
                .select().where(event -> switch (event.message()) {
                    case EventRemoval removal -> true;
                    case EventVersion version -> filter.matches(version);
                })
                .onSubscription().invoke(subscribers::incrementAndGet)
                .onTermination().invoke(subscribers::decrementAndGet);
    }

    /** The next page after the reader's position; empty, after a wait, when there is none yet. */
    private Uni<List<StreamedEvent>> nextPage(AtomicReference<Position> last) {
        if (last.get() == null) {
            return head().invoke(last::set).replaceWith(List.of());
        }
        long storesBefore = stores.get(); // read before the page: a store during the read is not waited for
        return after(last.get(), PAGE).chain(page -> {
            if (!page.isEmpty()) {
                last.set(page.getLast().position());
                return Uni.createFrom().item(page);
            }
            return nextStore(storesBefore).ifNoItem().after(idleRecheck).recoverWithUni(Uni.createFrom().voidItem())
                    .replaceWith(List.of());
        });
    }

    /** Up to {@code limit} events and removals after {@code from} (from the first when null), in stream order. */
    public Uni<ChangePage> changes(Position from, int limit) {
        Position start = from == null ? Position.START : from;
        return after(start, limit).map(page -> new ChangePage(page.stream().map(StreamedEvent::message).toList(),
                (page.isEmpty() ? start : page.getLast().position()).encode()));
    }

    private Uni<List<StreamedEvent>> after(Position from, int limit) {
        return pool.preparedQuery(AFTER).execute(Tuple.of(Long.toString(from.xid()), from.seq(), limit)).map(rows -> {
            List<StreamedEvent> page = new ArrayList<>();
            for (Row row : rows) {
                String document = row.getString("document");
                page.add(new StreamedEvent(position(row), document == null
                        ? new EventRemoval(row.getString("event_id"), row.getInteger("version"), row.getString("article_id"))
                        : EventVersion.stored(mapper, document).filedUnder(row.getString("incident_id"), row.getInteger("filing"))));
            }
            return page;
        });
    }

    /** Completes at the next store after {@code storesBefore}: at once if there was one already. */
    private Uni<Void> nextStore(long storesBefore) {
        return Uni.createFrom().emitter(reader -> {
            waiting.add(reader);
            reader.onTermination(() -> waiting.remove(reader));
            if (stores.get() != storesBefore && waiting.remove(reader)) {
                reader.complete(null);
            }
        });
    }

    private Uni<Position> head() {
        return pool.query(HEAD).execute().map(rows -> rows.size() == 0 ? Position.START : position(rows.iterator().next()));
    }

    private static Position position(Row row) {
        return new Position(Long.parseLong(row.getString("xid")), row.getLong("seq"));
    }
}

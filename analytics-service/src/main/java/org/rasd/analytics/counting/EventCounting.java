package org.rasd.analytics.counting;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import org.rasd.analytics.counting.BatchCounts.Dimension;
import org.rasd.analytics.counting.BatchCounts.Key;
import org.rasd.analytics.window.WindowRows;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Counts event versions into the aggregate tables the transaction sees first: each version newer than the one
 * counted adds what it reports and takes away what that one had added (nothing, for a removal). A repeat or an
 * older version, delivered again or out of order, finds a version as new or newer counted and moves nothing.
 * Each table takes one statement per batch (and one more for the rows it empties); no statement reads more than the
 * rows the batch moves. The rows of
 * the rolling windows, which depend on every report of an incident, move with the rest ({@link WindowRows}).
 */
final class EventCounting {

    /** What is counted of each event: the version, and what it added, to be taken away by the next. */
    private static final String COUNTED = """
            select event_id, version, filing, article_id, incident_id, event_type, countries, themes, removed, actor, partners, date_value
            from counted_event where event_id = any($1) for update""";
    /** A removal's row is a tombstone from now on, pruned after a while ({@link Tombstones}). */
    private static final String MARK_COUNTED = """
            insert into counted_event (event_id, version, filing, article_id, accepted_at, incident_id, event_type, countries, themes,
                                       removed, actor, partners, date_value, removed_at)
            select marked.*, case when marked.removed then now() end
            from unnest($1::text[], $2::int[], $3::int[], $4::text[], $5::timestamptz[], $6::text[], $7::text[], $8::text[],
                        $9::text[], $10::bool[], $11::text[], $12::text[], $13::text[])
                 as marked (event_id, version, filing, article_id, accepted_at, incident_id, event_type, countries, themes, removed,
                            actor, partners, date_value)
            on conflict (event_id) do update set version = excluded.version, filing = excluded.filing, article_id = excluded.article_id,
                accepted_at = excluded.accepted_at, incident_id = excluded.incident_id, event_type = excluded.event_type,
                countries = excluded.countries, themes = excluded.themes, removed = excluded.removed,
                actor = excluded.actor, partners = excluded.partners, date_value = excluded.date_value,
                removed_at = excluded.removed_at
            where (counted_event.version, counted_event.filing) < (excluded.version, excluded.filing)
            returning event_id""";
    /** Codes joined by commas: country and theme codes hold none. */
    private static final String SEPARATOR = ",";

    /** The versions a batch counted, what the versions they replaced had added, and the rows that moved. */
    record Counted(List<EventMessage> versions, List<EventMessage> replaced, BatchCounts changes) {

        boolean isEmpty() {
            return versions.isEmpty();
        }

        /** Every version the change touches, new and replaced: the rows it moved are theirs. */
        List<EventMessage> touched() {
            List<EventMessage> touched = new ArrayList<>(versions.stream().filter(version -> !version.removed()).toList());
            touched.addAll(replaced);
            return touched;
        }
    }

    private EventCounting() {
    }

    static Uni<Counted> count(SqlClient tx, List<EventMessage> batch) {
        // the last message of each event, in id order, like every key below: concurrent counting transactions
        // then lock rows in one order
        List<EventMessage> newest = batch.stream()
                .collect(Collectors.toMap(EventMessage::id, Function.identity(), BinaryOperator.maxBy(EventMessage.SUCCESSION)))
                .values().stream().sorted(Comparator.comparing(EventMessage::id)).toList();
        return tx.preparedQuery(COUNTED).execute(Tuple.of(newest.stream().map(EventMessage::id).toArray(String[]::new)))
                .chain(rows -> {
                    Map<String, EventMessage> counted = new HashMap<>();
                    rows.forEach(row -> counted.put(row.getString("event_id"), countedVersion(row)));
                    List<EventMessage> newer = newest.stream()
                            .filter(event -> !counted.containsKey(event.id()) || event.follows(counted.get(event.id())))
                            .toList();
                    if (newer.isEmpty()) {
                        return Uni.createFrom().item(new Counted(List.of(), List.of(), BatchCounts.of(List.of(), List.of())));
                    }
                    return tx.preparedQuery(MARK_COUNTED).execute(markColumns(newer)).chain(marked -> {
                        Set<String> applied = new HashSet<>();
                        marked.forEach(row -> applied.add(row.getString(0)));
                        List<EventMessage> versions = newer.stream().filter(event -> applied.contains(event.id())).toList();
                        List<EventMessage> replaced = versions.stream().map(event -> counted.get(event.id()))
                                .filter(previous -> previous != null && !previous.removed()).toList();
                        BatchCounts changes = BatchCounts.of(versions.stream().filter(event -> !event.removed()).toList(), replaced);
                        Counted done = new Counted(versions, replaced, changes);
                        List<String> incidents = done.touched().stream().map(EventMessage::incident).distinct().sorted().toList();
                        return apply(tx, changes, incidents).replaceWith(done);
                    });
                });
    }

    /** A counted version as a message: what it added. Versions counted before they kept that add nothing. */
    private static EventMessage countedVersion(Row row) {
        boolean kept = row.getString("countries") != null;
        String actor = row.getString("actor");
        return new EventMessage(row.getString("event_id"), row.getInteger("version"), row.getInteger("filing"), row.getString("article_id"),
                row.getString("incident_id"), row.getString("event_type"), codes(row.getString("countries")),
                codes(row.getString("themes")), null, row.getBoolean("removed") || !kept,
                actor == null ? null : new EventMessage.Party(actor),
                codes(row.getString("partners")).stream().map(EventMessage.Party::new).toList(),
                row.getString("date_value") == null ? null : new EventMessage.EventDate(row.getString("date_value")));
    }

    private static List<String> codes(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(SEPARATOR));
    }

    private static Tuple markColumns(List<EventMessage> events) {
        return Tuple.from(List.<Object>of(
                column(events, EventMessage::id),
                events.stream().map(EventMessage::version).toArray(Integer[]::new),
                events.stream().map(EventMessage::filing).toArray(Integer[]::new),
                column(events, EventMessage::articleId),
                events.stream().map(event -> event.acceptedAt() == null ? null : event.acceptedAt().atOffset(ZoneOffset.UTC))
                        .toArray(OffsetDateTime[]::new),
                column(events, event -> event.removed() ? null : event.incident()),
                column(events, EventMessage::type),
                column(events, event -> event.removed() ? null : String.join(SEPARATOR, event.countries())),
                column(events, event -> event.removed() ? null : String.join(SEPARATOR, event.themes())),
                events.stream().map(EventMessage::removed).toArray(Boolean[]::new),
                column(events, event -> event.removed() ? null : event.actor()),
                column(events, event -> event.removed() ? null : String.join(SEPARATOR, event.partnerCountries())),
                column(events, event -> event.removed() ? null : event.dateValue())));
    }

    private static String[] column(List<EventMessage> events, Function<EventMessage, String> field) {
        return events.stream().map(field).toArray(String[]::new);
    }

    /**
     * Moves every aggregate table by the batch in rounds, the statements of a round sent at once: the transaction's
     * connection pipelines them, so a batch waits for a few answers rather than for one per statement. First the
     * incidents are locked and read, with the articles' memberships (which tell each row the articles it gained or
     * lost); then the incidents, the counts, the totals and the rolling-window rows are written, with the
     * memberships no event holds any more dropped; then the rows left empty. Each round sends its tables in one fixed
     * order, so concurrent counting transactions still lock rows table by table in one order.
     */
    private static Uni<Void> apply(SqlClient tx, BatchCounts changes, List<String> incidents) {
        Membership articles = new Membership("counted_article", List.of("article_id"), changes.articles());
        Membership countryArticles = new Membership("country_article", List.of("country", "article_id"), changes.countryArticles());
        return Uni.combine().all().unis(CountedIncidents.move(tx, incidents, changes), articles.upsert(tx), countryArticles.upsert(tx))
                .asTuple().chain(read -> {
                    CountedIncidents.Moved moved = read.getItem1();
                    MembersMoved articlesMoved = read.getItem2();
                    MembersMoved countryArticlesMoved = read.getItem3();
                    Map<Dimension, Map<Key, Long>> incidentsByRow = moved.incidentsByRow();
                    List<RowChange> rows = Arrays.stream(Dimension.values())
                            .map(dimension -> RowChange.of(dimension, changes, incidentsByRow.get(dimension),
                                    dimension == Dimension.COUNTRY ? countryArticlesMoved.byRow() : null))
                            .toList();
                    WindowRows.Change windows = WindowRows.change(moved.presencesBefore(), moved.presencesAfter());
                    List<Uni<Void>> second = new ArrayList<>();
                    second.add(moved.write(tx));
                    second.add(articlesMoved.dropGone(tx));
                    second.add(countryArticlesMoved.dropGone(tx));
                    rows.forEach(row -> second.add(row.upsert(tx)));
                    second.add(tx.preparedQuery("update running_totals set events = events + $1, articles = articles + $2, incidents = incidents + $3 where id = 1")
                            .execute(Tuple.of(changes.events(), sum(articlesMoved.byRow()), moved.incidentsChange()))
                            .replaceWithVoid());
                    second.add(windows.apply(tx));
                    List<Uni<Void>> third = new ArrayList<>(rows.stream().map(row -> row.dropEmpty(tx)).toList());
                    third.add(windows.dropEmpty(tx));
                    return inOneRound(second).chain(() -> inOneRound(third));
                })
                .replaceWithVoid();
    }

    /**
     * Sends the statements at once, in list order, and waits for every answer. Each must send its statement as it is
     * subscribed (a bare {@code execute}, nothing deferred before it): the order they are subscribed in is the order
     * the connection runs them in, which is the order rows are locked in.
     */
    private static <T> Uni<List<T>> inOneRound(List<Uni<T>> statements) {
        return Uni.join().all(statements).andFailFast();
    }

    /**
     * A dimension's change of its count rows: their events, their incidents as rows gain or lose them, and for the
     * one dimension that counts them, their articles.
     */
    private record RowChange(Dimension dimension, List<Key> rows, List<String> countColumns, List<Object> arrays, boolean lostSome) {

        /** @param articlesByRow the change in each row's articles, for the one dimension that counts them; else null */
        static RowChange of(Dimension dimension, BatchCounts changes, Map<Key, Long> incidentsByRow, Map<Key, Long> articlesByRow) {
            SortedMap<Key, Long> events = changes.eventsByRow().get(dimension);
            List<Key> rows = new ArrayList<>(new TreeSet<>(union(events.keySet(), incidentsByRow.keySet(),
                    articlesByRow == null ? Set.of() : articlesByRow.keySet())));
            List<String> countColumns = new ArrayList<>(List.of("events", "incidents"));
            List<Object> arrays = new ArrayList<>(keyArrays(rows, dimension.keyColumns.size()));
            arrays.add(rows.stream().map(row -> events.getOrDefault(row, 0L)).toArray(Long[]::new));
            arrays.add(rows.stream().map(row -> incidentsByRow.getOrDefault(row, 0L)).toArray(Long[]::new));
            if (articlesByRow != null) {
                countColumns.add("articles");
                arrays.add(rows.stream().map(row -> articlesByRow.getOrDefault(row, 0L)).toArray(Long[]::new));
            }
            // only a row that lost something can be left empty: a batch that only adds deletes nothing
            boolean lostSome = Stream.of(events.values(), incidentsByRow.values(), articlesByRow == null ? List.<Long>of() : articlesByRow.values())
                    .flatMap(Collection::stream).anyMatch(change -> change < 0);
            return new RowChange(dimension, rows, countColumns, arrays, lostSome);
        }

        Uni<Void> upsert(SqlClient tx) {
            if (rows.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            String keys = String.join(", ", dimension.keyColumns);
            String upsert = "insert into %s (%s, %s) select * from unnest(%s) on conflict (%s) do update set %s".formatted(
                    dimension.countTable, keys, String.join(", ", countColumns),
                    unnestArguments(dimension.keyColumns.size(), countColumns.size()), keys,
                    countColumns.stream().map(column -> "%1$s = %2$s.%1$s + excluded.%1$s".formatted(column, dimension.countTable))
                            .collect(Collectors.joining(", ")));
            return tx.preparedQuery(upsert).execute(Tuple.from(arrays)).replaceWithVoid();
        }

        /** A row whose last event went is no row: a country nobody reports any more is not listed with zeros. */
        Uni<Void> dropEmpty(SqlClient tx) {
            if (!lostSome) {
                return Uni.createFrom().voidItem();
            }
            String dropEmpty = "delete from %s where (%s) in (select * from unnest(%s)) and events <= 0 and incidents <= 0"
                    .formatted(dimension.countTable, String.join(", ", dimension.keyColumns), unnestArguments(dimension.keyColumns.size(), 0));
            return tx.preparedQuery(dropEmpty).execute(Tuple.from(keyArrays(rows, dimension.keyColumns.size()))).replaceWithVoid();
        }
    }

    @SafeVarargs
    private static Set<Key> union(Collection<Key>... keys) {
        Set<Key> all = new HashSet<>();
        Arrays.stream(keys).forEach(all::addAll);
        return all;
    }

    /** Membership rows (a row's key and a member), changed by how many counted events hold them. */
    private record Membership(String table, List<String> columns, SortedMap<Key, Long> changes) {

        /** Changes the rows; tells per row how many members it gained (positive) or lost (negative). */
        Uni<MembersMoved> upsert(SqlClient tx) {
            if (changes.isEmpty()) {
                return Uni.createFrom().item(new MembersMoved(this, Map.of(), List.of()));
            }
            List<Key> members = List.copyOf(changes.keySet());
            String names = String.join(", ", columns);
            String upsert = "insert into %1$s (%2$s, refs) select * from unnest(%3$s) on conflict (%2$s) do update set refs = %1$s.refs + excluded.refs returning %2$s, refs"
                    .formatted(table, names, unnestArguments(columns.size(), 1));
            List<Object> arrays = new ArrayList<>(keyArrays(members, columns.size()));
            arrays.add(members.stream().map(changes::get).toArray(Long[]::new));
            return tx.preparedQuery(upsert).execute(Tuple.from(arrays)).map(rows -> {
                Map<Key, Long> byRow = new HashMap<>();
                List<Key> gone = new ArrayList<>();
                for (Row row : rows) {
                    Key member = new Key(IntStream.range(0, columns.size()).mapToObj(row::getString).toList());
                    long after = row.getLong("refs");
                    long before = after - changes.get(member);
                    if (before <= 0 && after > 0) {
                        byRow.merge(member.row(), 1L, Long::sum);
                    } else if (before > 0 && after <= 0) {
                        byRow.merge(member.row(), -1L, Long::sum);
                    }
                    if (after <= 0) {
                        gone.add(member);
                    }
                }
                return new MembersMoved(this, byRow, gone);
            });
        }
    }

    /**
     * @param byRow per row, how many members it gained (positive) or lost (negative)
     * @param gone  the members no event holds any more
     */
    private record MembersMoved(Membership membership, Map<Key, Long> byRow, List<Key> gone) {

        Uni<Void> dropGone(SqlClient tx) {
            if (gone.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            List<String> columns = membership.columns();
            return tx.preparedQuery("delete from %s where (%s) in (select * from unnest(%s))"
                            .formatted(membership.table(), String.join(", ", columns), unnestArguments(columns.size(), 0)))
                    .execute(Tuple.from(keyArrays(gone, columns.size()))).replaceWithVoid();
        }
    }

    private static long sum(Map<Key, Long> changes) {
        return changes.values().stream().mapToLong(Long::longValue).sum();
    }

    /** {@code $1::text[], ...} for the key columns, then {@code ::bigint[]} for the counts. */
    private static String unnestArguments(int textColumns, int countColumns) {
        return IntStream.rangeClosed(1, textColumns + countColumns)
                .mapToObj(i -> "$" + i + (i <= textColumns ? "::text[]" : "::bigint[]"))
                .collect(Collectors.joining(", "));
    }

    private static List<Object> keyArrays(List<Key> keys, int width) {
        List<Object> arrays = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            int part = i;
            arrays.add(keys.stream().map(key -> key.part(part)).toArray(String[]::new));
        }
        return arrays;
    }
}

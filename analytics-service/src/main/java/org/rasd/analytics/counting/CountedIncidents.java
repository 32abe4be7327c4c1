package org.rasd.analytics.counting;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import org.rasd.analytics.counting.BatchCounts.Dimension;
import org.rasd.analytics.counting.BatchCounts.Key;
import org.rasd.analytics.window.RecentWindow.Basis;
import org.rasd.analytics.window.WindowRows.Breakdown;
import org.rasd.analytics.window.WindowRows.Presence;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The incidents a batch touches, each as one row of {@code counted_incident}: its counted reports, when the first of
 * them was accepted, and the aggregate rows that include it with how many of its reports each (its members, a JSON
 * object named by {@link BatchCounts.Row#name()}). One row an incident, rewritten once a batch, where a row for each of
 * its some sixty memberships, in a table for each dimension, had made counting write about 48 rows an event.
 */
final class CountedIncidents {

    /**
     * Locks the incidents in id order, making those not counted yet (with no report, which the change then adds), so
     * that a transaction counting the same incident waits here and then reads what the first one committed.
     */
    private static final String LOCK = """
            insert into counted_incident (incident_id, refs) select unnest($1::text[]), 0
            on conflict (incident_id) do update set refs = counted_incident.refs
            returning incident_id, refs, first_seen, members""";
    /**
     * Each incident's earliest counted report, looked up alone so that it is the first entry of its index range
     * (V13): a min over a group would read every report of the incident. Read again each time, since a removed or
     * corrected report may have been the earliest.
     */
    private static final String FIRST_SEEN = """
            select t.incident_id, (select min(e.accepted_at) from counted_event e where e.incident_id = t.incident_id) as first_seen
            from unnest($1::text[]) as t (incident_id)""";
    private static final String WRITE = """
            update counted_incident i set refs = u.refs, members = u.members::jsonb, first_seen = coalesce(u.first_seen, i.first_seen)
            from unnest($1::text[], $2::bigint[], $3::text[], $4::timestamptz[]) as u (incident_id, refs, members, first_seen)
            where i.incident_id = u.incident_id""";
    private static final String DROP = "delete from counted_incident where incident_id = any($1)";

    /**
     * An incident as counted.
     *
     * @param refs      its counted reports
     * @param firstSeen when the earliest of them was accepted; null when none says
     * @param members   the rows that include it, each with its reports there
     */
    record Incident(String id, long refs, OffsetDateTime firstSeen, SortedMap<BatchCounts.Row, Long> members) {

        boolean isCounted() {
            return refs > 0;
        }

        /** The incident with the batch's change: its reports and memberships moved, its first report found again. */
        Incident moved(long refsChange, Map<BatchCounts.Row, Long> membersChange, OffsetDateTime earliest) {
            SortedMap<BatchCounts.Row, Long> moved = new TreeMap<>(members);
            membersChange.forEach((row, change) -> moved.merge(row, change, Long::sum));
            moved.values().removeIf(refs -> refs <= 0);
            return new Incident(id, refs + refsChange, earliest == null ? firstSeen : earliest, moved);
        }

        /** The days of the rolling windows it is in ({@link org.rasd.analytics.window.WindowRows}). */
        List<Presence> presences() {
            List<Presence> presences = new ArrayList<>();
            if (!isCounted()) {
                return presences;
            }
            String seen = firstSeen == null ? null : firstSeen.atZoneSameInstant(ZoneOffset.UTC).toLocalDate().toString();
            if (seen != null) {
                presences.add(new Presence(Basis.SEEN, Breakdown.ALL, "", id, seen, refs));
            }
            members.forEach((row, reports) -> {
                Key key = row.key();
                boolean day = row.dimension().isSeries() && key.part(0).equals(Interval.DAY.label());
                switch (row.dimension()) {
                    case PERIOD -> {
                        if (day) {
                            presences.add(new Presence(Basis.DATE, Breakdown.ALL, "", id, key.part(1), reports));
                        }
                    }
                    case PERIOD_COUNTRY, PERIOD_THEME -> {
                        if (day) {
                            Breakdown breakdown = row.dimension() == Dimension.PERIOD_COUNTRY ? Breakdown.COUNTRY : Breakdown.THEME;
                            presences.add(new Presence(Basis.DATE, breakdown, key.part(2), id, key.part(1), reports));
                        }
                    }
                    case COUNTRY, THEME -> {
                        if (seen != null) {
                            Breakdown breakdown = row.dimension() == Dimension.COUNTRY ? Breakdown.COUNTRY : Breakdown.THEME;
                            presences.add(new Presence(Basis.SEEN, breakdown, key.part(0), id, seen, reports));
                        }
                    }
                    default -> {
                    }
                }
            });
            return presences;
        }

        private String membersJson() {
            JsonObject json = new JsonObject();
            members.forEach((row, reports) -> json.put(row.name(), reports));
            return json.encode();
        }
    }

    /** The incidents before and after a batch's change. */
    record Moved(List<Incident> before, List<Incident> after) {

        /** Per dimension, how many incidents each row gained (positive) or lost (negative). */
        Map<Dimension, Map<Key, Long>> incidentsByRow() {
            Map<Dimension, Map<Key, Long>> byRow = new EnumMap<>(Dimension.class);
            for (Dimension dimension : Dimension.values()) {
                byRow.put(dimension, new HashMap<>());
            }
            for (int i = 0; i < before.size(); i++) {
                Map<BatchCounts.Row, Long> was = before.get(i).members();
                Map<BatchCounts.Row, Long> is = after.get(i).members();
                was.keySet().stream().filter(row -> !is.containsKey(row))
                        .forEach(row -> byRow.get(row.dimension()).merge(row.key(), -1L, Long::sum));
                is.keySet().stream().filter(row -> !was.containsKey(row))
                        .forEach(row -> byRow.get(row.dimension()).merge(row.key(), 1L, Long::sum));
            }
            byRow.values().forEach(rows -> rows.values().removeIf(change -> change == 0));
            return byRow;
        }

        /** How many incidents became counted, less those no report holds any more. */
        long incidentsChange() {
            long change = 0;
            for (int i = 0; i < before.size(); i++) {
                change += Boolean.compare(after.get(i).isCounted(), before.get(i).isCounted());
            }
            return change;
        }

        List<Presence> presencesBefore() {
            return before.stream().flatMap(incident -> incident.presences().stream()).toList();
        }

        List<Presence> presencesAfter() {
            return after.stream().flatMap(incident -> incident.presences().stream()).toList();
        }

        /** Writes the incidents still counted and deletes the others. */
        Uni<Void> write(SqlClient tx) {
            List<Incident> counted = after.stream().filter(Incident::isCounted).toList();
            String[] gone = after.stream().filter(incident -> !incident.isCounted()).map(Incident::id).toArray(String[]::new);
            Uni<Void> write = counted.isEmpty() ? Uni.createFrom().voidItem() : tx.preparedQuery(WRITE).execute(Tuple.of(
                    counted.stream().map(Incident::id).toArray(String[]::new),
                    counted.stream().map(Incident::refs).toArray(Long[]::new),
                    counted.stream().map(Incident::membersJson).toArray(String[]::new),
                    counted.stream().map(Incident::firstSeen).toArray(OffsetDateTime[]::new))).replaceWithVoid();
            Uni<Void> drop = gone.length == 0 ? Uni.createFrom().voidItem()
                    : tx.preparedQuery(DROP).execute(Tuple.of((Object) gone)).replaceWithVoid();
            return Uni.join().all(write, drop).andFailFast().replaceWithVoid();
        }
    }

    private CountedIncidents() {
    }

    /**
     * Locks the incidents and reads them with the batch's change applied: their reports, memberships and first
     * reports. The lock and the read of the first reports go out together.
     *
     * @param incidents every incident the batch touches, sorted
     */
    static Uni<Moved> move(SqlClient tx, List<String> incidents, BatchCounts changes) {
        Tuple ids = Tuple.of(incidents.toArray(String[]::new));
        return Uni.combine().all().unis(tx.preparedQuery(LOCK).execute(ids), tx.preparedQuery(FIRST_SEEN).execute(ids))
                .with((locked, earliest) -> {
                    Map<String, Incident> before = new HashMap<>();
                    locked.forEach(row -> before.put(row.getString("incident_id"), incident(row)));
                    Map<String, OffsetDateTime> firstSeen = new HashMap<>();
                    earliest.forEach(row -> firstSeen.put(row.getString("incident_id"), row.getOffsetDateTime("first_seen")));
                    List<Incident> was = incidents.stream().map(before::get).toList();
                    List<Incident> is = was.stream().map(incident -> incident.moved(
                            changes.incidents().getOrDefault(Key.of(incident.id()), 0L),
                            changes.rowsOfIncidents().getOrDefault(incident.id(), Map.of()),
                            firstSeen.get(incident.id()))).toList();
                    return new Moved(was, is);
                });
    }

    private static Incident incident(Row row) {
        SortedMap<BatchCounts.Row, Long> members = new TreeMap<>();
        JsonObject stored = row.getJsonObject("members");
        stored.forEach(member -> members.put(BatchCounts.Row.named(member.getKey()), ((Number) member.getValue()).longValue()));
        return new Incident(row.getString("incident_id"), row.getLong("refs"), row.getOffsetDateTime("first_seen"), members);
    }
}

package org.rasd.catalog.incident;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.rasd.catalog.event.EventVersion;
import org.rasd.catalog.record.Event;
import org.rasd.support.incident.ActReport;
import org.rasd.support.incident.Incidents;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Joins newly stored events (mentions) into incidents. Mentions are only ever joined within their join key. One
 * writer joins at a time ({@link org.rasd.catalog.messaging.JoinRelay}): two batches reporting one act cannot
 * both found an incident for it, and storing never waits for another batch's acts.
 */
@ApplicationScoped
public class IncidentJoiner {

    private final ObjectMapper mapper;

    public IncidentJoiner(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * A newly stored event: its id and version (its article's), what act it reports, the day it sorts by when it
     * has no date, and the article version it is of: no incident takes two events of one ({@link Incidents}).
     */
    public record Mention(String eventId, int version, ActReport report, LocalDate sortDate, String articleVersion) {

        /** The signature of an event version: its partners are its partners' countries and the bodies it names. */
        public static Mention of(EventVersion message, LocalDate sortDate) {
            Event event = message.event();
            List<String> partners = new ArrayList<>();
            event.partners().forEach(partner -> partners.add(partner.country()));
            partners.addAll(event.organisations());
            partners.removeIf(partner -> partner == null || partner.isBlank());
            return new Mention(message.id(), message.version(), ActReport.of(event.type(),
                    event.subject() == null ? null : event.subject().country(), partners, event.dateValue(),
                    event.location() == null ? null : event.location().country()), sortDate,
                    message.articleId() + "@" + message.version());
        }

        String articleId() {
            return articleVersion.substring(0, articleVersion.lastIndexOf('@'));
        }
    }

    /** A stored mention, as it adds to its incident: where it came from and what it says. */
    public record Joined(String incidentId, String articleId, String source, List<String> themes, String date, String place) {

        /**
         * The mention an event version filed under its incident makes, from the article's source, else its URL, else
         * its id.
         */
        public static Joined of(EventVersion filed, String source) {
            Event event = filed.event();
            return new Joined(filed.incidentId(), filed.articleId(), source, event.distinctThemes(), event.dateValue(),
                    event.location() == null ? null : event.location().country());
        }
    }
    private static final String CANDIDATES = """
            select i.id, i.type, i.actor, i.partners, i.date_from, i.date_to, i.place
            from incident i
            where i.join_key = any($1) and i.date_from <= $2 and i.date_to >= $3
            order by i.seq""";
    /** The article versions each incident holds reports of: as many rows as its mentions. */
    private static final String HOLDINGS = """
            select e.incident_id, e.article_id || '@' || e.version as article_version from catalog_event e
            where e.incident_id = any($1)""";
    /** The versions of some articles that each incident holds reports of: as many rows as those articles' events. */
    private static final String HOLDINGS_OF_ARTICLES = """
            select e.incident_id, e.article_id || '@' || e.version as article_version from catalog_event e
            where e.article_id = any($1) and e.incident_id is not null""";
    private static final String UPSERT = """
            insert into incident (id, version, join_key, type, actor, partners, date_from, date_to, place, sort_date,
                                  first_seen, last_seen, mentions, articles, sources, themes, dates, places)
            select id, 1, join_key, type, actor, string_to_array(partners, ','), date_from, date_to, place, sort_date,
                   now(), now(), 0, 0, 0, '{}', '{}', '{}'
            from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::date[], $7::date[], $8::text[], $9::date[])
                 as changed (id, join_key, type, actor, partners, date_from, date_to, place, sort_date)
            on conflict (id) do update set version = incident.version + 1, type = excluded.type,
                actor = excluded.actor, partners = excluded.partners, date_from = excluded.date_from,
                date_to = excluded.date_to, place = excluded.place, sort_date = excluded.sort_date""";
    /** Counts and unions from the mentions themselves, for incidents that lost some. */
    private static final String RECOUNT = """
            update incident i set
                mentions   = (select count(*) from catalog_event e where e.incident_id = i.id),
                articles   = (select count(distinct e.article_id) from catalog_event e where e.incident_id = i.id),
                sources    = (select count(distinct coalesce(a.source, a.url, a.id)) from catalog_event e
                              join article a on a.id = e.article_id where e.incident_id = i.id),
                last_seen  = now(),
                themes     = array(select distinct t.theme from catalog_event e join catalog_event_theme t on t.event_id = e.id
                                   where e.incident_id = i.id order by 1),
                dates      = array(select distinct e.document::jsonb #>> '{date,value}' from catalog_event e
                                   where e.incident_id = i.id and e.document::jsonb #>> '{date,value}' is not null order by 1),
                places     = array(select distinct e.document::jsonb #>> '{location,country}' from catalog_event e
                                   where e.incident_id = i.id and e.document::jsonb #>> '{location,country}' is not null order by 1)
            where i.id = any($1)""";

    private static final class Candidate {
        private final String id;
        private ActReport signature;
        private LocalDate sortDate;
        /** The article versions of the reports it holds ({@code articleId@version}): it takes no other of them. */
        private final Set<String> articles = new HashSet<>();
        /**
         * Whether {@link #articles} are all it holds; a stored incident read for a batch holds only the versions of the
         * batch's articles there, which tell whether it is open to the batch's reports but not whether two stored
         * incidents share a version.
         */
        private boolean whole = true;

        Candidate(String id, ActReport signature, LocalDate sortDate) {
            this.id = id;
            this.signature = signature;
            this.sortDate = sortDate;
        }

        void takeIn(Candidate other) {
            signature = signature.joinedWith(other.signature);
            articles.addAll(other.articles);
            whole &= other.whole;
        }
    }

    /**
     * How a batch of mentions joined: the incident id of each mention's event id, and the stored incidents a
     * mention bridged into another ({@link Incidents#joinedAndBridged}), each with the incident that takes them in.
     */
    public record Joining(Map<String, String> incidentOf, Map<String, String> bridgedInto) {
    }

    /**
     * Joins each mention to the incident it reports, founding one where none agrees, and writes the incidents
     * that changed. Call {@link #addMentions} once the mentions are filed under them, then {@link #absorb} with the
     * incidents they bridged.
     */
    public Uni<Joining> join(SqlClient tx, List<Mention> mentions) {
        if (mentions.isEmpty()) {
            return Uni.createFrom().item(new Joining(Map.of(), Map.of()));
        }
        List<ActReport> reports = mentions.stream().map(Mention::report).toList();
        String[] articles = mentions.stream().map(Mention::articleId).distinct().toArray(String[]::new);
        // what the stored incidents hold of the batch's articles settles all but a report that bridges two of them
        return candidatesFor(tx, reports, Set.of(), articles)
                .map(candidates -> joinToStored(candidates, mentions))
                .chain(joined -> joined.isPresent() ? Uni.createFrom().item(joined.get())
                        : candidatesFor(tx, reports, Set.of(), null).map(candidates -> joinToStored(candidates, mentions).orElseThrow()))
                .chain(joined -> {
                    Map<String, String> incidentOf = new LinkedHashMap<>();
                    Map<String, Candidate> changed = new LinkedHashMap<>();
                    for (int i = 0; i < mentions.size(); i++) {
                        Candidate incident = joined.incidents().get(i);
                        incidentOf.put(mentions.get(i).eventId(), incident.id);
                        changed.put(incident.id, incident);
                    }
                    return tx.preparedQuery(UPSERT).execute(upsertColumns(changed.values()))
                            .replaceWith(new Joining(incidentOf, joined.bridgedInto()));
                });
    }

    /** The incident of each of a batch's reports, and the stored incidents they bridged, each with its taker. */
    private record StoredJoining(List<Candidate> incidents, Map<String, String> bridgedInto) {
    }

    /** {@link #joinToStored(List, List, Function, Function, Function)} for new mentions; each founds its own incident. */
    private static Optional<StoredJoining> joinToStored(List<Candidate> stored, List<Mention> mentions) {
        return joinToStored(stored, mentions, Mention::report, mention -> Set.of(mention.articleVersion()),
                mention -> new Candidate(foundedBy(mention.eventId(), mention.version(), 0), mention.report(), mention.sortDate()));
    }

    /**
     * {@link #joinInOrder} over the stored incidents, with each stored one the reports bridged and the incident that
     * took it in at last; empty when what the stored incidents hold is too little to tell.
     */
    private static <T> Optional<StoredJoining> joinToStored(List<Candidate> stored, List<T> reports, Function<T, ActReport> report,
                                                            Function<T, Set<String>> articles, Function<T, Candidate> founded) {
        Map<Candidate, Candidate> bridged = new HashMap<>();
        return joinInOrder(new ArrayList<>(stored), reports, report, articles, founded, bridged).map(incidents -> {
            Map<String, String> bridgedInto = new TreeMap<>();
            stored.stream().filter(bridged::containsKey).forEach(gone -> bridgedInto.put(gone.id, takenIn(gone, bridged).id));
            return new StoredJoining(incidents, bridgedInto);
        });
    }

    /** The incident a candidate is part of now: itself, or the one that took in the one that took it in, and so on. */
    private static Candidate takenIn(Candidate candidate, Map<Candidate, Candidate> bridged) {
        Candidate now = candidate;
        while (bridged.containsKey(now)) {
            now = bridged.get(now);
        }
        return now;
    }

    /**
     * The stored incidents the reports may join, but those {@code except}: of their join keys, dated within a day of
     * their dates.
     *
     * @param articles the articles whose versions they are read holding, or null for all they hold: an incident holds
     *                 a report of every article that reported its act, so reading all costs as much as it was reported
     */
    private static Uni<List<Candidate>> candidatesFor(SqlClient tx, List<ActReport> reports, Set<String> except, String[] articles) {
        String[] keys = reports.stream().map(ActReport::joinKey).distinct().sorted().toArray(String[]::new);
        List<ActReport> dated = reports.stream().filter(ActReport::dated).toList();
        LocalDate latest = dated.stream().map(ActReport::last).max(LocalDate::compareTo).orElse(LocalDate.EPOCH);
        LocalDate earliest = dated.stream().map(ActReport::first).min(LocalDate::compareTo).orElse(LocalDate.EPOCH);
        // one day beyond the dates either side: a day date matches the days next to it
        return tx.preparedQuery(CANDIDATES).execute(Tuple.of(keys, latest.plusDays(1), earliest.minusDays(1))).chain(rows -> {
            Map<String, Candidate> candidates = new LinkedHashMap<>();
            rows.forEach(row -> {
                if (!except.contains(row.getString("id"))) {
                    Candidate stored = new Candidate(row.getString("id"), signature(row), null);
                    stored.whole = articles == null;
                    candidates.put(stored.id, stored);
                }
            });
            if (candidates.isEmpty()) {
                return Uni.createFrom().item(List.<Candidate>of());
            }
            Uni<RowSet<Row>> holdings = articles == null
                    ? tx.preparedQuery(HOLDINGS).execute(Tuple.of((Object) candidates.keySet().toArray(String[]::new)))
                    : tx.preparedQuery(HOLDINGS_OF_ARTICLES).execute(Tuple.of((Object) articles));
            return holdings.map(held -> {
                held.forEach(row -> {
                    Candidate holder = candidates.get(row.getString("incident_id"));
                    if (holder != null) {
                        holder.articles.add(row.getString("article_version"));
                    }
                });
                return List.copyOf(candidates.values());
            });
        });
    }

    /**
     * Joins each report in turn to the candidate it agrees with, or founds an incident for it; a dated one is a
     * candidate for the reports after it. A report that bridges candidates makes the first take in the others:
     * they are no candidates any more, and {@code bridged} says which took each in. No candidate that holds a
     * report of the same article version is open to a report, nor bridged with another that does
     * ({@link Incidents#joinedAndBridged(ActReport, Set, Collection, Function, Function)}).
     *
     * @param articles the article versions a report is from
     * @return the incident of each report, in order, as it is at the end; empty when a report would bridge two
     *         candidates not known {@link Candidate#whole}, which may hold reports of one article version
     */
    private static <T> Optional<List<Candidate>> joinInOrder(List<Candidate> candidates, List<T> reports, Function<T, ActReport> report,
                                                   Function<T, Set<String>> articles, Function<T, Candidate> founded,
                                                   Map<Candidate, Candidate> bridged) {
        List<Candidate> incidents = new ArrayList<>();
        for (T each : reports) {
            ActReport told = report.apply(each);
            Set<String> from = articles.apply(each);
            List<Candidate> joined = Incidents.joinedAndBridged(told, from, candidates, candidate -> candidate.signature,
                    candidate -> candidate.articles);
            if (joined.stream().filter(candidate -> !candidate.whole).count() > 1) {
                return Optional.empty();
            }
            Candidate incident;
            if (joined.isEmpty()) {
                incident = founded.apply(each);
                if (told.dated()) {
                    candidates.add(incident);
                }
            } else {
                incident = joined.getFirst();
                for (Candidate other : joined.subList(1, joined.size())) {
                    incident.takeIn(other);
                    candidates.remove(other);
                    bridged.put(other, incident);
                }
                incident.signature = incident.signature.joinedWith(told);
            }
            incident.articles.addAll(from);
            incidents.add(incident);
        }
        return Optional.of(incidents.stream().map(incident -> takenIn(incident, bridged)).toList());
    }

    /** Files moved mentions under their new incidents; each enters the event stream again with this transaction. */
    private static final String REFILE = """
            update catalog_event e set incident_id = m.incident_id, filing = m.filing, xid = pg_current_xact_id()
            from unnest($1::text[], $2::int[], $3::text[], $4::int[]) as m (id, version, incident_id, filing)
            where e.id = m.id and e.version = m.version""";

    /** A stored mention as making its incident again reads it: what it reports, and its message as filed so far. */
    private record Filed(Mention mention, EventVersion message, int filing) {
    }

    /**
     * Makes incidents that lost mentions (their article came in a new version) again from the mentions left, joined
     * one after another in the order they were stored: the first act they tell of keeps the incident, one version
     * on, and each further act (the mention taken away was the one that had joined them) is split off and joined
     * again ({@link #joinSplitOff}), its mentions filed under their new incident; stored incidents such an act
     * bridges are taken in ({@link #absorb}), and so is the act that kept its incident, by another stored incident it
     * now agrees with ({@link #joinKept}). An incident with no mention left is deleted. Call it once the batch's
     * mentions are stored and added.
     */
    public Uni<Refiled> remake(SqlClient tx, Set<String> incidentIds) {
        if (incidentIds.isEmpty()) {
            return Uni.createFrom().item(Refiled.NONE);
        }
        String[] ids = incidentIds.stream().sorted().toArray(String[]::new);
        return tx.preparedQuery("""
                        select incident_id, filing, sort_date, document from catalog_event where incident_id = any($1) order by seq""")
                .execute(Tuple.of((Object) ids))
                .chain(rows -> {
                    Map<String, List<Filed>> left = new LinkedHashMap<>();
                    for (Row row : rows) {
                        EventVersion message = EventVersion.stored(mapper, row.getString("document"));
                        left.computeIfAbsent(row.getString("incident_id"), incident -> new ArrayList<>())
                                .add(new Filed(Mention.of(message, row.getLocalDate("sort_date")), message, row.getInteger("filing")));
                    }
                    Map<String, Candidate> remade = new LinkedHashMap<>();
                    List<List<Filed>> splitOff = new ArrayList<>();
                    left.forEach((incidentId, mentions) -> {
                        // the acts the mentions left tell of, joined as the catalog joins reports
                        List<Candidate> actOf = joinInOrder(new ArrayList<>(), mentions, filed -> filed.mention().report(),
                                filed -> Set.of(filed.mention().articleVersion()),
                                filed -> new Candidate(filed.mention().eventId(), filed.mention().report(), null), new HashMap<>())
                                .orElseThrow(); // none but whole candidates
                        Map<Candidate, List<Filed>> acts = new LinkedHashMap<>();
                        for (int i = 0; i < mentions.size(); i++) {
                            acts.computeIfAbsent(actOf.get(i), act -> new ArrayList<>()).add(mentions.get(i));
                        }
                        List<List<Filed>> inOrder = List.copyOf(acts.values());
                        remade.put(incidentId, actAs(incidentId, inOrder.getFirst()));
                        splitOff.addAll(inOrder.subList(1, inOrder.size()));
                    });
                    String[] empty = Arrays.stream(ids).filter(id -> !left.containsKey(id)).toArray(String[]::new);
                    Map<String, String> bridgedInto = new TreeMap<>();
                    List<Candidate> kept = List.copyOf(remade.values());
                    return tx.preparedQuery("delete from incident where id = any($1)").execute(Tuple.of((Object) empty))
                            .chain(() -> joinSplitOff(tx, splitOff, remade, bridgedInto))
                            .call(() -> joinKept(tx, kept, remade, bridgedInto))
                            .chain(moved -> (remade.isEmpty() ? Uni.createFrom().item(Refiled.NONE)
                                    : tx.preparedQuery(UPSERT).execute(upsertColumns(remade.values()))
                                    .chain(() -> refile(tx, moved))
                                    .chain(() -> recount(tx, remade.keySet().toArray(String[]::new)))
                                    .chain(() -> absorb(tx, bridgedInto)))
                                    .map(absorbed -> new Refiled(moved, Set.of()).and(absorbed)));
                });
    }

    /**
     * Joins each act that kept its incident as a new report of it would be: when it now agrees with another
     * incident (the mention taken away was the one that set them apart: a visit that made a meeting's incident a
     * visit's, apart from the reception of that day), that incident takes it in ({@code bridgedInto}) and is
     * written again with it ({@code changed}).
     */
    private Uni<Void> joinKept(SqlClient tx, List<Candidate> kept, Map<String, Candidate> changed, Map<String, String> bridgedInto) {
        List<Candidate> dated = kept.stream().filter(act -> act.signature.dated()).toList();
        if (dated.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Set<String> settled = new HashSet<>(changed.keySet()); // remade, joined by split-off acts, or taken in already
        settled.addAll(bridgedInto.keySet());
        return candidatesFor(tx, dated.stream().map(act -> act.signature).toList(), settled, null).invoke(candidates -> {
            StoredJoining joined = joinToStored(candidates, dated, act -> act.signature, act -> act.articles, Function.identity())
                    .orElseThrow(); // none but whole candidates
            bridgedInto.putAll(joined.bridgedInto());
            List<Candidate> incidents = joined.incidents();
            for (int i = 0; i < dated.size(); i++) {
                Candidate incident = incidents.get(i);
                changed.put(incident.id, incident);
                if (incident != dated.get(i)) {
                    bridgedInto.put(dated.get(i).id, incident.id);
                }
            }
        }).replaceWithVoid();
    }

    /**
     * Joins each act split off as a new report of it would be: to another incident it agrees with, else into an
     * incident of its own (its id from its first mention at its next filing). Adds the incidents it changed to
     * {@code changed}, and the stored incidents an act bridged to {@code bridgedInto}.
     *
     * @return the messages of the acts' mentions, filed under their incidents again
     */
    private Uni<List<EventVersion>> joinSplitOff(SqlClient tx, List<List<Filed>> acts, Map<String, Candidate> changed,
                                                 Map<String, String> bridgedInto) {
        if (acts.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Candidate> asFound = acts.stream().map(act -> {
            Filed founder = act.getFirst();
            return actAs(foundedBy(founder.mention().eventId(), founder.mention().version(), founder.filing() + 1), act);
        }).toList();
        return candidatesFor(tx, asFound.stream().map(act -> act.signature).toList(), changed.keySet(), null).map(candidates -> {
            StoredJoining joined = joinToStored(candidates, asFound, act -> act.signature, act -> act.articles, Function.identity())
                    .orElseThrow(); // none but whole candidates
            bridgedInto.putAll(joined.bridgedInto());
            List<Candidate> incidents = joined.incidents();
            List<EventVersion> moved = new ArrayList<>();
            for (int i = 0; i < acts.size(); i++) {
                Candidate incident = incidents.get(i);
                changed.put(incident.id, incident);
                acts.get(i).forEach(filed -> moved.add(filed.message().filedUnder(incident.id, filed.filing() + 1)));
            }
            return moved;
        });
    }

    /** The incident an act's mentions make: their signature joined in order, sorted by the first one's day. */
    private static Candidate actAs(String id, List<Filed> mentions) {
        Candidate incident = new Candidate(id, mentions.getFirst().mention().report(), mentions.getFirst().mention().sortDate());
        mentions.subList(1, mentions.size()).forEach(filed -> incident.signature = incident.signature.joinedWith(filed.mention().report()));
        mentions.forEach(filed -> incident.articles.add(filed.mention().articleVersion()));
        return incident;
    }

    /**
     * Mentions moved to other incidents, as they are published now, and the incidents taken in by others, gone.
     */
    public record Refiled(List<EventVersion> moved, Set<String> gone) {
        public static final Refiled NONE = new Refiled(List.of(), Set.of());

        public Refiled and(Refiled more) {
            List<EventVersion> allMoved = new ArrayList<>(moved);
            allMoved.addAll(more.moved);
            Set<String> allGone = new TreeSet<>(gone);
            allGone.addAll(more.gone);
            return new Refiled(allMoved, allGone);
        }
    }

    /**
     * Makes each stored incident a mention bridged part of the incident that took it in: its mentions are filed
     * there (each at its next filing, so analytics moves its count), it is deleted, and the incidents that took
     * some in are counted again from their mentions. Call it once the batch's mentions are filed.
     */
    public Uni<Refiled> absorb(SqlClient tx, Map<String, String> bridgedInto) {
        if (bridgedInto.isEmpty()) {
            return Uni.createFrom().item(Refiled.NONE);
        }
        String[] gone = bridgedInto.keySet().toArray(String[]::new);
        return tx.preparedQuery("select incident_id, filing, document from catalog_event where incident_id = any($1) order by seq")
                .execute(Tuple.of((Object) gone))
                .chain(rows -> {
                    List<EventVersion> moved = new ArrayList<>();
                    for (Row row : rows) {
                        moved.add(EventVersion.stored(mapper, row.getString("document"))
                                .filedUnder(bridgedInto.get(row.getString("incident_id")), row.getInteger("filing") + 1));
                    }
                    return refile(tx, moved)
                            .chain(() -> tx.preparedQuery("delete from incident where id = any($1)").execute(Tuple.of((Object) gone)))
                            .chain(() -> recount(tx, new TreeSet<>(bridgedInto.values()).toArray(String[]::new)))
                            .replaceWith(new Refiled(moved, new TreeSet<>(bridgedInto.keySet())));
                });
    }

    private static Uni<Void> refile(SqlClient tx, List<EventVersion> moved) {
        if (moved.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<EventVersion> inIdOrder = moved.stream().sorted(Comparator.comparing(EventVersion::id)).toList();
        return tx.preparedQuery(REFILE).execute(Tuple.of(
                inIdOrder.stream().map(EventVersion::id).toArray(String[]::new),
                inIdOrder.stream().map(EventVersion::version).toArray(Integer[]::new),
                inIdOrder.stream().map(EventVersion::incidentId).toArray(String[]::new),
                inIdOrder.stream().map(EventVersion::filing).toArray(Integer[]::new))).replaceWithVoid();
    }

    private static final String ADD_ARTICLES = """
            insert into incident_article select * from unnest($1::text[], $2::text[]) on conflict do nothing returning incident_id""";
    private static final String ADD_SOURCES = """
            insert into incident_source select * from unnest($1::text[], $2::text[]) on conflict do nothing returning incident_id""";
    /** Adds a batch's mentions to their incidents: counts by what is new to each, unions by what each adds. */
    private static final String ADD_MENTIONS = """
            update incident i set mentions = i.mentions + d.mentions, articles = i.articles + d.articles,
                sources = i.sources + d.sources, first_seen = least(i.first_seen, now()), last_seen = now(),
                themes = array(select distinct x from unnest(i.themes || string_to_array(d.themes, ',')::varchar[]) x order by 1),
                dates = array(select distinct x from unnest(i.dates || string_to_array(d.dates, ',')::varchar[]) x order by 1),
                places = array(select distinct x from unnest(i.places || string_to_array(d.places, ',')::varchar[]) x order by 1)
            from unnest($1::text[], $2::int[], $3::int[], $4::int[], $5::text[], $6::text[], $7::text[])
                 as d (id, mentions, articles, sources, themes, dates, places)
            where i.id = d.id""";

    /**
     * Adds stored mentions to the incidents they joined: each costs the lookups of its own article and source,
     * however many mentions the incident has.
     */
    public Uni<Void> addMentions(SqlClient tx, List<Joined> joined) {
        if (joined.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Joined> inOrder = joined.stream().sorted(Comparator.comparing(Joined::incidentId)).toList();
        return tx.preparedQuery(ADD_ARTICLES).execute(pairs(inOrder, Joined::articleId)).chain(newArticles ->
                tx.preparedQuery(ADD_SOURCES).execute(pairs(inOrder, Joined::source)).chain(newSources -> {
                    Map<String, List<Joined>> byIncident = inOrder.stream()
                            .collect(Collectors.groupingBy(Joined::incidentId, TreeMap::new, Collectors.toList()));
                    Map<String, Integer> articles = countByIncident(newArticles);
                    Map<String, Integer> sources = countByIncident(newSources);
                    List<String> ids = List.copyOf(byIncident.keySet());
                    return tx.preparedQuery(ADD_MENTIONS).execute(Tuple.from(List.<Object>of(
                            ids.toArray(String[]::new),
                            ids.stream().map(id -> byIncident.get(id).size()).toArray(Integer[]::new),
                            ids.stream().map(id -> articles.getOrDefault(id, 0)).toArray(Integer[]::new),
                            ids.stream().map(id -> sources.getOrDefault(id, 0)).toArray(Integer[]::new),
                            ids.stream().map(id -> joinedValues(byIncident.get(id), mention -> mention.themes().stream())).toArray(String[]::new),
                            ids.stream().map(id -> joinedValues(byIncident.get(id), mention -> Stream.ofNullable(mention.date()))).toArray(String[]::new),
                            ids.stream().map(id -> joinedValues(byIncident.get(id), mention -> Stream.ofNullable(mention.place()))).toArray(String[]::new))))
                            .replaceWithVoid();
                }));
    }

    private static Tuple pairs(List<Joined> joined, Function<Joined, String> member) {
        return Tuple.of(joined.stream().map(Joined::incidentId).toArray(String[]::new), joined.stream().map(member).toArray(String[]::new));
    }

    private static Map<String, Integer> countByIncident(RowSet<Row> inserted) {
        Map<String, Integer> counts = new HashMap<>();
        inserted.forEach(row -> counts.merge(row.getString(0), 1, Integer::sum));
        return counts;
    }

    /** Codes and dates joined by commas (they hold none), each once. */
    private static String joinedValues(List<Joined> mentions, Function<Joined, Stream<String>> values) {
        return String.join(",", mentions.stream().flatMap(values).distinct().toList());
    }

    /** Counts the incidents again from their mentions, and their articles and sources with them. */
    private static Uni<Void> recount(SqlClient tx, String[] ids) {
        return tx.preparedQuery("delete from incident_article where incident_id = any($1)").execute(Tuple.of((Object) ids))
                .chain(() -> tx.preparedQuery("delete from incident_source where incident_id = any($1)").execute(Tuple.of((Object) ids)))
                .chain(() -> tx.preparedQuery("""
                        insert into incident_article select distinct incident_id, article_id from catalog_event
                        where incident_id = any($1)""").execute(Tuple.of((Object) ids)))
                .chain(() -> tx.preparedQuery("""
                        insert into incident_source select distinct e.incident_id, coalesce(a.source, a.url, a.id)
                        from catalog_event e join article a on a.id = e.article_id where e.incident_id = any($1)""")
                        .execute(Tuple.of((Object) ids)))
                .chain(() -> tx.preparedQuery(RECOUNT).execute(Tuple.of((Object) ids)))
                .replaceWithVoid();
    }

    /**
     * The id an incident gets from the mention that founds it: the same when a crashed batch is stored again, and
     * another when a later version of the event founds one (the first may still hold other mentions), or when the
     * event, moved from an incident split, founds one at its new filing.
     */
    static String foundedBy(String eventId, int version, int filing) {
        String name = "incident:" + eventId + ":" + version + (filing == 0 ? "" : ":" + filing);
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static ActReport signature(Row row) {
        LocalDate from = row.getLocalDate("date_from");
        LocalDate to = row.getLocalDate("date_to");
        return new ActReport(row.getString("type"), row.getString("actor"),
                new TreeSet<>(Arrays.asList(row.getArrayOfStrings("partners"))), from, to, row.getString("place"));
    }

    private static Tuple upsertColumns(Collection<Candidate> incidents) {
        return Tuple.from(List.<Object>of(
                incidents.stream().map(incident -> incident.id).toArray(String[]::new),
                incidents.stream().map(incident -> incident.signature.joinKey()).toArray(String[]::new),
                incidents.stream().map(incident -> incident.signature.type()).toArray(String[]::new),
                incidents.stream().map(incident -> incident.signature.actor()).toArray(String[]::new),
                incidents.stream().map(incident -> String.join(",", incident.signature.partners())).toArray(String[]::new),
                incidents.stream().map(incident -> incident.signature.first()).toArray(LocalDate[]::new),
                incidents.stream().map(incident -> incident.signature.last()).toArray(LocalDate[]::new),
                incidents.stream().map(incident -> incident.signature.place()).toArray(String[]::new),
                incidents.stream().map(IncidentJoiner::sortDate).toArray(LocalDate[]::new)));
    }

    /** An incident sorts by its date; an undated one by its founding mention's. */
    private static LocalDate sortDate(Candidate incident) {
        return incident.signature.dated() ? incident.signature.first() : incident.sortDate;
    }
}

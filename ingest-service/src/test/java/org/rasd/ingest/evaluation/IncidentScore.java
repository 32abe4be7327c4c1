package org.rasd.ingest.evaluation;

import org.rasd.ingest.evaluation.GoldArticle.GoldEvent;
import org.rasd.ingest.record.Event;
import org.rasd.support.incident.ActReport;
import org.rasd.support.incident.Incidents;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How well the catalog's incident rule ({@link Incidents}) joins reports of one act, measured pairwise on a
 * corpus posted in file order, as the catalog would receive it:
 * <ul>
 *   <li><b>mentions</b>: over pairs of extracted events that each matched a gold event, joined or not, against
 *   the truth that the annotation names their gold events one act, or (unnamed) that both articles tell the same
 *   story and their gold events agree on type, partners, date and place (extraction misses are the events score's
 *   business, not the joining's);</li>
 *   <li><b>stories</b>: over pairs of articles, whether they share an incident, against whether the corpus
 *   groups them in one story or names an act both report.</li>
 * </ul>
 */
final class IncidentScore {

    private record Report(int article, String articleId, String story, ActReport signature, GoldEvent gold) {
        @Override
        public String toString() {
            return articleId + " " + signature.type() + " " + signature.actor() + "→" + signature.partners() + " "
                    + (signature.dated() ? signature.first() + ".." + signature.last() : "undated") + " in " + signature.place();
        }
    }

    private static final class Incident {
        private ActReport signature;
        private final List<Report> reports = new ArrayList<>();
        private final Set<String> articles = new HashSet<>();

        Incident(Report first) {
            signature = first.signature();
            reports.add(first);
            articles.add(first.articleId());
        }

        void join(Report report) {
            signature = signature.joinedWith(report.signature());
            reports.add(report);
            articles.add(report.articleId());
        }

        /** Takes in the reports of another incident a later report showed to be the same act. */
        void absorb(Incident other) {
            signature = signature.joinedWith(other.signature);
            reports.addAll(other.reports);
            articles.addAll(other.articles);
        }
    }

    private final List<Incident> incidents = new ArrayList<>();
    /** Per article, in posting order, the acts it reports with other articles: its story, and its named acts. */
    private final List<Set<String>> sharedActs = new ArrayList<>();

    /** Joins an article's events into the incidents known so far; {@code matches} maps them to their gold events. */
    void add(GoldArticle gold, List<Event> events, Map<Event, GoldEvent> matches) {
        int article = sharedActs.size();
        Set<String> acts = new HashSet<>();
        if (gold.story() != null) {
            acts.add("story " + gold.story());
        }
        gold.events().stream().map(GoldEvent::act).filter(Objects::nonNull).forEach(act -> acts.add("act " + act));
        sharedActs.add(acts);
        for (Event event : events) {
            Report report = new Report(article, gold.id(), gold.story(), signature(event), matches.get(event));
            List<Incident> joined = Incidents.joinedAndBridged(report.signature(), Set.of(gold.id()), incidents,
                    incident -> incident.signature, incident -> incident.articles);
            if (joined.isEmpty()) {
                incidents.add(new Incident(report));
                continue;
            }
            Incident act = joined.getFirst();
            joined.subList(1, joined.size()).forEach(bridged -> {
                act.absorb(bridged);
                incidents.remove(bridged);
            });
            act.join(report);
        }
    }

    /** The signature the catalog joins an event by (the same fields it reads from the record). */
    static ActReport signature(Event event) {
        List<String> partners = new ArrayList<>();
        event.partners().forEach(partner -> partners.add(partner.country()));
        partners.addAll(event.organisations());
        return ActReport.of(event.type(), event.subject() == null ? null : event.subject().country(), partners,
                event.date() == null ? null : event.date().value(), event.location() == null ? null : event.location().country());
    }

    /** Computes the pairwise counts, and lists each wrong decision in {@code misses}. */
    private Scorecard.Counts mentionPairs(List<String> misses) {
        List<Report> matched = new ArrayList<>();
        Map<Report, Incident> incidentOf = new IdentityHashMap<>();
        for (Incident incident : incidents) {
            for (Report report : incident.reports) {
                if (report.gold() != null) {
                    matched.add(report);
                    incidentOf.put(report, incident);
                }
            }
        }
        Scorecard.Counts counts = new Scorecard.Counts();
        for (int i = 0; i < matched.size(); i++) {
            for (int j = i + 1; j < matched.size(); j++) {
                Report one = matched.get(i);
                Report other = matched.get(j);
                boolean joined = incidentOf.get(one) == incidentOf.get(other);
                boolean sameAct = sameAct(one, other);
                counts.add(joined, sameAct);
                if (joined != sameAct) {
                    misses.add((joined ? "joined, but two acts: " : "one act, not joined: ") + one + "  /  " + other);
                }
            }
        }
        return counts;
    }

    /**
     * The truth: two reports in two articles are of one act when the annotation names them one act, or, with no
     * name on either, when their articles tell one story and their gold events agree.
     */
    private static boolean sameAct(Report one, Report other) {
        if (one.article() == other.article()) {
            return false;
        }
        if (one.gold().act() != null || other.gold().act() != null) {
            return Objects.equals(one.gold().act(), other.gold().act());
        }
        return one.story() != null && one.story().equals(other.story()) && one.gold().equals(other.gold());
    }

    Scorecard.Counts storyPairs() {
        Set<Long> joinedArticles = new HashSet<>();
        for (Incident incident : incidents) {
            for (Report one : incident.reports) {
                for (Report other : incident.reports) {
                    if (one.article() < other.article()) {
                        joinedArticles.add((long) one.article() * sharedActs.size() + other.article());
                    }
                }
            }
        }
        Scorecard.Counts counts = new Scorecard.Counts();
        for (int i = 0; i < sharedActs.size(); i++) {
            for (int j = i + 1; j < sharedActs.size(); j++) {
                counts.add(joinedArticles.contains((long) i * sharedActs.size() + j),
                        !Collections.disjoint(sharedActs.get(i), sharedActs.get(j)));
            }
        }
        return counts;
    }

    Scorecard.Counts mentionPairs() {
        return mentionPairs(new ArrayList<>());
    }

    void print(PrintStream out) {
        List<String> misses = new ArrayList<>();
        out.printf("  incidents  %d from %d events; joined pairs of matched events: %s%n", incidents.size(),
                incidents.stream().mapToInt(incident -> incident.reports.size()).sum(), mentionPairs(misses));
        out.printf("  stories    articles sharing an incident, against the corpus's story groups and named acts: %s%n", storyPairs());
        misses.forEach(miss -> out.println("    " + miss));
    }
}

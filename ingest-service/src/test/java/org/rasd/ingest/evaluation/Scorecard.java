package org.rasd.ingest.evaluation;

import org.rasd.ingest.evaluation.GoldArticle.GoldEvent;
import org.rasd.ingest.record.ArticleRecord;
import org.rasd.ingest.record.Event;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;

/**
 * Compares extracted records with their gold annotation, as {@code deploy/spec/article-record.md} defines:
 * countries and themes as sets, events matched on type and partner set (then date and location on the matched
 * pairs), and the title. Keeps every miss so that a person can see why.
 */
public final class Scorecard {

    /** True positives, false positives and false negatives of one kind of answer. */
    public static final class Counts {
        private int truePositives;
        private int falsePositives;
        private int falseNegatives;

        public double precision() {
            return ratio(truePositives, truePositives + falsePositives);
        }

        public double recall() {
            return ratio(truePositives, truePositives + falseNegatives);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        /** One decision: whether it was made, and whether it was right to make it. */
        void add(boolean predicted, boolean actual) {
            if (predicted && actual) {
                truePositives++;
            } else if (predicted) {
                falsePositives++;
            } else if (actual) {
                falseNegatives++;
            }
        }

        @Override
        public String toString() {
            return String.format("P %.3f  R %.3f  F1 %.3f  (tp %d, fp %d, fn %d)",
                    precision(), recall(), f1(), truePositives, falsePositives, falseNegatives);
        }
    }

    private final Counts countries = new Counts();
    private final Counts themes = new Counts();
    private final Counts events = new Counts();
    private int matchedEvents;
    private int datesRight;
    private int locationsRight;
    private int articles;
    private int titlesRight;
    private final List<String> misses = new ArrayList<>();
    /** Event misses by what went wrong: a type read as another, wrong partners, an act missed or one not in gold. */
    private final Map<String, Integer> eventMissClasses = new TreeMap<>();
    private final IncidentScore incidents = new IncidentScore();

    public void add(GoldArticle gold, ArticleRecord record) {
        articles++;
        compareSets("country", gold.id(), gold.countries(),
                record.countries().stream().map(ArticleRecord.CountryMention::code).collect(Collectors.toSet()), countries);
        compareSets("theme", gold.id(), gold.themes(),
                record.themes().stream().map(ArticleRecord.ThemeScore::code).collect(Collectors.toSet()), themes);
        incidents.add(gold, record.events(), compareEvents(gold, record));
        if (Objects.equals(squeeze(gold.title()), squeeze(record.title()))) {
            titlesRight++;
        } else {
            misses.add(gold.id() + "  title: gold " + quote(gold.title()) + ", extracted " + quote(record.title()));
        }
    }

    public Counts countries() {
        return countries;
    }

    public Counts themes() {
        return themes;
    }

    public Counts events() {
        return events;
    }

    public double dateAccuracy() {
        return ratio(datesRight, matchedEvents);
    }

    public double locationAccuracy() {
        return ratio(locationsRight, matchedEvents);
    }

    /** Pairs of matched events the incident rule joined, against pairs that report one act. */
    public Counts incidentPairs() {
        return incidents.mentionPairs();
    }

    public double titleAccuracy() {
        return ratio(titlesRight, articles);
    }

    public List<String> misses() {
        return List.copyOf(misses);
    }

    /**
     * The events missed and not in gold, by class: within an article, a missed event and an extracted one of the
     * same partners are one act read as another type («HOST read as VISIT»), then of the same type one with the wrong
     * partners («HOST with other partners»); what is left is «HOST missed» or «HOST not in gold».
     */
    public Map<String, Integer> eventMissClasses() {
        return Map.copyOf(eventMissClasses);
    }

    public void print(PrintStream out, String name) {
        out.printf("%s: %d articles%n", name, articles);
        out.printf("  countries  %s%n", countries);
        out.printf("  themes     %s%n", themes);
        out.printf("  events     %s%n", events);
        out.printf("  dates      %.3f  (%d of %d matched events)%n", dateAccuracy(), datesRight, matchedEvents);
        out.printf("  locations  %.3f  (%d of %d matched events)%n", locationAccuracy(), locationsRight, matchedEvents);
        out.printf("  titles     %.3f  (%d of %d)%n", titleAccuracy(), titlesRight, articles);
        incidents.print(out);
        out.printf("  event misses by class: %s%n", eventMissClasses.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(miss -> miss.getValue() + " " + miss.getKey()).collect(Collectors.joining(", ")));
        out.printf("  misses: %d%n", misses.size());
        misses.forEach(miss -> out.println("    " + miss));
    }

    private void compareSets(String kind, String article, Set<String> gold, Set<String> extracted, Counts counts) {
        for (String code : new TreeSet<>(gold)) {
            if (extracted.contains(code)) {
                counts.truePositives++;
            } else {
                counts.falseNegatives++;
                misses.add(article + "  " + kind + " missed: " + code);
            }
        }
        for (String code : new TreeSet<>(extracted)) {
            if (!gold.contains(code)) {
                counts.falsePositives++;
                misses.add(article + "  " + kind + " not in gold: " + code);
            }
        }
    }

    /**
     * Each gold event takes an unmatched extracted event of its type and partners. The pairs that agree most are
     * made first (date and place, then date, then neither), so that of two reports of one pair the event dated as
     * the gold one is its match, whichever of the two the annotation lists first.
     *
     * @return the gold event each matched extracted event took
     */
    private Map<Event, GoldEvent> compareEvents(GoldArticle gold, ArticleRecord record) {
        Map<Event, GoldEvent> matches = new IdentityHashMap<>();
        Map<GoldEvent, Event> matchOf = new IdentityHashMap<>();
        List<Event> unmatched = new ArrayList<>(record.events());
        List<BiPredicate<Event, GoldEvent>> tiers = List.of(
                (event, expected) -> sameDate(event, expected) && samePlace(event, expected),
                Scorecard::sameDate, (event, expected) -> true);
        for (BiPredicate<Event, GoldEvent> agreeing : tiers) {
            for (GoldEvent expected : gold.events()) {
                if (matchOf.containsKey(expected)) {
                    continue;
                }
                unmatched.stream()
                        .filter(e -> e.type().equals(expected.type()) && partners(e).equals(expected.partners()))
                        .filter(e -> agreeing.test(e, expected))
                        .findFirst().ifPresent(match -> {
                            unmatched.remove(match);
                            matchOf.put(expected, match);
                            matches.put(match, expected);
                        });
            }
        }
        List<GoldEvent> missed = new ArrayList<>();
        for (GoldEvent expected : gold.events()) {
            Event match = matchOf.get(expected);
            if (match == null) {
                events.falseNegatives++;
                misses.add(gold.id() + "  event missed: " + describe(expected));
                missed.add(expected);
                continue;
            }
            events.truePositives++;
            matchedEvents++;
            if (sameDate(match, expected)) {
                datesRight++;
            } else {
                misses.add(gold.id() + "  date of " + describe(expected) + ": extracted " + dateOf(match)
                        + " from " + quote(evidence(record, match)));
            }
            if (samePlace(match, expected)) {
                locationsRight++;
            } else {
                misses.add(gold.id() + "  location of " + describe(expected) + ": extracted "
                        + (match.location() == null ? null : match.location().country()));
            }
        }
        for (Event extra : unmatched) {
            events.falsePositives++;
            misses.add(gold.id() + "  event not in gold: " + extra.type() + " " + partners(extra) + " " + dateOf(extra)
                    + " from " + quote(evidence(record, extra)));
        }
        classifyMisses(missed, unmatched);
        return matches;
    }

    /** Counts the article's misses by class, taking them out of both lists as it pairs them. */
    private void classifyMisses(List<GoldEvent> gold, List<Event> extracted) {
        pairMisses(gold, extracted, (event, expected) -> partners(event).equals(expected.partners()),
                (event, expected) -> expected.type() + " read as " + event.type());
        pairMisses(gold, extracted, (event, expected) -> event.type().equals(expected.type()),
                (event, expected) -> expected.type() + " with other partners");
        gold.forEach(expected -> eventMissClasses.merge(expected.type() + " missed", 1, Integer::sum));
        extracted.forEach(event -> eventMissClasses.merge(event.type() + " not in gold", 1, Integer::sum));
    }

    /** Takes out of both lists each missed event and the first extracted one that {@code pairs} with it, counting the pair's class. */
    private void pairMisses(List<GoldEvent> gold, List<Event> extracted, BiPredicate<Event, GoldEvent> pairs,
                            BiFunction<Event, GoldEvent, String> missClass) {
        for (GoldEvent expected : List.copyOf(gold)) {
            extracted.stream().filter(event -> pairs.test(event, expected)).findFirst().ifPresent(event -> {
                extracted.remove(event);
                gold.remove(expected);
                eventMissClasses.merge(missClass.apply(event, expected), 1, Integer::sum);
            });
        }
    }

    private static Set<String> partners(Event event) {
        return event.partners().stream().map(Event.Actor::country).collect(Collectors.toCollection(TreeSet::new));
    }

    private static boolean sameDate(Event event, GoldEvent expected) {
        return Objects.equals(dateOf(event), expected.date());
    }

    private static boolean samePlace(Event event, GoldEvent expected) {
        return Objects.equals(event.location() == null ? null : event.location().country(), expected.location());
    }

    private static String dateOf(Event event) {
        return event.date() == null ? null : event.date().value();
    }

    private static String describe(GoldEvent event) {
        return event.type() + " " + event.partners() + " date " + event.date() + " location " + event.location();
    }

    private static String evidence(ArticleRecord record, Event event) {
        String sentence = record.text().substring(event.evidence().start(), event.evidence().end());
        return sentence.length() > 160 ? sentence.substring(0, 160) + "…" : sentence;
    }

    private static String squeeze(String title) {
        return title == null ? null : title.strip().replaceAll("\\s+", " ");
    }

    private static String quote(String text) {
        return text == null ? "null" : "«" + text + "»";
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 1.0 : (double) part / whole;
    }
}

package org.rasd.support.incident;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Which known incident a new report of an act joins: the rule the catalog stores by and the scorer measures. */
public final class Incidents {

    /**
     * The incidents the report joins, none when it is a new act: first the one with the most precise date nearest to
     * the report's (of those as near, the first listed), then those it shows to be the same act as that one. A report
     * of a day agrees with incidents of the days either side (the 7th and the 9th, told apart while no report of the
     * 8th was known): it bridges them into one act, whichever order the reports came in. An incident known only by
     * its month or year is not bridged: the report tells which of its days it is, not that the month's other reports
     * tell of it.
     */
    public static <T> List<T> joinedAndBridged(ActReport report, Collection<T> candidates, Function<T, ActReport> signature) {
        // the most precise first: incidents of a day come before those of a month or a year
        List<T> agreeing = candidates.stream()
                .filter(candidate -> report.sameActAs(signature.apply(candidate)))
                .sorted(Comparator.<T>comparingLong(candidate -> signature.apply(candidate).span())
                        .thenComparingLong(candidate -> Math.abs(ChronoUnit.DAYS.between(report.first(), signature.apply(candidate).first()))))
                .toList();
        List<T> days = report.isDay() ? agreeing.stream().filter(candidate -> signature.apply(candidate).isDay()).toList() : List.of();
        return !days.isEmpty() ? days : agreeing.stream().limit(1).toList();
    }

    /**
     * The same, for a report of an article version among incidents each holding reports of some: an incident takes
     * no two events of one article version. An article's events are distinct acts (its repeats are merged before it
     * is posted), so two receptions of one guest by two officials on one day stay two incidents: no candidate that
     * holds a report of the version is open to the report, and the report bridges no two candidates that hold
     * reports of one version (another outlet's report of that day joins one of the two receptions). Another version
     * of the article joins the incidents of its old one.
     *
     * @param told the article versions the report is from (any stable keys): one for an event, those of its
     *             mentions for an act being joined again
     * @param holding the article versions each candidate holds reports of
     */
    public static <T> List<T> joinedAndBridged(ActReport report, Set<String> told, Collection<T> candidates,
                                               Function<T, ActReport> signature, Function<T, Set<String>> holding) {
        List<T> open = candidates.stream().filter(candidate -> Collections.disjoint(told, holding.apply(candidate))).toList();
        List<T> joined = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (T candidate : joinedAndBridged(report, open, signature)) {
            if (Collections.disjoint(taken, holding.apply(candidate))) {
                joined.add(candidate);
                taken.addAll(holding.apply(candidate));
            }
        }
        return joined;
    }

    private Incidents() {
    }
}

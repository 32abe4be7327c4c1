package org.rasd.support.incident;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Which known incident a new report of an act joins: the rule the catalog stores by and the scorer measures. */
public final class Incidents {

    /**
     * The incident among the candidates that the report tells of, or empty when it is a new act. When several
     * agree with it, the one with the most precise date nearest to the report's, then the first listed.
     *
     * @param signature what each candidate is known as so far
     */
    public static <T> Optional<T> joinedBy(ActReport report, Collection<T> candidates, Function<T, ActReport> signature) {
        return candidates.stream()
                .filter(candidate -> report.sameActAs(signature.apply(candidate)))
                .min(Comparator.<T>comparingLong(candidate -> signature.apply(candidate).span())
                        .thenComparingLong(candidate -> Math.abs(ChronoUnit.DAYS.between(report.first(), signature.apply(candidate).first()))));
    }

    /**
     * The acts the reports tell of, as joining them one after another finds them: each joins the act it agrees
     * with ({@link #joinedBy}) or starts one. How the catalog makes an incident again from the mentions a correction
     * left it: without the report that had joined the others, they may tell of more than one act.
     *
     * @param reports in the order they were joined
     * @return the reports of each act, in the order the acts started
     */
    public static <T> List<List<T>> acts(List<T> reports, Function<T, ActReport> report) {
        final class Act {
            private ActReport signature;
            private final List<T> reports = new ArrayList<>();

            Act(ActReport signature) {
                this.signature = signature;
            }
        }
        List<Act> acts = new ArrayList<>();
        for (T each : reports) {
            ActReport told = report.apply(each);
            Act act = joinedBy(told, acts, known -> known.signature).orElse(null);
            if (act == null) {
                act = new Act(told);
                acts.add(act);
            } else {
                act.signature = act.signature.joinedWith(told);
            }
            act.reports.add(each);
        }
        return acts.stream().map(act -> List.copyOf(act.reports)).toList();
    }

    private Incidents() {
    }
}

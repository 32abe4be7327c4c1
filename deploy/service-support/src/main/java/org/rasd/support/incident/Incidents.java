package org.rasd.support.incident;

import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
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

    private Incidents() {
    }
}

package org.rasd.analytics.series;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.rasd.analytics.counting.Interval;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which acts a series counts; every field is optional (upper-cased codes). A partner goes with a country: the two
 * make an unordered pair, either one acting with the other.
 */
public record SeriesFilter(@Schema(nullable = true) String country, @Schema(nullable = true) String partner,
                           @Schema(nullable = true) String theme, @Schema(nullable = true) String type) {

    /** The filters a series is kept for. */
    public static final String KEPT = "none; country; country and partner; theme; type; "
            + "and by month and year, country and theme, country and type";

    /** The table of counts a series is read from, and the condition on its rows beyond the span and dates. */
    record Source(String table, String condition, List<String> values) {
    }

    /** Whether a series by {@code interval} is kept for this filter. */
    public boolean isKept(Interval interval) {
        return source(interval).isPresent();
    }

    /** Where this filter's series by {@code interval} is kept; empty when it is not kept. */
    Optional<Source> source(Interval interval) {
        boolean byCountry = country != null;
        boolean byPartner = partner != null;
        boolean byTheme = theme != null;
        boolean byType = type != null;
        if (!byCountry && !byPartner && !byTheme && !byType) {
            return Optional.of(new Source("period_count", "", List.of()));
        }
        if (byCountry && !byTheme && !byType) {
            return Optional.of(byPartner
                    // the two directions' sum counts once each act told from one side, twice one told from both
                    // (a visit and its hosting, one incident); both are found in one range of the index on the pair
                    // in alphabetical order
                    ? new Source("period_pair_count", "and least(country, partner) = $4 and greatest(country, partner) = $5",
                    Stream.of(country, partner).sorted().toList())
                    : new Source("period_country_count", "and country = $4", List.of(country)));
        }
        if (byCountry && !byPartner && interval.keepsCombinations() && byTheme != byType) {
            return Optional.of(byTheme
                    ? new Source("period_country_theme_count", "and country = $4 and theme = $5", List.of(country, theme))
                    : new Source("period_country_type_count", "and country = $4 and event_type = $5", List.of(country, type)));
        }
        if (byTheme && !byCountry && !byPartner && !byType) {
            return Optional.of(new Source("period_theme_count", "and theme = $4", List.of(theme)));
        }
        if (byType && !byCountry && !byPartner && !byTheme) {
            return Optional.of(new Source("period_type_count", "and event_type = $4", List.of(type)));
        }
        return Optional.empty();
    }
}

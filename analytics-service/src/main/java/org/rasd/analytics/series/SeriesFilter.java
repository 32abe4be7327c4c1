package org.rasd.analytics.series;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.List;
import java.util.Optional;

/**
 * Which acts a series counts; every field is optional (upper-cased codes). A partner goes with a country: the two
 * make an unordered pair, either one acting with the other.
 */
public record SeriesFilter(String country, String partner, String theme, String type) {

    /** The filters a series is kept for. */
    public static final String KEPT = "none; country; country and partner; theme; type";

    /** The table of counts a series is read from, and the condition on its rows beyond the span and dates. */
    record Source(String table, String condition, List<String> values) {
    }

    /** Whether a series is kept for this filter. */
    @JsonIgnore
    public boolean isKept() {
        return source().isPresent();
    }

    /** Where this filter's series is kept; empty when it is not kept. */
    Optional<Source> source() {
        boolean byCountry = country != null;
        boolean byPartner = partner != null;
        boolean byTheme = theme != null;
        boolean byType = type != null;
        if (!byCountry && !byPartner && !byTheme && !byType) {
            return Optional.of(new Source("period_count", "", List.of()));
        }
        if (byCountry && !byTheme && !byType) {
            return Optional.of(byPartner
                    // an act has one actor: the two directions hold different acts, and their sum counts each once
                    ? new Source("period_pair_count", "and ((country = $4 and partner = $5) or (country = $5 and partner = $4))",
                    List.of(country, partner))
                    : new Source("period_country_count", "and country = $4", List.of(country)));
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

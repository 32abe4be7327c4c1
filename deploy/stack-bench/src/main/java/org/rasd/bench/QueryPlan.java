package org.rasd.bench;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Draws the requests of each query kind from what the store holds, so that no single row is asked for again
 * and again (a cache of one answer would flatter the figure): half of the countries from the dozen with the
 * most acts (the heaviest rows, and what users look at most), half from all of them; themes, types, partner
 * pairs and years evenly; series over periods that end on any day of the store's years.
 */
final class QueryPlan {

    /** How many of the biggest countries half of the country draws come from. */
    static final int TOP_COUNTRIES = 12;
    static final List<Integer> RECENT_DAYS = List.of(7, 30, 365);
    static final List<String> RECENT_BY = List.of("date", "seen");

    private final StoreShape store;

    QueryPlan(StoreShape store) {
        this.store = store;
    }

    /** The path and query of one request of the kind, from the analytics service's root. */
    String path(QueryKind kind, RandomGenerator random) {
        return switch (kind) {
            case COUNTRIES -> "/api/aggregates/countries";
            case THEMES -> "/api/aggregates/themes";
            case COUNTRY -> "/api/aggregates/countries/" + country(random);
            case PARTNERS -> "/api/aggregates/countries/" + country(random) + "/partners";
            case PARTNERS_YEAR -> "/api/aggregates/countries/" + country(random) + "/partners?year=" + any(store.years(), random);
            case SERIES -> months(random, "");
            case SERIES_COUNTRY -> months(random, "&country=" + country(random));
            case SERIES_PAIR -> {
                StoreShape.Pair pair = store.pairs().isEmpty()
                        ? new StoreShape.Pair(country(random), country(random)) : any(store.pairs(), random);
                yield months(random, "&country=" + pair.country() + "&partner=" + pair.partner());
            }
            case SERIES_THEME -> months(random, "&theme=" + any(store.themes(), random));
            case SERIES_TYPE -> months(random, "&type=" + any(store.types(), random));
            case SERIES_DAYS -> {
                LocalDate to = lastDay(random);
                yield series("day", to.minusDays(89), to, "");
            }
            case SERIES_WEEKS -> {
                LocalDate to = lastDay(random);
                yield series("week", to.minusYears(2).plusDays(1), to, "");
            }
            case RECENT -> "/api/aggregates/recent?days=" + any(RECENT_DAYS, random) + "&by=" + any(RECENT_BY, random);
        };
    }

    private String months(RandomGenerator random, String filter) {
        LocalDate to = lastDay(random);
        return series("month", to.minusMonths(12 + random.nextInt(25)).plusDays(1), to, filter);
    }

    private static String series(String interval, LocalDate from, LocalDate to, String filter) {
        return "/api/series?interval=" + interval + "&from=" + from + "&to=" + to + filter;
    }

    /** A country: from the biggest ones half of the time, from all of them otherwise. */
    String country(RandomGenerator random) {
        List<String> countries = store.countries();
        return random.nextBoolean() ? countries.get(random.nextInt(Math.min(TOP_COUNTRIES, countries.size()))) : any(countries, random);
    }

    /** Any day of the store's years, up to today. */
    private LocalDate lastDay(RandomGenerator random) {
        long days = ChronoUnit.DAYS.between(store.firstDay(), store.lastDay()) + 1;
        return store.firstDay().plusDays(random.nextLong(days));
    }

    private static <T> T any(List<T> items, RandomGenerator random) {
        return items.get(random.nextInt(items.size()));
    }
}

package org.rasd.bench;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QueryPlanTest {

    static final List<String> COUNTRIES = IntStream.range(0, 60).mapToObj(i -> "" + (char) ('A' + i / 26) + (char) ('A' + i % 26)).toList();
    static final StoreShape STORE = new StoreShape(400_000, 1_000_000, 300_000, COUNTRIES, List.of("TERRORISM", "TRAINING", "CYBERSECURITY"),
            List.of("MEET", "VISIT"), List.of(new StoreShape.Pair("MA", "ES"), new StoreShape.Pair("MA", "FR"), new StoreShape.Pair("ES", "FR")),
            List.of(2020, 2021, 2022), LocalDate.parse("2020-01-01"), LocalDate.parse("2022-12-31"));

    private final QueryPlan plan = new QueryPlan(STORE);

    private Set<String> paths(QueryKind kind, int draws) {
        SplittableRandom random = new SplittableRandom(1);
        Set<String> paths = new HashSet<>();
        for (int i = 0; i < draws; i++) {
            paths.add(plan.path(kind, random));
        }
        return paths;
    }

    @Test
    void theListsAreAlwaysTheSameRequest() {
        assertEquals(Set.of("/api/aggregates/countries"), paths(QueryKind.COUNTRIES, 50));
        assertEquals(Set.of("/api/aggregates/themes"), paths(QueryKind.THEMES, 50));
    }

    @Test
    void countriesComeHalfFromTheBiggestHalfFromAll() {
        SplittableRandom random = new SplittableRandom(3);
        Map<String, Integer> drawn = new HashMap<>();
        for (int i = 0; i < 10_000; i++) {
            drawn.merge(plan.country(random), 1, Integer::sum);
        }
        int top = COUNTRIES.subList(0, QueryPlan.TOP_COUNTRIES).stream().mapToInt(code -> drawn.getOrDefault(code, 0)).sum();
        assertEquals(0.5 + 0.5 * QueryPlan.TOP_COUNTRIES / 60.0, top / 10_000.0, 0.03);
        assertEquals(60, drawn.size(), "every country is asked for");
    }

    @Test
    void countryRequestsVary() {
        Set<String> paths = paths(QueryKind.PARTNERS_YEAR, 2000);
        assertTrue(paths.size() > 100, paths.size() + " different requests");
        paths.forEach(path -> assertTrue(path.matches("/api/aggregates/countries/[A-Z]{2}/partners\\?year=202[012]"), path));
        paths(QueryKind.COUNTRY, 200).forEach(path -> assertTrue(path.matches("/api/aggregates/countries/[A-Z]{2}"), path));
    }

    @Test
    void monthSeriesSpanOneToThreeYearsEndingWithinTheStoresYears() {
        Pattern series = Pattern.compile("/api/series\\?interval=month&from=(\\S{10})&to=(\\S{10})(.*)");
        Set<String> filters = new HashSet<>();
        for (QueryKind kind : List.of(QueryKind.SERIES, QueryKind.SERIES_COUNTRY, QueryKind.SERIES_PAIR, QueryKind.SERIES_THEME, QueryKind.SERIES_TYPE)) {
            for (String path : paths(kind, 500)) {
                Matcher matcher = series.matcher(path);
                assertTrue(matcher.matches(), path);
                LocalDate from = LocalDate.parse(matcher.group(1));
                LocalDate to = LocalDate.parse(matcher.group(2));
                assertTrue(!to.isBefore(STORE.firstDay()) && !to.isAfter(STORE.lastDay()), path);
                assertTrue(!from.isAfter(to.minusMonths(12).plusDays(1)) && !from.isBefore(to.minusMonths(36).plusDays(1)), path);
                filters.add(matcher.group(3).replaceAll("=[A-Z_]+", "="));
            }
        }
        assertEquals(Set.of("", "&country=", "&country=&partner=", "&theme=", "&type="), filters);
        assertTrue(paths(QueryKind.SERIES_PAIR, 200).stream().allMatch(path ->
                path.endsWith("country=MA&partner=ES") || path.endsWith("country=MA&partner=FR") || path.endsWith("country=ES&partner=FR")));
    }

    @Test
    void dayAndWeekSeriesCoverNinetyDaysAndTwoYears() {
        Pattern series = Pattern.compile("/api/series\\?interval=(day|week)&from=(\\S{10})&to=(\\S{10})");
        for (String path : paths(QueryKind.SERIES_DAYS, 300)) {
            Matcher matcher = series.matcher(path);
            assertTrue(matcher.matches(), path);
            assertEquals(LocalDate.parse(matcher.group(3)).minusDays(89), LocalDate.parse(matcher.group(2)));
        }
        for (String path : paths(QueryKind.SERIES_WEEKS, 300)) {
            Matcher matcher = series.matcher(path);
            assertTrue(matcher.matches(), path);
            assertEquals(LocalDate.parse(matcher.group(3)).minusYears(2).plusDays(1), LocalDate.parse(matcher.group(2)));
        }
    }

    @Test
    void rollingWindowsAskForEachLengthAndBasis() {
        assertEquals(Set.of("/api/aggregates/recent?days=7&by=date", "/api/aggregates/recent?days=30&by=date",
                        "/api/aggregates/recent?days=365&by=date", "/api/aggregates/recent?days=7&by=seen",
                        "/api/aggregates/recent?days=30&by=seen", "/api/aggregates/recent?days=365&by=seen"),
                paths(QueryKind.RECENT, 500));
        assertTrue(QueryKind.RECENT.optional());
    }
}

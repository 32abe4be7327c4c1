package org.rasd.bench;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QueryReportTest {

    private static final QueryRunner.Settings SETTINGS = new QueryRunner.Settings(4, 1000, 100, Duration.ofSeconds(60));

    /** 1000 requests: 985 at {@code fast} ms, 10 at {@code slow} ms (the 99th percentile's edge) and 5 at {@code max} ms. */
    private static QueryResult result(QueryKind kind, long fast, long slow, long max, long errors) {
        Histogram micros = new Histogram(60_000_000L, 3);
        micros.recordValueWithCount(fast * 1000, 985);
        micros.recordValueWithCount(slow * 1000, 10);
        micros.recordValueWithCount(max * 1000, 5);
        return new QueryResult(kind, 1000, errors, 2.0, micros, errors > 0 ? Map.of(500, "/x -> boom") : Map.of(), null);
    }

    private static QueryReport report(List<QueryResult> results, long incidents) {
        return new QueryReport(new StoreShape(incidents, 1_000_000, 300_000, List.of("MA"), List.of("TERRORISM"), List.of("MEET"),
                List.of(), List.of(2024), java.time.LocalDate.parse("2024-01-01"), java.time.LocalDate.parse("2024-12-31")),
                SETTINGS, results);
    }

    @Test
    void aRowAKindWithItsPercentilesAndVerdict() {
        QueryReport report = report(List.of(result(QueryKind.COUNTRIES, 3, 12, 80, 0),
                QueryResult.skipped(QueryKind.RECENT, "GET /api/aggregates/recent?days=7&by=date answered 404")), 388_000);
        assertEquals("""
                query      requests  errors  req/s  p50 ms  p99 ms  p99.9 ms  max ms  p99 < 50
                ---------  --------  ------  -----  ------  ------  --------  ------  --------
                countries      1000       0    500     3.0    12.0      80.1    80.1        ok
                recent            0       -      -       -       -         -       -   skipped
                """, report.table().render());
        assertTrue(report.met(), "a skipped kind does not fail the phase");
        assertEquals("p99 < 50 ms for every query kind (1 measured, 1 skipped): ok; slowest p99 12.0 ms (countries)",
                report.verdictLine());
        assertEquals("store: 388,000 incidents, 1,000,000 events, 300,000 articles (GET /api/aggregates/countries totals): "
                + "at least the issue's 100,000", report.storeLine());
        assertTrue(report.notes().contains("skipped recent: GET /api/aggregates/recent?days=7&by=date answered 404"));
    }

    @Test
    void aSlowKindOrAnErrorFailsThePhase() {
        QueryReport slow = report(List.of(result(QueryKind.COUNTRIES, 3, 12, 80, 0), result(QueryKind.SERIES_WEEKS, 20, 60, 90, 0)), 388_000);
        assertFalse(slow.met());
        assertEquals("p99 < 50 ms for every query kind: NOT MET by series week 2y; slowest p99 60.0 ms (series week 2y)",
                slow.verdictLine());
        assertTrue(slow.table().render().contains("NO"));

        QueryReport failing = report(List.of(result(QueryKind.THEMES, 3, 12, 80, 2)), 388_000);
        assertFalse(failing.met());
        assertTrue(failing.verdictLine().contains("themes (2 errors)"), failing.verdictLine());
        assertTrue(failing.notes().contains("error themes: 500 /x -> boom"));
    }

    @Test
    void saysWhenTheStoreHeldTooFewIncidents() {
        assertTrue(report(List.of(), 99_999).storeLine().contains("FEWER than the issue's 100,000"));
        assertFalse(report(List.of(), 99_999).met(), "nothing measured, nothing shown");
    }
}

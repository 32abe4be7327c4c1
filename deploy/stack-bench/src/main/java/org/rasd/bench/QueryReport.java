package org.rasd.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The query phase's results: a row a kind, what the store held, and whether every kind met the limit. */
record QueryReport(StoreShape store, QueryRunner.Settings settings, List<QueryResult> results) {

    /** The issue: "Queries answer in under 50 ms at p99 with 100,000 incidents in the store." */
    static final double P99_LIMIT_MILLIS = 50;
    static final long INCIDENTS_ASKED = 100_000;

    TextTable table() {
        TextTable table = new TextTable(List.of("query", "requests", "errors", "req/s", "p50 ms", "p99 ms", "p99.9 ms",
                "max ms", "p99 < " + TextTable.whole(P99_LIMIT_MILLIS)));
        for (QueryResult result : results) {
            if (result.wasSkipped()) {
                table.add(List.of(result.kind().label(), "0", TextTable.NONE, TextTable.NONE, TextTable.NONE, TextTable.NONE,
                        TextTable.NONE, TextTable.NONE, "skipped"));
                continue;
            }
            table.add(List.of(result.kind().label(), Long.toString(result.requests()), Long.toString(result.errors()),
                    TextTable.whole(result.perSecond()), millis(result.millis(50)), millis(result.millis(99)),
                    millis(result.millis(99.9)), millis(result.maxMillis()), result.meets(P99_LIMIT_MILLIS) ? "ok" : "NO"));
        }
        return table;
    }

    /** What the store held while it was queried, from {@code GET /api/aggregates/countries}. */
    String storeLine() {
        return String.format(Locale.ROOT, "store: %,d incidents, %,d events, %,d articles (GET /api/aggregates/countries totals): %s",
                store.incidents(), store.events(), store.articles(), store.incidents() >= INCIDENTS_ASKED
                        ? "at least the issue's " + String.format(Locale.ROOT, "%,d", INCIDENTS_ASKED)
                        : "FEWER than the issue's " + String.format(Locale.ROOT, "%,d", INCIDENTS_ASKED) + ": the figures do not show it");
    }

    String settingsLine() {
        return String.format(Locale.ROOT, "%d closed-loop clients, each on its own connection; %,d requests a kind after %,d of warm-up, "
                        + "at most %d s a kind; latency from the send to the answer's last byte; errors: answers other than 200.",
                settings.clients(), settings.requests(), settings.warmUp(), settings.cap().toSeconds());
    }

    /** Whether every kind that was measured answered every request 200 and under the limit at p99. */
    boolean met() {
        List<QueryResult> measured = results.stream().filter(result -> !result.wasSkipped()).toList();
        return !measured.isEmpty() && measured.stream().allMatch(result -> result.meets(P99_LIMIT_MILLIS));
    }

    String verdictLine() {
        List<QueryResult> measured = results.stream().filter(result -> !result.wasSkipped()).toList();
        Optional<QueryResult> slowest = measured.stream().filter(result -> result.requests() > 0)
                .max(Comparator.comparingDouble(result -> result.millis(99).orElseThrow()));
        String worst = slowest.map(result -> "; slowest p99 " + TextTable.millis(result.millis(99).orElseThrow()) + " ms ("
                + result.kind().label() + ")").orElse("");
        if (met()) {
            return String.format(Locale.ROOT, "p99 < %s ms for every query kind (%d measured%s): ok%s",
                    TextTable.whole(P99_LIMIT_MILLIS), measured.size(), skippedNote(), worst);
        }
        List<String> failing = measured.stream().filter(result -> !result.meets(P99_LIMIT_MILLIS))
                .map(result -> result.kind().label() + (result.errors() > 0 ? " (" + result.errors() + " errors)" : "")).toList();
        return String.format(Locale.ROOT, "p99 < %s ms for every query kind: NOT MET by %s%s",
                TextTable.whole(P99_LIMIT_MILLIS), failing.isEmpty() ? "-" : String.join(", ", failing), worst);
    }

    private String skippedNote() {
        long skipped = results.stream().filter(QueryResult::wasSkipped).count();
        return skipped == 0 ? "" : ", " + skipped + " skipped";
    }

    /** The shape of each kind's requests, why a kind was skipped, and the first answer of each error status. */
    List<String> notes() {
        List<String> notes = new ArrayList<>();
        for (QueryResult result : results) {
            notes.add(String.format(Locale.ROOT, "  %-15s %s", result.kind().label(), result.kind().shape()));
        }
        for (QueryResult result : results) {
            if (result.wasSkipped()) {
                notes.add("skipped " + result.kind().label() + ": " + result.skipped());
            }
            result.errorSamples().forEach((status, sample) -> notes.add("error " + result.kind().label() + ": "
                    + (status < 0 ? "no answer" : Integer.toString(status)) + " " + sample));
        }
        return notes;
    }

    private static String millis(Optional<Double> value) {
        return value.map(TextTable::millis).orElse(TextTable.NONE);
    }
}

package org.rasd.bench;

import org.rasd.bench.ProcessUsage.Part;
import org.rasd.bench.ProcessUsage.Usage;
import org.rasd.bench.StackDatabases.Percentiles;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One row of the results: what a step sent, how the stack took it, and what it cost. */
record StepReport(String label, StepLoad load, Optional<AckLatency> ack, double storedPerSecond,
                  double countedPerSecond, Optional<Percentiles> postToStored, Optional<Percentiles> postToCounted,
                  long catalogLag, long analyticsLag, Map<Part, Usage> usage, Duration drain, boolean drained) {

    static final String LEGEND = """
            refused: answers other than 202; no answer: requests given up on after 30 s (ingest may have accepted them).
            Latencies in ms. ack: from the scheduled send to the 202. stored/counted p50/p99: per article, from its
            acceptance by ingest to its row in the catalog / the counting of its last event.
            lag: records not yet committed by the catalog / analytics groups when the step stopped sending.
            drain: seconds until every article of the step was stored and counted ('>' = cut off).
            Per process: RSS in MB / CPU in % of one core over the sending time. PostgreSQL: all its processes, VmRSS summed
            (its shared buffers count once per process). bench: the load generator itself.
            jit: the three services' JIT compiler threads, in % of one core (within their own columns).""";

    static TextTable table(List<StepReport> reports) {
        List<String> headers = new ArrayList<>(List.of("target/s", "accepted/s", "refused", "no answer", "ack p50", "ack p99",
                "ack p99.9", "stored/s", "counted/s", "stored p50", "stored p99", "counted p50", "counted p99",
                "lag cat", "lag ana", "drain"));
        for (Part part : Part.values()) {
            headers.add(part.label());
        }
        headers.add("jit");
        TextTable table = new TextTable(headers);
        reports.forEach(report -> table.add(report.cells()));
        return table;
    }

    private List<String> cells() {
        List<String> cells = new ArrayList<>();
        cells.add(label);
        cells.add(TextTable.whole(load.acceptedPerSecond()));
        cells.add(Long.toString(load.refused()));
        cells.add(Long.toString(load.unanswered()));
        cells.add(ack.map(a -> TextTable.millis(a.p50())).orElse(TextTable.NONE));
        cells.add(ack.map(a -> TextTable.millis(a.p99())).orElse(TextTable.NONE));
        cells.add(ack.map(a -> TextTable.millis(a.p999())).orElse(TextTable.NONE));
        cells.add(TextTable.whole(storedPerSecond));
        cells.add(TextTable.whole(countedPerSecond));
        cells.add(postToStored.map(p -> TextTable.millis(p.p50())).orElse(TextTable.NONE));
        cells.add(postToStored.map(p -> TextTable.millis(p.p99())).orElse(TextTable.NONE));
        cells.add(postToCounted.map(p -> TextTable.millis(p.p50())).orElse(TextTable.NONE));
        cells.add(postToCounted.map(p -> TextTable.millis(p.p99())).orElse(TextTable.NONE));
        cells.add(Long.toString(catalogLag));
        cells.add(Long.toString(analyticsLag));
        cells.add((drained ? "" : ">") + String.format(Locale.ROOT, "%.1f", drain.toMillis() / 1000.0));
        for (Part part : Part.values()) {
            Usage used = usage.get(part);
            cells.add(used.rssBytes() / (1024 * 1024) + "/" + TextTable.whole(used.cpuPercent()) + "%");
        }
        cells.add(TextTable.whole(servicesJitPercent()) + "%");
        return cells;
    }

    /** The CPU the services' JIT compilers used while the step sent, in % of one core. */
    double servicesJitPercent() {
        return usage.entrySet().stream().filter(used -> used.getKey().service)
                .mapToDouble(used -> used.getValue().jitPercent()).sum();
    }
}

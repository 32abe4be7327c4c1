package org.rasd.bench;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The raw baselines next to the stages they bound: each stage's throughput in the run's fastest step (the
 * {@code max} step when there is one) as a ratio to what the bare component did on the same payloads.
 */
record BaselineReport(double extractorPerSecond, KafkaBaseline.Figures kafka, PostgresBaseline.Figures postgres) {

    TextTable table(List<StepReport> steps) {
        StepReport fastest = steps.stream().filter(step -> step.label().equals(TargetRate.MAX.toString())).findFirst()
                .orElseGet(() -> steps.stream().max(Comparator.comparingDouble(step -> step.load().acceptedPerSecond()))
                        .orElseThrow());
        String step = " (" + fastest.label() + ")";
        double accepted = fastest.load().acceptedPerSecond();
        double stored = fastest.storedPerSecond();
        return new TextTable(List.of("stage", "per s", "baseline", "per s", "ratio"))
                .add(row("ingest accepted" + step, accepted,
                        "extractor alone, " + ExtractorBaseline.THREADS + " threads (articles)", extractorPerSecond))
                .add(row("ingest accepted" + step, accepted, "Kafka producer, acks=all, idempotent, " + KafkaBaseline.BATCH_BYTES / 1024 + " KiB batches (records)",
                        kafka.producedPerSecond()))
                .add(row("catalog stored" + step, stored, "Kafka consumer (records)", kafka.consumedPerSecond()))
                .add(row("catalog stored" + step, stored, "PostgreSQL unnest inserts, " + PostgresBaseline.BATCH
                        + "/tx (articles; " + TextTable.whole(postgres.rowsPerSecond()) + " rows/s)",
                        postgres.articlesPerSecond()));
    }

    private static List<String> row(String stage, double stagePerSecond, String baseline, double baselinePerSecond) {
        return List.of(stage, TextTable.whole(stagePerSecond), baseline, TextTable.whole(baselinePerSecond),
                baselinePerSecond > 0 ? ratio(stagePerSecond / baselinePerSecond) : TextTable.NONE);
    }

    /** Two significant digits down to 0.001: a stage at 0.4% of its baseline should not read 0.00. */
    private static String ratio(double value) {
        return String.format(Locale.ROOT, value >= 0.1 ? "%.2f" : "%.3f", value);
    }
}

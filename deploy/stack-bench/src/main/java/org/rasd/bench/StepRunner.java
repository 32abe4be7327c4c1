package org.rasd.bench;

import org.rasd.bench.ProcessUsage.Part;
import org.rasd.bench.ProcessUsage.Usage;
import org.rasd.bench.StackDatabases.Progress;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Runs one step: sends its load, reads the stack's state when sending stops, waits for the backlog to drain. */
final class StepRunner {

    /** How long a step's backlog may take to drain before the next step starts on top of it. */
    static final Duration DRAIN_PATIENCE = Duration.ofSeconds(120);

    private final LoadGenerator load;
    private final StackDatabases databases;
    private final ConsumerLag lag;
    private final ProcessUsage processes;
    private final PipelineCounters counters;

    StepRunner(LoadGenerator load, StackDatabases databases, ConsumerLag lag, ProcessUsage processes, PipelineCounters counters) {
        this.load = load;
        this.databases = databases;
        this.lag = lag;
        this.processes = processes;
        this.counters = counters;
    }

    StepReport run(String label, TargetRate rate, Duration duration) throws InterruptedException, SQLException, IOException {
        System.out.printf("step %s: sending at %s articles/s for %d s...%n", label, rate, duration.toSeconds());
        ProcessUsage.Sample before = processes.sample();
        StepLoad sent = load.run(rate, duration);
        Map<Part, Usage> usage = processes.since(before);
        long catalogLag = lag.of(ConsumerLag.Group.CATALOG);
        long analyticsLag = lag.of(ConsumerLag.Group.ANALYTICS);

        Instant drainStart = Instant.now();
        boolean caughtUp = counters.awaitCaughtUp(DRAIN_PATIENCE);
        Instant cutOff = Instant.now();
        Duration drain = Duration.between(drainStart, cutOff);
        Progress progress = databases.progress(sent.acceptedIds());
        boolean drained = caughtUp && progress.drained(sent.acceptedIds().size());
        System.out.printf("step %s: %d accepted, %d refused; %s in %.1f s (%d of %d stored, %d of %d events counted)%n",
                label, sent.acceptedIds().size(), sent.refused(), drained ? "drained" : "NOT drained, cut off",
                drain.toMillis() / 1000.0, progress.stored(), sent.acceptedIds().size(), progress.countedEvents(),
                progress.storedEvents());
        sent.refusals().forEach((status, answer) -> System.out.printf("  refused with %d, for instance: %s%n", status,
                answer.length() > 300 ? answer.substring(0, 300) + "…" : answer));

        // the step's time runs until its last article arrived, or until the cut-off when some never did
        double storedPerSecond = perSecond(progress.stored(), sent.started(),
                drained ? progress.lastStored() : cutOff);
        double countedPerSecond = perSecond(progress.countedArticles(), sent.started(),
                drained ? progress.lastCounted() : cutOff);
        return new StepReport(label, sent, AckLatency.of(sent.ackMicros()), storedPerSecond, countedPerSecond,
                databases.postToStored(sent.acceptedIds()), databases.postToCounted(sent.acceptedIds()),
                catalogLag, analyticsLag, usage, drain, drained);
    }

    private static double perSecond(long count, Instant from, Instant to) {
        if (count == 0 || to == null) {
            return 0;
        }
        return count / Math.max(1e-3, Duration.between(from, to).toNanos() / 1e9);
    }
}

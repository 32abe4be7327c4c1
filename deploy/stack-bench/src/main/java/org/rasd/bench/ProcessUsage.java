package org.rasd.bench;

import org.rasd.stack.LocalStack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * CPU time and resident memory of each process of the stack, and of the bench itself, read from {@code /proc}.
 * PostgreSQL is the postmaster and all its children (one backend per connection, plus its own workers).
 */
final class ProcessUsage {

    enum Part {
        INGEST, CATALOG, ANALYTICS, KAFKA, POSTGRESQL,
        /** This JVM: the load generator shares the two cores with the stack. */
        BENCH;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** CPU ticks by process id, for each part, at one instant. */
    record Sample(long nanoTime, Map<Part, Map<Long, Long>> ticks) {
    }

    /** Over a stretch of time: resident memory at its end, and CPU as a percentage of one core. */
    record Usage(long rssBytes, double cpuPercent) {
    }

    private final Map<Part, Supplier<List<ProcessHandle>>> processes = new EnumMap<>(Part.class);
    private final long ticksPerSecond = ticksPerSecond();

    ProcessUsage(LocalStack stack) {
        processes.put(Part.INGEST, () -> List.of(stack.process(LocalStack.Service.INGEST)));
        processes.put(Part.CATALOG, () -> List.of(stack.process(LocalStack.Service.CATALOG)));
        processes.put(Part.ANALYTICS, () -> List.of(stack.process(LocalStack.Service.ANALYTICS)));
        processes.put(Part.KAFKA, () -> List.of(stack.process(LocalStack.Server.KAFKA)));
        processes.put(Part.POSTGRESQL, () -> {
            ProcessHandle postmaster = stack.process(LocalStack.Server.POSTGRESQL);
            return Stream.concat(Stream.of(postmaster), postmaster.descendants()).toList();
        });
        processes.put(Part.BENCH, () -> List.of(ProcessHandle.current()));
    }

    Sample sample() {
        Map<Part, Map<Long, Long>> ticks = new EnumMap<>(Part.class);
        processes.forEach((part, handles) -> {
            Map<Long, Long> byPid = new HashMap<>();
            for (ProcessHandle process : handles.get()) {
                cpuTicks(process.pid()).ifPresent(t -> byPid.put(process.pid(), t));
            }
            ticks.put(part, byPid);
        });
        return new Sample(System.nanoTime(), ticks);
    }

    /**
     * Each part's usage from {@code before} to now. A process born since counts all its CPU; one that died
     * since loses what it used in between (PostgreSQL backends live as long as their pooled connection).
     */
    Map<Part, Usage> since(Sample before) {
        Sample now = sample();
        double seconds = (now.nanoTime() - before.nanoTime()) / 1e9;
        Map<Part, Usage> usage = new EnumMap<>(Part.class);
        for (Part part : Part.values()) {
            Map<Long, Long> earlier = before.ticks().get(part);
            long ticks = 0;
            long rss = 0;
            for (Map.Entry<Long, Long> process : now.ticks().get(part).entrySet()) {
                ticks += process.getValue() - earlier.getOrDefault(process.getKey(), 0L);
                rss += residentBytes(process.getKey());
            }
            usage.put(part, new Usage(rss, 100.0 * ticks / ticksPerSecond / seconds));
        }
        return usage;
    }

    /** utime plus stime, fields 14 and 15 of {@code /proc/<pid>/stat}; counted after the command's parenthesis, which may hold spaces. */
    private static Optional<Long> cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Optional.of(Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
        } catch (IOException | RuntimeException gone) {
            return Optional.empty();
        }
    }

    /** VmRSS of {@code /proc/<pid>/status}: shared memory (PostgreSQL's buffers) counts once per process mapping it. */
    private static long residentBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException gone) {
            // exited since it was sampled
        }
        return 0;
    }

    /** The kernel's clock ticks per second that {@code /proc/<pid>/stat} counts CPU time in; 100 on Linux as built. */
    private static long ticksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String output = new String(getconf.getInputStream().readAllBytes()).strip();
            return getconf.waitFor() == 0 ? Long.parseLong(output) : 100;
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}

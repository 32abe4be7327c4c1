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
 * CPU time and resident memory of each process of the stack, and of the bench itself, read from {@code /proc};
 * of a service's CPU, also the part its JIT compiler threads used. PostgreSQL is the postmaster and all its children
 * (one backend per connection, plus its own workers).
 */
final class ProcessUsage {

    enum Part {
        INGEST(true), CATALOG(true), ANALYTICS(true), KAFKA(false), POSTGRESQL(false),
        /** This JVM: the load generator shares the two cores with the stack. */
        BENCH(false);

        /** One of the stack's own services, whose JIT compilation is read (the warm-up waits it out). */
        final boolean service;

        Part(boolean service) {
            this.service = service;
        }

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A process's CPU ticks so far: all its threads', and its JIT compiler threads' alone. */
    record Ticks(long all, long jit) {
    }

    /** CPU ticks by process id, for each part, at one instant. */
    record Sample(long nanoTime, Map<Part, Map<Long, Ticks>> ticks) {
    }

    /**
     * Over a stretch of time: resident memory at its end, and CPU as a percentage of one core, all of it and the
     * JIT compilers' share of it.
     */
    record Usage(long rssBytes, double cpuPercent, double jitPercent) {
    }

    /** HotSpot's compiler threads, as {@code /proc} names them (cut to 15 characters): "C2 CompilerThread0". */
    private static final List<String> COMPILER_THREADS = List.of("C1 CompilerThre", "C2 CompilerThre");

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
        Map<Part, Map<Long, Ticks>> ticks = new EnumMap<>(Part.class);
        processes.forEach((part, handles) -> {
            Map<Long, Ticks> byPid = new HashMap<>();
            for (ProcessHandle process : handles.get()) {
                cpuTicks(process.pid()).ifPresent(all -> byPid.put(process.pid(),
                        new Ticks(all, part.service ? jitTicks(process.pid()) : 0)));
            }
            ticks.put(part, byPid);
        });
        return new Sample(System.nanoTime(), ticks);
    }

    /**
     * Each part's usage from {@code before} to now. A process born since counts all its CPU; one that died
     * since loses what it used in between (PostgreSQL backends live as long as their pooled connection), and so
     * does a compiler thread the JVM stopped (it starts and stops them with the compile queue's length).
     */
    Map<Part, Usage> since(Sample before) {
        Sample now = sample();
        double seconds = (now.nanoTime() - before.nanoTime()) / 1e9;
        Map<Part, Usage> usage = new EnumMap<>(Part.class);
        for (Part part : Part.values()) {
            Map<Long, Ticks> earlier = before.ticks().get(part);
            long ticks = 0;
            long jit = 0;
            long rss = 0;
            for (Map.Entry<Long, Ticks> process : now.ticks().get(part).entrySet()) {
                Ticks then = earlier.getOrDefault(process.getKey(), new Ticks(0, 0));
                ticks += process.getValue().all() - then.all();
                jit += Math.max(0, process.getValue().jit() - then.jit());
                rss += residentBytes(process.getKey());
            }
            usage.put(part, new Usage(rss, 100.0 * ticks / ticksPerSecond / seconds, 100.0 * jit / ticksPerSecond / seconds));
        }
        return usage;
    }

    /** A process's CPU ticks, from {@code /proc/<pid>/stat}. */
    private static Optional<Long> cpuTicks(long pid) {
        return ticksOf(Path.of("/proc", Long.toString(pid), "stat"));
    }

    /** The CPU ticks of a process's JIT compiler threads, from {@code /proc/<pid>/task/<tid>/stat}. */
    private static long jitTicks(long pid) {
        return jitTicks(Path.of("/proc", Long.toString(pid), "task"));
    }

    /** @param tasks a process's {@code task} directory: one directory per thread, with its {@code comm} and {@code stat} */
    static long jitTicks(Path tasks) {
        long ticks = 0;
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path thread : threads.toList()) {
                if (isCompilerThread(thread)) {
                    ticks += ticksOf(thread.resolve("stat")).orElse(0L);
                }
            }
        } catch (IOException | RuntimeException gone) {
            // exited since it was listed
        }
        return ticks;
    }

    private static boolean isCompilerThread(Path thread) {
        try {
            return COMPILER_THREADS.contains(Files.readString(thread.resolve("comm")).strip());
        } catch (IOException gone) {
            return false;
        }
    }

    /** utime plus stime, fields 14 and 15 of a stat file; counted after the command's parenthesis, which may hold spaces. */
    private static Optional<Long> ticksOf(Path stat) {
        try {
            String line = Files.readString(stat);
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
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

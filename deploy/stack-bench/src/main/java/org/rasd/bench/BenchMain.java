package org.rasd.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.rasd.catalog.article.ArticleDocument;
import org.rasd.embedded.FreePorts;
import org.rasd.ingest.extraction.ArticleExtractor;
import org.rasd.stack.LocalStack;
import org.rasd.stack.ServiceMetrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code deploy/bench}: starts a fresh local stack in a temporary directory, drives it step by step, prints
 * what each step got through and at what cost, measures the raw baselines on the same payloads, and checks
 * that nothing was lost or counted twice and that analytics' counts equal a fresh count of the catalog. Exits 1
 * when a check fails.
 */
public final class BenchMain {

    /** How long the end check waits for the stack's counts to move before it calls them final. */
    private static final Duration FINAL_PATIENCE = Duration.ofSeconds(120);
    /** The services start cold: the first seconds of load mostly measure class loading and JIT compilation. */
    private static final TargetRate WARM_UP_RATE = new TargetRate(100);
    /**
     * The warm-up goes on, a slice at a time, while the services' JIT compilers used more than this share of one
     * core: at 100 articles/s they used about 45% of a core a minute in, 15% after two and 5% after three
     * (2026-12-06), and a step measured while they compile measures their work with its own.
     */
    private static final double JIT_SETTLED_PERCENT = 10;
    private static final Duration WARM_UP_SLICE = Duration.ofSeconds(30);
    private static final Duration WARM_UP_LIMIT = Duration.ofMinutes(5);

    private final BenchOptions options;
    private final Path home;
    private final ObjectMapper json = new ObjectMapper();
    private final String runId = "run-" + Long.toString(System.currentTimeMillis(), 36);
    private final AtomicReference<String> died = new AtomicReference<>();

    private BenchMain(BenchOptions options, Path home) {
        this.options = options;
        this.home = home;
    }

    public static void main(String[] args) throws Exception {
        if (BenchOptions.wantsHelp(args)) {
            System.out.println(BenchOptions.USAGE);
            return;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        Path home = Path.of(System.getProperty("rasd.home", ".")).toAbsolutePath().normalize();
        System.exit(run(options, home) ? 0 : 1);
    }

    /** A whole run on a fresh stack of the services built under {@code home}; whether it passed. */
    static boolean run(BenchOptions options, Path home) throws IOException, SQLException, InterruptedException, ExecutionException {
        return new BenchMain(options, home).run();
    }

    private boolean run() throws IOException, SQLException, InterruptedException, ExecutionException {
        Corpus corpus = Corpus.load(options.corpus(), home, json);
        Path data = Files.createTempDirectory("rasd-bench-");
        System.out.println("Starting a fresh stack in " + data + " (logs in " + data.resolve("logs") + ")");
        int[] ports = FreePorts.take(3);
        LocalStack stack = LocalStack.start(home, data, new LocalStack.Ports(0, 0, ports[0], ports[1], ports[2]),
                what -> died.compareAndSet(null, what));
        // Ctrl-C or a kill stops the stack too, instead of leaving its processes behind
        AtomicBoolean stopped = new AtomicBoolean();
        Runnable stopStack = () -> {
            if (stopped.compareAndSet(false, true)) {
                stack.close();
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(stopStack, "bench-stops-the-stack"));
        boolean passed;
        try (StackDatabases databases = new StackDatabases(stack.postgresAddress());
             ConsumerLag lag = new ConsumerLag(stack.kafkaBootstrapServers())) {
            if (options.history() > 0) {
                passed = countingHistory(stack, databases);
            } else {
                passed = stepsAndBaselines(stack, databases, lag, corpus);
            }
        } finally {
            stopStack.run();
        }
        if (passed) {
            deleteRecursively(data);
        } else {
            System.out.println("The stack's data and logs are kept in " + data);
        }
        return passed;
    }

    private boolean stepsAndBaselines(LocalStack stack, StackDatabases databases, ConsumerLag lag, Corpus corpus)
            throws IOException, SQLException, InterruptedException, ExecutionException {
        Steps run = runSteps(stack, corpus, databases, lag);
        List<StepReport> steps = run.reports();
        System.out.printf("%nRasd stack, %s corpus (%d articles), %d s a step; %s, %d cores, Java %s%n",
                corpus.kind().name().toLowerCase(Locale.ROOT), corpus.payloads().size(),
                options.step().toSeconds(), Instant.now().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC),
                Runtime.getRuntime().availableProcessors(), Runtime.version().feature());
        System.out.print(StepReport.table(steps).render());
        System.out.println(StepReport.LEGEND);
        if (!options.warmUp().isZero()) {
            System.out.printf("warm-up: %d s at %s/s on the cold services first, then %d s more at a time while their JIT compilers"
                            + " used over %.0f%% of a core (at most %d s in all), so that the steps measure compiled code.%n",
                    options.warmUp().toSeconds(), WARM_UP_RATE, WARM_UP_SLICE.toSeconds(), JIT_SETTLED_PERCENT,
                    WARM_UP_LIMIT.toSeconds());
        }
        System.out.print(run.statements().report());

        // the checks wait for the stack to catch up, so that the baselines after them share the machine with no one
        List<String> answered = steps.stream().flatMap(step -> step.load().acceptedIds().stream()).toList();
        boolean settled = nothingLostOrCountedTwice(databases, acceptedByIngest(stack), answered);

        BaselineReport baselines = baselines(stack, corpus);
        System.out.println();
        System.out.print(baselines.table(steps).render());
        System.out.println("Baselines ran in this JVM (JIT unrestricted) each for " + options.step().toSeconds() + " s, "
                + (settled ? "with the stack idle." : "with the stack still busy: their ratios say little."));

        boolean recounted;
        long asked = System.nanoTime();
        try {
            CatalogRecount recount = CatalogRecount.run(stack.url(LocalStack.Service.ANALYTICS), stack.apiKey(), json);
            System.out.println(recount.line());
            recounted = recount.matches();
        } catch (IOException unfinished) {
            // a recount refused, stopped or stalled: a failed check, not a crash
            System.out.printf("recount: not finished after %d s (%s): NOT CHECKED%n",
                    Duration.ofNanos(System.nanoTime() - asked).toSeconds(), unfinished.getMessage());
            recounted = false;
        }
        boolean passed = settled && recounted;
        System.out.println(passed ? "PASS" : "FAIL");
        return passed;
    }

    /**
     * Counts a long history straight from the {@code events} topic, then (unless {@code --queries 0}) measures the
     * read API on the store it made; passes when each event was counted once, the counting did not slow down,
     * and every query kind answered under 50 ms at p99.
     */
    private boolean countingHistory(LocalStack stack, StackDatabases databases)
            throws IOException, SQLException, InterruptedException {
        System.out.printf("history: %,d event messages on the events topic, counted by analytics as they come...%n", options.history());
        String analytics = stack.url(LocalStack.Service.ANALYTICS);
        CountingHistory.Figures history;
        StatementProfile.Figures statements;
        try (StatementProfile profile = new StatementProfile(stack.postgresAddress())) {
            profile.reset();
            history = CountingHistory.run(stack.kafkaBootstrapServers(), analytics,
                    SyntheticHistory.upTo(Instant.now(), options.history()), "history", options.history(), json);
            statements = new StatementProfile.Figures(profile.read(), options.history(), "event", "counted", "while the history was counted");
        }
        long counted = databases.totals().countedEvents();
        Optional<QueryReport> queries = Optional.empty();
        String loadBefore = loadAverage();
        if (options.queries() > 0) {
            stopIfSomethingDied();
            queries = Optional.of(QueryPhase.run(analytics, options.queries(), json));
        }
        String loadAfter = loadAverage();
        System.out.printf("%nRasd analytics, %,d events counted in %d s; %s, %d cores, Java %s%n", history.events(),
                history.took().toSeconds(), Instant.now().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC),
                Runtime.getRuntime().availableProcessors(), Runtime.version().feature());
        System.out.println("events counted a second, tenth by tenth of the history: " + history.perTenth().stream()
                .map(rate -> String.format(Locale.ROOT, "%,.0f", rate)).collect(Collectors.joining("  ")));
        boolean steady = history.ratio() >= 0.8;
        System.out.printf("the last tenth at %.2f times the second (the first is the warm-up): %s%n", history.ratio(),
                steady ? "ok, no slower than 20% below the start" : "SLOWER, by more than 20%");
        boolean once = counted == options.history();
        System.out.printf("counted once: %,d events in counted_event, %,d sent: %s%n", counted, options.history(), once ? "ok" : "MISMATCH");
        System.out.print(statements.report());
        boolean fast = true;
        if (queries.isPresent()) {
            QueryReport report = queries.get();
            System.out.printf("%nQueries: the analytics read API once the history was counted%n");
            System.out.println(report.storeLine());
            System.out.print(report.table().render());
            System.out.println(report.settingsLine());
            System.out.printf("machine load (1-minute average, all processes) before and after the queries: %s and %s on %d cores%n",
                    loadBefore, loadAfter, Runtime.getRuntime().availableProcessors());
            report.notes().forEach(System.out::println);
            System.out.println(report.verdictLine());
            fast = report.met();
        }
        // what the series and pairs must equal is the catalog's count, and the catalog never saw this history
        System.out.println("recount: not run: the history went straight onto the events topic, so the catalog holds none of it");
        boolean passed = once && steady && fast;
        System.out.println(passed ? "PASS" : "FAIL");
        return passed;
    }

    private Steps runSteps(LocalStack stack, Corpus corpus, StackDatabases databases, ConsumerLag lag)
            throws InterruptedException, SQLException, IOException {
        LoadGenerator load = new LoadGenerator(URI.create(stack.url(LocalStack.Service.INGEST) + "/api/articles"),
                stack.apiKey(), corpus, runId, json);
        try (ServiceMetrics metrics = new ServiceMetrics(); StatementProfile profile = new StatementProfile(stack.postgresAddress())) {
            return runSteps(new StepRunner(load, databases, lag, new ProcessUsage(stack), new PipelineCounters(metrics, stack)),
                    databases, profile);
        }
    }

    private Steps runSteps(StepRunner runner, StackDatabases databases, StatementProfile profile)
            throws InterruptedException, SQLException, IOException {
        List<StepReport> steps = new ArrayList<>();
        if (!options.warmUp().isZero()) {
            StepReport warmUp = runner.run("warm-up", WARM_UP_RATE, options.warmUp());
            steps.add(warmUp);
            stopIfSomethingDied();
            for (Duration warmed = options.warmUp(); warmUp.servicesJitPercent() > JIT_SETTLED_PERCENT
                    && warmed.compareTo(WARM_UP_LIMIT) < 0; warmed = warmed.plus(WARM_UP_SLICE)) {
                warmUp = runner.run("warm-up +" + WARM_UP_SLICE.toSeconds() + " s", WARM_UP_RATE, WARM_UP_SLICE);
                steps.add(warmUp);
                stopIfSomethingDied();
            }
        }
        profile.reset();
        long storedBefore = databases.totals().articles();
        for (TargetRate rate : options.rates()) {
            steps.add(runner.run(rate.toString(), rate, options.step()));
            stopIfSomethingDied();
        }
        if (!options.sustain().isZero()) {
            steps.add(runner.run(BenchOptions.SUSTAINED_RATE + " for " + options.sustain().toSeconds() + " s",
                    BenchOptions.SUSTAINED_RATE, options.sustain()));
            stopIfSomethingDied();
        }
        return new Steps(steps, new StatementProfile.Figures(profile.read(), databases.totals().articles() - storedBefore, "article",
                "stored", "over the steps after the warm-up"));
    }

    /** What the steps got through, and PostgreSQL's statements over them. */
    private record Steps(List<StepReport> reports, StatementProfile.Figures statements) {
    }

    /** The bare components on the same payloads, one after the other, with the stack idle. */
    private BaselineReport baselines(LocalStack stack, Corpus corpus)
            throws InterruptedException, SQLException, ExecutionException, IOException {
        String urlPrefix = "https://bench.rasd.local/" + runId + "/";
        ArticleExtractor extractor = new ArticleExtractor();
        System.out.println("\nbaseline: the extractor alone on " + ExtractorBaseline.THREADS + " threads...");
        double extracted = ExtractorBaseline.articlesPerSecond(extractor, corpus, urlPrefix, options.step());

        ArticleRecords records = articleDocuments(corpus, extractor, urlPrefix);
        System.out.println("baseline: a bare Kafka producer and consumer...");
        KafkaBaseline.Figures kafka = KafkaBaseline.run(stack.kafkaBootstrapServers(), "bench-scratch-" + runId,
                records.json(), options.step());
        System.out.println("baseline: bare PostgreSQL inserts...");
        PostgresBaseline.Figures postgres = PostgresBaseline.run(stack.postgresAddress(),
                home.resolve("catalog-service/src/main/resources/db/migration"), records.documents(),
                "bench_scratch_" + runId.replace('-', '_'), options.step());
        return new BaselineReport(extracted, kafka, postgres);
    }

    /** The article records ingest would publish for the corpus: their JSON, and as the catalog reads them. */
    private record ArticleRecords(List<byte[]> json, List<ArticleDocument> documents) {
    }

    private ArticleRecords articleDocuments(Corpus corpus, ArticleExtractor extractor, String urlPrefix) throws IOException {
        List<byte[]> records = new ArrayList<>();
        List<ArticleDocument> documents = new ArrayList<>();
        for (int i = 0; i < corpus.payloads().size(); i++) {
            byte[] record = json.writeValueAsBytes(extractor.extract(corpus.get(i).raw(urlPrefix + "template-" + i), null));
            records.add(record);
            documents.add(ArticleDocument.parse(json, new String(record, StandardCharsets.UTF_8), null, null));
        }
        return new ArticleRecords(records, documents);
    }

    /** The 1-minute load average of the whole machine: the stack, the bench, and anything else running. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static long acceptedByIngest(LocalStack stack) throws IOException, InterruptedException {
        try (ServiceMetrics metrics = new ServiceMetrics()) {
            return (long) metrics.read(stack.url(LocalStack.Service.INGEST), ServiceMetrics.INGEST_ACCEPTED);
        }
    }

    private void stopIfSomethingDied() {
        String what = died.get();
        if (what != null) {
            throw new IllegalStateException(what + " died during the bench; the figures would mean nothing");
        }
    }

    /**
     * Waits for the pipeline to settle (as long as its counts keep moving, then at most {@link #FINAL_PATIENCE}
     * without a change), then compares the catalog with what ingest accepted (its own count: a
     * request the generator timed out on may still have been accepted), checks that every article answered
     * {@code 202} is there, and that analytics counted as many events as the catalog stored.
     */
    private static boolean nothingLostOrCountedTwice(StackDatabases databases, long accepted, List<String> answered)
            throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plus(FINAL_PATIENCE);
        StackDatabases.Totals totals = databases.totals();
        while ((totals.articles() != accepted || totals.countedEvents() != totals.storedEvents())
               && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            StackDatabases.Totals now = databases.totals();
            if (!now.equals(totals)) {
                deadline = Instant.now().plus(FINAL_PATIENCE);
            }
            totals = now;
        }
        boolean stored = totals.articles() == accepted;
        long answeredStored = databases.progress(answered).stored();
        boolean everyAnswerStored = answeredStored == answered.size();
        boolean counted = totals.countedEvents() == totals.storedEvents();
        System.out.printf("%nstored == accepted: %d articles in the catalog, %d accepted by ingest: %s%n",
                totals.articles(), accepted, stored ? "ok" : "MISMATCH");
        System.out.printf("every 202 stored: %d of the %d articles answered 202 are in the catalog: %s%n",
                answeredStored, answered.size(), everyAnswerStored ? "ok" : "MISMATCH");
        System.out.printf("counted == stored: %d events counted by analytics, %d in the catalog: %s%n",
                totals.countedEvents(), totals.storedEvents(), counted ? "ok" : "MISMATCH");
        return stored && everyAnswerStored && counted;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}

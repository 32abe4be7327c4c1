package org.rasd.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The command line of {@code deploy/bench}. */
public record BenchOptions(List<TargetRate> rates, Duration step, Corpus.Kind corpus, Duration sustain, long history,
                           int queries, Duration warmUp) {

    static final String USAGE = """
            usage: deploy/bench [--rates 50,200,500,1000,2000,max] [--seconds 30] [--corpus seed|dev] [--sustain 60] [--warm-up 60]
                   deploy/bench --history 1000000 [--queries 5000]
                   deploy/bench --help
              --rates    articles a second of each step; max = as fast as the stack takes them
              --seconds  how long each step sends
              --corpus   seed: the five shared/gold articles; dev: the extraction dev set
              --sustain  seconds of the 1,000 articles/s run after the steps; 0 skips it
              --warm-up  seconds at 100 articles/s before the steps, then 30 s more at a time while the services' JIT
                         compilers used over 10% of a core (at most 300 s in all), so that the steps measure compiled
                         code; 0 skips it
              --history  instead of the steps: this many events straight on the events topic (made-up acts, about
                         2.6 reports each: 1,000,000 events make about 390,000 incidents), and analytics' counting
                         rate over the first and the last tenth of them
              --queries  after --history is counted, the read API as users hit it: this many requests of each
                         query kind (aggregates, partners, series, rolling windows) from 4 closed-loop clients,
                         after a warm-up of a tenth as many, at most 60 s a kind; p50/p99/p99.9/max, and whether
                         every kind answers under 50 ms at p99 (part of PASS). A kind whose endpoint answers 404
                         (GET /api/aggregates/recent on older builds) is skipped with a note. Default 5000; 0 skips it""";

    /** Requests of each query kind after a history, unless {@code --queries} says otherwise. */
    static final int DEFAULT_QUERIES = 5000;

    /** The rate the sustained run holds: the end-to-end target. */
    static final TargetRate SUSTAINED_RATE = new TargetRate(1000);

    /** Whether the command line asks for the usage ({@code --help} or {@code -h}) instead of a run. */
    public static boolean wantsHelp(String... args) {
        return Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h");
    }

    public static BenchOptions parse(String... args) {
        List<TargetRate> rates = parseRates("50,200,500,1000,2000,max");
        Duration step = Duration.ofSeconds(30);
        Corpus.Kind corpus = Corpus.Kind.SEED;
        Duration sustain = Duration.ofSeconds(60);
        Duration warmUp = Duration.ofSeconds(60);
        long history = 0;
        int queries = DEFAULT_QUERIES;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--rates" -> rates = parseRates(value);
                case "--seconds" -> step = seconds(value, 1);
                case "--corpus" -> corpus = Corpus.Kind.valueOf(value.toUpperCase(Locale.ROOT));
                case "--sustain" -> sustain = seconds(value, 0);
                case "--warm-up" -> warmUp = seconds(value, 0);
                case "--history" -> history = Long.parseLong(value.strip());
                case "--queries" -> queries = atLeast(value, 0);
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        return new BenchOptions(rates, step, corpus, sustain, history, queries, warmUp);
    }

    private static List<TargetRate> parseRates(String list) {
        List<TargetRate> rates = Arrays.stream(list.split(",")).filter(s -> !s.isBlank()).map(TargetRate::parse).toList();
        if (rates.isEmpty()) {
            throw new IllegalArgumentException("--rates lists no rate");
        }
        return rates;
    }

    private static Duration seconds(String value, int least) {
        return Duration.ofSeconds(atLeast(value, least));
    }

    private static int atLeast(String value, int least) {
        int number = Integer.parseInt(value.strip());
        if (number < least) {
            throw new IllegalArgumentException("must be at least " + least + ": " + value);
        }
        return number;
    }
}

package org.rasd.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchOptionsTest {

    @Test
    void defaultsAreTheIssuesSteps() {
        BenchOptions options = BenchOptions.parse();
        assertEquals(List.of(new TargetRate(50), new TargetRate(200), new TargetRate(500), new TargetRate(1000),
                new TargetRate(2000), TargetRate.MAX), options.rates());
        assertEquals(Duration.ofSeconds(30), options.step());
        assertEquals(Corpus.Kind.SEED, options.corpus());
        assertEquals(Duration.ofSeconds(60), options.sustain());
        assertEquals(0, options.history());
        assertEquals(BenchOptions.DEFAULT_QUERIES, options.queries());
        assertEquals(Duration.ofSeconds(60), options.warmUp());
    }

    @Test
    void aHistoryIsQueriedUnlessToldNotTo() {
        BenchOptions options = BenchOptions.parse("--history", "1000000");
        assertEquals(1_000_000, options.history());
        assertEquals(5000, options.queries());
        assertEquals(2000, BenchOptions.parse("--history", "1000", "--queries", "2000").queries());
        assertEquals(0, BenchOptions.parse("--history", "1000", "--queries", "0").queries());
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--queries", "-1"));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--queries", "many"));
        assertTrue(BenchOptions.USAGE.contains("--queries"));
    }

    @Test
    void helpIsAskedForWithEitherSpelling() {
        assertTrue(BenchOptions.wantsHelp("--help"));
        assertTrue(BenchOptions.wantsHelp("--history", "10", "-h"));
        assertFalse(BenchOptions.wantsHelp("--history", "10"));
    }

    @Test
    void readsEachOption() {
        BenchOptions options = BenchOptions.parse("--seconds", "10", "--rates", "50,200,max", "--sustain", "0",
                "--corpus", "dev", "--warm-up", "0");
        assertEquals(List.of(new TargetRate(50), new TargetRate(200), TargetRate.MAX), options.rates());
        assertTrue(options.rates().getLast().isMax());
        assertEquals(Duration.ofSeconds(10), options.step());
        assertEquals(Corpus.Kind.DEV, options.corpus());
        assertTrue(options.sustain().isZero());
        assertTrue(options.warmUp().isZero());
    }

    @Test
    void refusesWhatItCannotRun() {
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--seconds", "0"));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--rates", "-5"));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--rates"));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--speed", "9"));
    }
}

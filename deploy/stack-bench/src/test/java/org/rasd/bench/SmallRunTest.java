package org.rasd.bench;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A small run of {@code deploy/bench} on a fresh stack of the services this build made: every article stored and
 * counted once, and analytics' counts, series and pairs equal to a fresh count of the catalog.
 */
class SmallRunTest {

    private static final Path HOME = Path.of("../..").toAbsolutePath().normalize();

    @Test
    void aRunEndsWithARecountOfTheCatalogThatEqualsTheLiveCounts() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream console = System.out;
        boolean passed;
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            passed = BenchMain.run(BenchOptions.parse("--rates", "20", "--seconds", "3", "--sustain", "0", "--warm-up", "0"), HOME);
        } finally {
            System.setOut(console);
        }
        String output = printed.toString(StandardCharsets.UTF_8);
        console.print(output);
        assertTrue(output.lines().anyMatch(line -> line.startsWith("recount: ") && line.endsWith("equals the live one: ok")), output);
        // PostgreSQL's profile of the step: the catalog's inserts among the statements it timed
        assertTrue(output.contains("PostgreSQL's statement time over the steps") && output.lines()
                .anyMatch(line -> line.startsWith("catalog ") && line.contains("insert into ")), output);
        assertTrue(passed, output);
    }
}

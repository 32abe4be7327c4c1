package org.rasd.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProcessUsageTest {

    @Test
    void countsOnlyTheCompilerThreadsOfAProcess(@TempDir Path tasks) throws IOException {
        // utime and stime are fields 14 and 15 of stat, counted after the name in parentheses, which holds a space
        thread(tasks, 101, "C2 CompilerThre", 700, 30);
        thread(tasks, 102, "C1 CompilerThre", 60, 5);
        thread(tasks, 103, "executor-thread", 900, 100);
        assertEquals(795, ProcessUsage.jitTicks(tasks));
    }

    @Test
    void aProcessGoneHasNoCompilerTicks(@TempDir Path directory) {
        assertEquals(0, ProcessUsage.jitTicks(directory.resolve("no-such-task-directory")));
    }

    private static void thread(Path tasks, int id, String name, long utime, long stime) throws IOException {
        Path thread = Files.createDirectories(tasks.resolve(Integer.toString(id)));
        Files.writeString(thread.resolve("comm"), name + "\n");
        Files.writeString(thread.resolve("stat"), id + " (" + name + ") S 1 1 1 0 -1 4194368 100 0 0 0 " + utime + " "
                + stime + " 0 0 20 0 1 0 100 1000000 500 18446744073709551615 0 0 0 0 0 0 0 0 0 0 0 0 -1 1 0 0 0 0 0\n");
    }
}

package org.rasd.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The broker as a process of its own, so that it can die (or be killed) without the launcher: {@code
 * KafkaServerMain <data directory> <port> <largest record in bytes>}. It creates Rasd's topics, then writes
 * {@value #READY_FILE} in the data directory, and runs until SIGTERM.
 */
public final class KafkaServerMain {

    public static final String READY_FILE = "ready";

    public static void main(String[] args) throws InterruptedException {
        Path data = Path.of(args[0]);
        KafkaServer kafka = KafkaServer.start(data, Integer.parseInt(args[1]));
        kafka.createTopics(Topics.ALL, Long.parseLong(args[2]));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            stopped.countDown();
        }, "kafka-shutdown"));
        try {
            Files.writeString(data.resolve(READY_FILE), kafka.bootstrapServers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        stopped.await();
    }

    private KafkaServerMain() {
    }
}

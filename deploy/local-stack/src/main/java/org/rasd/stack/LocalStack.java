package org.rasd.stack;

import org.rasd.embedded.KafkaServer;
import org.rasd.embedded.PostgresServer;
import org.rasd.embedded.Topics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Rasd on its embedded default: a KRaft broker and a PostgreSQL server keeping their data under one
 * directory, and the three services as separate processes configured only through environment variables,
 * exactly as they would be against an external cluster.
 */
public final class LocalStack implements AutoCloseable {

    public enum Service {
        INGEST("ingest-service"), CATALOG("catalog-service"), ANALYTICS("analytics-service");

        final String module;

        Service(String module) {
            this.module = module;
        }
    }

    /** Where things listen; 0 for the broker or database means any free port. */
    public record Ports(int kafka, int postgres, int ingest, int catalog, int analytics) {
        int of(Service service) {
            return switch (service) {
                case INGEST -> ingest;
                case CATALOG -> catalog;
                case ANALYTICS -> analytics;
            };
        }
    }

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    private final Path home;
    private final Path dataDirectory;
    private final Ports ports;
    private final KafkaServer kafka;
    private final PostgresServer postgres;
    private final Map<Service, Process> processes = new LinkedHashMap<>();
    private volatile boolean stopping;

    private LocalStack(Path home, Path dataDirectory, Ports ports, KafkaServer kafka, PostgresServer postgres) {
        this.home = home;
        this.dataDirectory = dataDirectory;
        this.ports = ports;
        this.kafka = kafka;
        this.postgres = postgres;
    }

    /**
     * Starts everything and waits until every service is ready.
     *
     * @param home the repository root, where the services were built
     * @param onDeath told which service died when one stops without being asked to
     */
    public static LocalStack start(Path home, Path dataDirectory, Ports ports, Consumer<Service> onDeath) {
        KafkaServer kafka = KafkaServer.start(dataDirectory.resolve("kafka"), ports.kafka());
        kafka.createTopics(Topics.ALL);
        PostgresServer postgres = PostgresServer.start(dataDirectory.resolve("postgres"), ports.postgres());
        postgres.createDatabases("catalog", "analytics");
        LocalStack stack = new LocalStack(home, dataDirectory, ports, kafka, postgres);
        try {
            for (Service service : Service.values()) {
                stack.startService(service, onDeath);
            }
            for (Service service : Service.values()) {
                stack.awaitReady(service);
            }
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /** Starts one service again, for instance after it was killed. */
    public void startService(Service service, Consumer<Service> onDeath) {
        Path jar = home.resolve(service.module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build with ./mvnw package -DskipTests");
        }
        Path log = dataDirectory.resolve("logs").resolve(service.module + ".log");
        try {
            Files.createDirectories(log.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx160m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Djava.io.tmpdir=" + dataDirectory.resolve("tmp"),
                "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment(service));
        try {
            Files.createDirectories(dataDirectory.resolve("tmp"));
            Process process = builder.start();
            processes.put(service, process);
            process.onExit().thenAccept(exited -> {
                if (!stopping && processes.get(service) == exited) {
                    onDeath.accept(service);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + service.module, e);
        }
    }

    /**
     * Kills one service with SIGKILL, as a crash would: no shutdown hook runs, nothing is flushed. The stack
     * does not report it as a death; {@link #startService} starts it again.
     */
    public void kill(Service service) {
        Process process = processes.remove(service);
        try {
            process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The variables each service reads (see the README); nothing else configures it. */
    private Map<String, String> environment(Service service) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("DB_HOST", postgres.host());
        env.put("DB_PORT", Integer.toString(postgres.port()));
        env.put("DB_USER", PostgresServer.USER);
        env.put("DB_PASSWORD", PostgresServer.PASSWORD);
        env.put("INGEST_HTTP_PORT", Integer.toString(ports.ingest()));
        env.put("CATALOG_HTTP_PORT", Integer.toString(ports.catalog()));
        env.put("ANALYTICS_HTTP_PORT", Integer.toString(ports.analytics()));
        env.put("CATALOG_URL", url(Service.CATALOG));
        return env;
    }

    public void awaitReady(Service service) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI health = URI.create(url(service) + "/q/health/ready");
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            Process process = processes.get(service);
            if (!process.isAlive()) {
                throw new IllegalStateException(service.module + " exited with code " + process.exitValue()
                        + "; see " + dataDirectory.resolve("logs").resolve(service.module + ".log"));
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofMillis(250));
        }
        throw new IllegalStateException(service.module + " was not ready within " + READY_TIMEOUT.toSeconds() + " s");
    }

    public String url(Service service) {
        return "http://localhost:" + ports.of(service);
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String postgresAddress() {
        return postgres.host() + ":" + postgres.port();
    }

    /** Stops the services (SIGTERM, then SIGKILL after a grace period), then the broker and the database. */
    @Override
    public void close() {
        stopping = true;
        processes.values().forEach(Process::destroy);
        for (Process process : processes.values()) {
            try {
                if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        kafka.close();
        postgres.close();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

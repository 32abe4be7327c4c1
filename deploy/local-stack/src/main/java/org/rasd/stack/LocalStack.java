package org.rasd.stack;

import org.rasd.embedded.FreePorts;
import org.rasd.embedded.KafkaServerMain;
import org.rasd.embedded.PostgresServer;
import org.rasd.embedded.Topics;
import org.rasd.support.auth.ApiKeys;
import org.rasd.support.size.ArticleSizeLimit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Rasd on its embedded default: a KRaft broker and a PostgreSQL server keeping their data under one
 * directory, and the three services, each a process of its own configured only through environment
 * variables, exactly as they would be against an external cluster. The stack supervises them: a broker or
 * database that dies is started again on its data; a service that dies stops the stack, saying which.
 */
public final class LocalStack implements AutoCloseable {

    public enum Service {
        INGEST("ingest-service"), CATALOG("catalog-service"), ANALYTICS("analytics-service");

        final String module;

        Service(String module) {
            this.module = module;
        }
    }

    /**
     * One process of a service. Replica 0 is the only one by default; the catalog and analytics can run more
     * ({@code --replicas}), each in its service's consumer group, on the port of replica 0 plus
     * {@value #REPLICA_PORT_STEP} times its number.
     */
    public record Instance(Service service, int replica) {

        /** The module's name, with the replica's number from the second one on: catalog-service, catalog-service-2. */
        public String name() {
            return replica == 0 ? service.module : service.module + "-" + (replica + 1);
        }
    }

    /**
     * At most one replica per partition of the topics the catalog and analytics consume: Kafka gives a partition
     * to one consumer of a group, so a replica beyond that would get none.
     */
    public static final int MAX_REPLICAS = Math.min(Topics.ARTICLES.partitions(), Topics.EVENTS.partitions());

    /** How far apart the HTTP ports of one service's replicas are. */
    public static final int REPLICA_PORT_STEP = 100;

    /** What the services depend on; restarted by the stack when they die. */
    public enum Server {
        KAFKA, POSTGRESQL
    }

    /** Where things listen; 0 for the broker or database means any free port (kept across their restarts). */
    public record Ports(int kafka, int postgres, int ingest, int catalog, int analytics) {
        int of(Service service) {
            return switch (service) {
                case INGEST -> ingest;
                case CATALOG -> catalog;
                case ANALYTICS -> analytics;
            };
        }

        int of(Instance instance) {
            return of(instance.service()) + REPLICA_PORT_STEP * instance.replica();
        }
    }

    /**
     * The services' JVM options. The serial collector: on two cores a parallel one's threads only compete with
     * the services' own. A young generation of 192 MiB in a heap of 384 MiB: under load a post, a poll or a batch
     * lives for a second or more, and with the default third of 256 MiB it outlived the young collections, was
     * copied into the old generation and filled it, and full collections stopped a service for up to 1.2 s
     * (README, "A larger young generation"). The initial heap is over the young generation: with less (it was
     * 64 MiB until 2026-12-06) the JVM cuts the young generation to fit and keeps it there. No collection for class
     * metadata before 128 MiB of it, more than a service loads while it starts: starting took three full collections
     * at the default threshold. No {@code TieredStopAtLevel=1}: it starts a service a second sooner but leaves the
     * extractor and the JSON code to C1's less optimised code for good.
     */
    static final List<String> SERVICE_JVM_OPTIONS = List.of("-Xms256m", "-Xmx384m", "-Xmn192m", "-XX:MetaspaceSize=128m",
            "-XX:+UseSerialGC");
    /**
     * The scheduling priority (nice) of the stages behind the broker: the catalog, analytics and PostgreSQL. On one
     * machine they share the cores with the front door, and at 200 posts/s two cores are nearly spent: at one
     * priority a post waited for a core behind batch work that the broker would have held for them anyway (ack p99
     * 164–239 ms in three runs of 2026-12-06; 24–48 ms with them at nice 10: README, "Throughput"). Ingest and Kafka,
     * which a post's answer waits on, keep the normal priority; the stages behind take every cycle they leave.
     */
    static final int BACKGROUND_NICENESS = 10;
    /** More JVM options for every service, after the defaults (so they win): a profiler, a larger heap. */
    static final String SERVICE_JAVA_OPTIONS_VARIABLE = "RASD_SERVICE_JAVA_OPTIONS";

    private static final String CORS_ORIGINS_VARIABLE = "RASD_CORS_ORIGINS";
    /** Where the dashboard looks for the catalog when its URL does not say (dashboard.js). */
    private static final int DASHBOARD_DEFAULT_CATALOG_PORT = 8081;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final int LAST_LINES_REPORTED = 30;
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration SUPERVISION_PERIOD = Duration.ofSeconds(1);
    /** A database killed with SIGKILL leaves backends that take a moment to notice; its restart is retried. */
    private static final Duration SERVER_RESTART_TIMEOUT = Duration.ofSeconds(60);

    private final Path home;
    private final Path dataDirectory;
    private final Ports ports;
    private final long articleLimit;
    private final Consumer<String> onDeath;
    private final int replicas;
    private final Map<Instance, Process> processes = new LinkedHashMap<>();
    private final Set<Server> downOnPurpose = EnumSet.noneOf(Server.class);
    private final ScheduledExecutorService supervisor = Executors.newSingleThreadScheduledExecutor(
            runnable -> Thread.ofPlatform().daemon().name("stack-supervisor").unstarted(runnable));
    private final String apiKey;
    private final boolean apiKeyCreated;
    private Process kafka;
    private PostgresServer postgres;
    private volatile boolean stopping;

    private LocalStack(Path home, Path dataDirectory, Ports ports, int replicas, Consumer<String> onDeath) {
        if (replicas < 1 || replicas > MAX_REPLICAS) {
            throw new IllegalArgumentException("replicas: 1 to " + MAX_REPLICAS + " (the topics have " + MAX_REPLICAS
                    + " partitions; a replica beyond that would get none to consume), not " + replicas);
        }
        this.home = home;
        this.replicas = replicas;
        this.dataDirectory = dataDirectory;
        int[] free = FreePorts.take(2);
        this.ports = new Ports(ports.kafka() > 0 ? ports.kafka() : free[0],
                ports.postgres() > 0 ? ports.postgres() : free[1], ports.ingest(), ports.catalog(), ports.analytics());
        this.articleLimit = ArticleSizeLimit.fromEnvironment();
        this.onDeath = onDeath;
        this.apiKeyCreated = !Files.exists(apiKeyFile());
        this.apiKey = apiKeyCreated ? createApiKey() : read(apiKeyFile());
    }

    /**
     * The stack's first start creates an API key: the key itself in {@code api-key} (readable by its owner
     * only), its hash in {@code api-keys}, which the services are pointed at.
     */
    private String createApiKey() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String key = "rasd_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try {
            Files.createDirectories(dataDirectory);
            // the stack's own key is its operator's: an admin key
            Files.writeString(apiKeysFile(), "# name:sha256 of the key[:admin], one a line (RASD_API_KEYS_FILE)\nlocal:"
                    + ApiKeys.hash(key) + ":admin\n");
            Files.writeString(apiKeyFile(), key + "\n");
            Files.setPosixFilePermissions(apiKeyFile(), PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return key;
    }

    private Path apiKeyFile() {
        return dataDirectory.resolve("api-key");
    }

    private Path apiKeysFile() {
        return dataDirectory.resolve("api-keys");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The key the stack created on its first start, for {@code Authorization: Bearer ...}. */
    public String apiKey() {
        return apiKey;
    }

    /** Whether this start created the API key (the launcher then prints it). */
    public boolean apiKeyCreated() {
        return apiKeyCreated;
    }

    public Path apiKeyPath() {
        return apiKeyFile();
    }

    /**
     * Starts everything and waits until every service is ready.
     *
     * @param home the repository root, where the services were built
     * @param onDeath told what died (a service, or a server that could not be started again)
     */
    public static LocalStack start(Path home, Path dataDirectory, Ports ports, Consumer<String> onDeath) {
        return start(home, dataDirectory, ports, 1, onDeath);
    }

    /**
     * Starts everything, with {@code replicas} processes each of the catalog and analytics (one of ingest, which
     * keeps no state: more would stand behind a load balancer), and waits until every one is ready.
     */
    public static LocalStack start(Path home, Path dataDirectory, Ports ports, int replicas, Consumer<String> onDeath) {
        LocalStack stack = new LocalStack(home, dataDirectory, ports, replicas, onDeath);
        try {
            stack.start(Server.KAFKA);
            stack.start(Server.POSTGRESQL);
            stack.postgres.createDatabases("catalog", "analytics");
            // one replica of each first: two would run the same database migrations at once
            for (Service service : Service.values()) {
                stack.startService(service);
            }
            for (Service service : Service.values()) {
                stack.awaitReady(service);
            }
            for (Instance instance : stack.instances()) {
                if (instance.replica() > 0) {
                    stack.startService(instance);
                }
            }
            for (Instance instance : stack.instances()) {
                stack.awaitReady(instance);
            }
            stack.supervisor.scheduleWithFixedDelay(stack::supervise, SUPERVISION_PERIOD.toMillis(),
                    SUPERVISION_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /** Every service process the stack runs: ingest, then each replica of the catalog and of analytics. */
    public List<Instance> instances() {
        List<Instance> instances = new ArrayList<>();
        for (Service service : Service.values()) {
            for (int replica = 0; replica < replicas(service); replica++) {
                instances.add(new Instance(service, replica));
            }
        }
        return instances;
    }

    public int replicas(Service service) {
        return service == Service.INGEST ? 1 : replicas;
    }

    /** Starts one service (its first replica) again, for instance after it was killed. */
    public void startService(Service service) {
        startService(new Instance(service, 0));
    }

    /** Starts one replica of a service, for instance after it was killed. */
    public void startService(Instance instance) {
        Service service = instance.service();
        Path jar = home.resolve(service.module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build with ./mvnw package -DskipTests");
        }
        List<String> arguments = new ArrayList<>(SERVICE_JVM_OPTIONS);
        String extra = System.getenv(SERVICE_JAVA_OPTIONS_VARIABLE);
        if (extra != null && !extra.isBlank()) {
            arguments.addAll(Arrays.asList(extra.trim().split("\\s+")));
        }
        arguments.addAll(List.of("-jar", jar.toString()));
        Process process = launch(instance.name(), arguments, environment(instance), output(instance.name()),
                service == Service.INGEST ? 0 : BACKGROUND_NICENESS);
        synchronized (processes) {
            processes.put(instance, process);
        }
        process.onExit().thenAccept(exited -> {
            boolean current;
            synchronized (processes) {
                current = processes.get(instance) == exited;
            }
            if (!stopping && current) {
                onDeath.accept(instance.name());
            }
        });
    }

    /**
     * Kills one service (its first replica) with SIGKILL, as a crash would: no shutdown hook runs, nothing is
     * flushed. The stack does not report it as a death; {@link #startService} starts it again.
     */
    public void kill(Service service) {
        kill(new Instance(service, 0));
    }

    /** Kills one replica of a service with SIGKILL, like {@link #kill(Service)}. */
    public void kill(Instance instance) {
        Process process;
        synchronized (processes) {
            process = processes.remove(instance);
        }
        killAndWait(process.toHandle());
    }

    /** Kills the broker or the database with SIGKILL; it stays down until {@link #start(Server)}. */
    public synchronized void kill(Server server) {
        downOnPurpose.add(server);
        switch (server) {
            case KAFKA -> killAndWait(kafka.toHandle());
            case POSTGRESQL -> postgres.process().ifPresent(LocalStack::killAndWait);
        }
    }

    /** Starts the broker or the database on its data and port, and waits until it takes connections. */
    public synchronized void start(Server server) {
        downOnPurpose.remove(server);
        switch (server) {
            case KAFKA -> startKafka();
            case POSTGRESQL -> startPostgres();
        }
    }

    /** The process of a running server, as the operating system knows it. */
    public synchronized ProcessHandle process(Server server) {
        return switch (server) {
            case KAFKA -> kafka.toHandle();
            case POSTGRESQL -> postgres.process().orElseThrow();
        };
    }

    private void startKafka() {
        Path data = dataDirectory.resolve("kafka");
        Path ready = data.resolve(KafkaServerMain.READY_FILE);
        try {
            Files.createDirectories(data);
            Files.deleteIfExists(ready);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString()).collect(Collectors.joining(File.pathSeparator));
        kafka = launch("kafka", List.of("-Xmx384m", "-XX:+UseSerialGC", "-cp", classPath, KafkaServerMain.class.getName(),
                data.toString(), Integer.toString(ports.kafka()), Long.toString(ArticleSizeLimit.topicBytes(articleLimit))),
                Map.of());
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (!Files.exists(ready)) {
            if (!kafka.isAlive() || Instant.now().isAfter(deadline)) {
                kafka.destroyForcibly();
                throw new IllegalStateException("Kafka did not start; see " + log("kafka"));
            }
            sleep(Duration.ofMillis(100));
        }
    }

    private void startPostgres() {
        if (postgres != null) {
            postgres.closeQuietly();
        }
        Instant deadline = Instant.now().plus(SERVER_RESTART_TIMEOUT);
        while (true) {
            try {
                postgres = PostgresServer.start(dataDirectory.resolve("postgres"), ports.postgres(),
                        PostgresServer.Durability.DURABLE);
                postgres.process().ifPresent(LocalStack::runBehindTheFrontDoor);
                return;
            } catch (RuntimeException notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw notYet;
                }
                sleep(Duration.ofSeconds(1));
            }
        }
    }

    /** Starts again a broker or database that died without being asked to; stops the stack if it cannot. */
    private synchronized void supervise() {
        if (stopping) {
            return;
        }
        for (Server server : Server.values()) {
            boolean alive = switch (server) {
                case KAFKA -> kafka.isAlive();
                case POSTGRESQL -> postgres.isAlive();
            };
            if (alive || downOnPurpose.contains(server)) {
                continue;
            }
            System.err.println(server + " died; starting it again on its data.");
            try {
                start(server);
                System.err.println(server + " is back.");
            } catch (RuntimeException e) {
                if (stopping) {
                    return; // the stack is being stopped: the restart was interrupted, nothing died
                }
                System.err.println(server + " cannot be started again: " + e.getMessage());
                onDeath.accept(server.name().toLowerCase());
                return;
            }
        }
    }

    /**
     * Gives the database's processes, and the backends it forks from now on, the priority of the stages behind
     * the broker ({@link #BACKGROUND_NICENESS}). Without {@code renice} they keep the normal one, and say so.
     */
    private static void runBehindTheFrontDoor(ProcessHandle postmaster) {
        try {
            RenicedOrNot postmasterRenice = renice(Stream.of(postmaster));
            if (!postmasterRenice.done()) {
                System.err.println("PostgreSQL keeps the normal priority: renice said " + postmasterRenice.output());
                return;
            }
            // A backend may exit between being listed and being reniced; renice then fails for that pid alone,
            // and a process that is gone needs no priority, so the children's answer is not checked.
            renice(postmaster.descendants());
        } catch (IOException e) {
            System.err.println("PostgreSQL keeps the normal priority: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record RenicedOrNot(boolean done, String output) {
    }

    private static RenicedOrNot renice(Stream<ProcessHandle> processes) throws IOException, InterruptedException {
        List<String> pids = processes.map(process -> Long.toString(process.pid())).toList();
        if (pids.isEmpty()) {
            return new RenicedOrNot(true, "");
        }
        List<String> command = new ArrayList<>(List.of("renice", "-n", Integer.toString(BACKGROUND_NICENESS), "-p"));
        command.addAll(pids);
        Process renice = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(renice.getInputStream().readAllBytes()).strip();
        return new RenicedOrNot(renice.waitFor() == 0, output);
    }

    /** Starts a server, its output its log. */
    private Process launch(String name, List<String> arguments, Map<String, String> environment) {
        return launch(name, arguments, environment, log(name), 0);
    }

    /**
     * Starts a Java process, its standard output and error appended to {@code log}, at the given niceness (0: the
     * normal priority); {@code nice} execs the JVM, so the process is the JVM's.
     */
    private Process launch(String name, List<String> arguments, Map<String, String> environment, Path log, int niceness) {
        List<String> command = new ArrayList<>();
        if (niceness > 0) {
            command.addAll(List.of("nice", "-n", Integer.toString(niceness)));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Djava.io.tmpdir=" + dataDirectory.resolve("tmp"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(log.getParent());
            Files.createDirectories(dataDirectory.resolve("tmp"));
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    private Path log(String name) {
        return dataDirectory.resolve("logs").resolve(name + ".log");
    }

    /** The end of a service's log, for the report of its death: the machine that ran it may be gone when it is read. */
    private static String lastLines(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LAST_LINES_REPORTED), lines.size())) + "\n";
        } catch (IOException | UncheckedIOException unreadable) {
            return "(" + file + " unreadable: " + unreadable.getMessage() + ")\n";
        }
    }

    /** What a service prints outside its log: the JVM's own messages, a crash before logging starts. */
    private Path output(String name) {
        return dataDirectory.resolve("logs").resolve(name + ".out");
    }

    /** The variables each service reads (see the README); nothing else configures it. */
    private Map<String, String> environment(Instance instance) {
        Service service = instance.service();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers());
        env.put("DB_HOST", "localhost");
        env.put("DB_PORT", Integer.toString(ports.postgres()));
        env.put("DB_USER", PostgresServer.USER);
        env.put("DB_PASSWORD", PostgresServer.PASSWORD);
        // each service reads its own port: this replica's
        env.put(switch (service) {
            case INGEST -> "INGEST_HTTP_PORT";
            case CATALOG -> "CATALOG_HTTP_PORT";
            case ANALYTICS -> "ANALYTICS_HTTP_PORT";
        }, Integer.toString(ports.of(instance)));
        env.put("CATALOG_URL", url(Service.CATALOG));
        env.put(ArticleSizeLimit.VARIABLE, Long.toString(articleLimit));
        env.put("RASD_API_KEYS_FILE", apiKeysFile().toString());
        // what a service keeps across its restarts (ingest: feeds, re-extraction runs), each replica its own
        env.put("RASD_DATA_DIR", dataDirectory.resolve("services").resolve(instance.name()).toString());
        if (service == Service.CATALOG) {
            env.put(CORS_ORIGINS_VARIABLE, catalogCorsOrigins());
        }
        // each service writes its own log, rotated (10 MB, 5 kept); RASD_LOG_JSON from the caller makes it JSON lines
        env.put("RASD_LOG_FILE_ENABLED", "true");
        env.put("RASD_LOG_FILE", log(instance.name()).toString());
        env.put("RASD_LOG_CONSOLE", "false");
        // glibc gives each thread that allocates its own arena, up to 8 per core, kept after use: two bound the
        // native memory of services with many threads at no measurable cost in speed
        env.put("MALLOC_ARENA_MAX", "2");
        return env;
    }

    public void awaitReady(Service service) {
        awaitReady(new Instance(service, 0));
    }

    public void awaitReady(Instance instance) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI health = URI.create(url(instance) + "/q/health/ready");
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            Process process;
            synchronized (processes) {
                process = processes.get(instance);
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(instance.name() + " exited with code " + process.exitValue()
                        + "; see " + log(instance.name()) + " and " + output(instance.name()) + "; they end:\n"
                        + lastLines(log(instance.name())) + lastLines(output(instance.name())));
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
        throw new IllegalStateException(instance.name() + " was not ready within " + READY_TIMEOUT.toSeconds() + " s");
    }

    /** The process of a running service (its first replica). */
    public ProcessHandle process(Service service) {
        synchronized (processes) {
            return processes.get(new Instance(service, 0)).toHandle();
        }
    }

    /**
     * The dashboard that analytics serves reads the catalog from another origin: the catalog allows it (as
     * localhost and as 127.0.0.1), besides any origins the caller's {@code RASD_CORS_ORIGINS} lists.
     */
    private String catalogCorsOrigins() {
        List<String> origins = new ArrayList<>();
        String configured = System.getenv(CORS_ORIGINS_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            origins.add(configured.strip());
        }
        for (int replica = 0; replica < replicas(Service.ANALYTICS); replica++) {
            Instance analytics = new Instance(Service.ANALYTICS, replica);
            origins.add(url(analytics));
            origins.add("http://127.0.0.1:" + ports.of(analytics));
        }
        return String.join(",", origins);
    }

    /** The analyst's dashboard; it is told where the catalog is unless that is its default, port 8081 of its host. */
    public String dashboardUrl() {
        String dashboard = url(Service.ANALYTICS) + "/dashboard/";
        return ports.catalog() == DASHBOARD_DEFAULT_CATALOG_PORT ? dashboard : dashboard + "?catalog=" + url(Service.CATALOG);
    }

    public String url(Service service) {
        return url(new Instance(service, 0));
    }

    public String url(Instance instance) {
        return "http://localhost:" + ports.of(instance);
    }

    public String kafkaBootstrapServers() {
        return "localhost:" + ports.kafka();
    }

    public String postgresAddress() {
        return "localhost:" + ports.postgres();
    }

    public Path logDirectory() {
        return dataDirectory.resolve("logs");
    }

    /** Stops the services (SIGTERM, then SIGKILL after a grace period), then the broker and the database. */
    @Override
    public void close() {
        stopping = true;
        supervisor.shutdownNow();
        List<Process> services;
        synchronized (processes) {
            services = List.copyOf(processes.values());
        }
        services.forEach(LocalStack::stop);
        synchronized (this) {
            if (kafka != null) {
                stop(kafka);
            }
            if (postgres != null) {
                postgres.closeQuietly();
            }
        }
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void killAndWait(ProcessHandle process) {
        process.destroyForcibly();
        process.onExit().join();
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

package org.rasd.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.rasd.embedded.Topics;
import org.rasd.support.size.ArticleSizeLimit;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The files that run Rasd beyond one laptop, checked without Docker or a cluster (neither is started here): the
 * Kubernetes manifests each service's build generates ({@code target/kubernetes/kubernetes.yml}, from the
 * {@code quarkus.kubernetes} block of its application.properties) with {@code deploy/kubernetes/rasd-config.yaml},
 * {@code deploy/compose/compose.yaml}, and {@code deploy/kafka/create-topics.sh}.
 * <p>
 * What a service must be given is read from its own configuration, not listed here: every {@code ${VARIABLE}} its
 * application.properties and service-support's shared properties name, and {@value ArticleSizeLimit#VARIABLE}; a
 * variable named only as another's fallback ({@code B} in {@code ${A:${B:x}}}) is not needed when that one is given.
 * <p>
 * The manifests are written when a service is packaged. This module depends on the three services, so the reactor
 * packages them before these tests run ({@code deploy/test}, {@code ./mvnw verify}); run alone, the module needs
 * them packaged first, and a manifest older than its application.properties fails as stale.
 */
class DeploymentFilesTest {

    private static final Path HOME = Path.of("../..").toAbsolutePath().normalize();
    private static final Path SHARED_PROPERTIES =
            HOME.resolve("deploy/service-support/src/main/resources/META-INF/microprofile-config.properties");
    private static final Path COMPOSE = HOME.resolve("deploy/compose/compose.yaml");
    private static final Path KUBERNETES = HOME.resolve("deploy/kubernetes");
    private static final Path CREATE_TOPICS = HOME.resolve("deploy/kafka/create-topics.sh");

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
    private static final Pattern PORT = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*_HTTP_PORT):(\\d+)}");
    private static final Pattern MAX_HEAP = Pattern.compile("-Xmx(\\d+)([kKmMgG])");
    private static final String API_KEYS = "RASD_API_KEYS";
    private static final String DB_PASSWORD = "DB_PASSWORD";
    /** The variables that hold a secret: given from a Secret (Kubernetes), never written in a file here. */
    private static final List<String> SECRETS = List.of(API_KEYS, DB_PASSWORD);

    /** What a service's configuration says about it: the variables it reads, its port, its heap. */
    private record ServiceConfig(LocalStack.Service service, Path propertiesFile, Set<String> variables,
                                 Map<String, Set<String>> fallbackFor, String portVariable, int port, long maxHeapBytes) {

        static ServiceConfig of(LocalStack.Service service) throws IOException {
            Path file = HOME.resolve(service.module).resolve("src/main/resources/application.properties");
            Properties own = properties(file);
            Set<String> variables = new TreeSet<>();
            Map<String, Set<String>> fallbackFor = new HashMap<>();
            for (Properties properties : List.of(own, properties(SHARED_PROPERTIES))) {
                for (String key : properties.stringPropertyNames()) {
                    if (!key.startsWith("%")) { // not a profile's (%test, %dev): what runs in production
                        expressions(properties.getProperty(key), variables, fallbackFor);
                    }
                }
            }
            variables.add(ArticleSizeLimit.VARIABLE); // read by service-support's ArticleSizeConfig
            Matcher port = PORT.matcher(own.getProperty("quarkus.http.port", ""));
            assertTrue(port.matches(), "quarkus.http.port of " + service.module + " is ${X_HTTP_PORT:port}");
            Matcher heap = MAX_HEAP.matcher(own.getProperty("quarkus.jib.jvm-additional-arguments", ""));
            assertTrue(heap.find(), "the image's JVM of " + service.module + " has a maximum heap (-Xmx)");
            long maxHeap = Long.parseLong(heap.group(1)) << switch (heap.group(2).toLowerCase(Locale.ROOT)) {
                case "k" -> 10;
                case "m" -> 20;
                default -> 30;
            };
            assertTrue(variables.containsAll(List.of("KAFKA_BOOTSTRAP_SERVERS", API_KEYS, port.group(1))),
                    "the variables of " + service.module + " read from its properties: " + variables);
            return new ServiceConfig(service, file, variables, fallbackFor, port.group(1), Integer.parseInt(port.group(2)),
                    maxHeap);
        }

        /**
         * The variables named in a value's expressions; one named only in another's default, as B in
         * {@code ${A:${B:x}}}, is that other's fallback.
         */
        private static void expressions(String value, Set<String> variables, Map<String, Set<String>> fallbackFor) {
            List<String> open = new ArrayList<>(); // the variables whose expressions enclose this point
            for (int i = 0; i < value.length(); i++) {
                if (value.startsWith("${", i)) {
                    Matcher name = VARIABLE.matcher(value).region(i, value.length());
                    String variable = name.lookingAt() ? name.group(1) : "";
                    if (!variable.isEmpty()) {
                        variables.add(variable);
                        Set<String> primaries = fallbackFor.computeIfAbsent(variable, v -> new TreeSet<>());
                        // a variable ever named outside another's default has no primary to stand in for it
                        primaries.add(open.isEmpty() ? "" : open.getLast());
                    }
                    open.add(variable);
                    i++;
                } else if (value.charAt(i) == '}' && !open.isEmpty()) {
                    open.removeLast();
                }
            }
        }

        /** The variables this service reads that {@code given} leaves out: a fallback is left out with its primary. */
        Set<String> missing(Set<String> given) {
            Set<String> missing = new TreeSet<>();
            for (String variable : variables) {
                if (!covered(variable, given)) {
                    missing.add(variable);
                }
            }
            return missing;
        }

        private boolean covered(String variable, Set<String> given) {
            return given.contains(variable) || fallbackFor.getOrDefault(variable, Set.of("")).stream()
                    .allMatch(primary -> !primary.isEmpty() && covered(primary, given));
        }

        String name() {
            return service.module;
        }

        boolean reads(String variable) {
            return variables.contains(variable);
        }
    }

    // ---- Kubernetes ----

    @ParameterizedTest
    @EnumSource(LocalStack.Service.class)
    void kubernetesManifestProbesSizesAndConfiguresTheService(LocalStack.Service service) throws IOException {
        ServiceConfig config = ServiceConfig.of(service);
        List<Map<String, Object>> documents = manifest(service, config);
        Map<String, Object> deployment = resource(documents, "Deployment", config.name());
        Map<String, Object> pod = map(deployment, "spec", "template", "spec");
        List<Map<String, Object>> containers = maps(pod.get("containers"));
        assertEquals(1, containers.size(), "one container in " + config.name());
        Map<String, Object> container = containers.getFirst();

        // the image the build makes, and the port the service listens on
        String version = string(map(deployment, "metadata", "labels").get("app.kubernetes.io/version"));
        assertTrue(string(container.get("image")).matches("(.+/)?rasd/" + Pattern.quote(config.name() + ":" + version)),
                "image of " + config.name() + ": " + container.get("image"));
        int containerPort = maps(container.get("ports")).stream().filter(p -> "http".equals(p.get("name")))
                .map(p -> integer(p.get("containerPort"))).findFirst().orElseThrow();
        assertEquals(config.port(), containerPort, "container port of " + config.name());
        Map<String, Object> kubeService = resource(documents, "Service", config.name());
        assertTrue(maps(map(kubeService, "spec").get("ports")).stream()
                        .anyMatch(p -> p.get("targetPort").equals(containerPort) || "http".equals(p.get("targetPort"))),
                "the Service of " + config.name() + " forwards to port " + containerPort);

        assertProbe(container, "livenessProbe", "/q/health/live", containerPort);
        assertProbe(container, "readinessProbe", "/q/health/ready", containerPort);
        assertProbe(container, "startupProbe", "/q/health/started", containerPort);

        // requests and limits, the memory limit well above the heap (RSS under load is about twice -Xmx)
        Map<String, Object> resources = map(container, "resources");
        for (String kind : List.of("requests", "limits")) {
            for (String resource : List.of("cpu", "memory")) {
                assertNotNull(map(resources, kind).get(resource), kind + "." + resource + " of " + config.name());
            }
        }
        long requested = bytes(string(map(resources, "requests").get("memory")));
        long limit = bytes(string(map(resources, "limits").get("memory")));
        assertTrue(requested <= limit, "memory request within the limit, " + config.name());
        assertTrue(requested >= 2 * config.maxHeapBytes(),
                "memory request of " + config.name() + " at least twice its heap of " + config.maxHeapBytes() + " bytes");

        // every variable it reads: set in the Deployment, from the Secret, or from the ConfigMap it takes whole
        Map<String, Map<String, Object>> env = maps(container.get("env")).stream()
                .collect(Collectors.toMap(e -> string(e.get("name")), e -> e, (a, b) -> b, LinkedHashMap::new));
        Map<String, String> fromConfigMaps = new HashMap<>();
        for (Map<String, Object> source : maps(container.get("envFrom"))) {
            if (source.get("configMapRef") instanceof Map<?, ?> ref) {
                fromConfigMaps.putAll(configMap(string(ref.get("name"))));
            }
        }
        Set<String> given = new TreeSet<>(env.keySet());
        given.addAll(fromConfigMaps.keySet());
        assertEquals(Set.of(), config.missing(given), "variables " + config.name() + " reads that its Deployment does not give it");

        for (String secret : SECRETS) {
            if (config.reads(secret)) {
                Map<String, Object> variable = env.get(secret);
                assertNotNull(variable, secret + " set in the Deployment of " + config.name());
                Map<String, Object> reference = map(variable, "valueFrom", "secretKeyRef");
                assertNotNull(reference.get("name"), secret + " from a Secret");
                assertEquals(secret, reference.get("key"), "the key of " + secret + " in its Secret");
                assertFalse(fromConfigMaps.containsKey(secret), secret + " is not in a ConfigMap");
            }
        }
        assertTrue(config.reads(API_KEYS));
        if (config.reads("DB_HOST")) {
            assertTrue(config.reads(DB_PASSWORD), config.name() + " reads its database password");
        }
        assertEquals(Integer.toString(containerPort), value(env, fromConfigMaps, config.portVariable()),
                config.portVariable() + " of " + config.name());

        // what it writes (*_DIR) is on a volume of the pod
        Map<String, String> mounts = new HashMap<>();
        for (Map<String, Object> mount : maps(container.get("volumeMounts"))) {
            mounts.put(string(mount.get("mountPath")), string(mount.get("name")));
        }
        Set<String> volumes = maps(pod.get("volumes")).stream().map(v -> string(v.get("name"))).collect(Collectors.toSet());
        assertTrue(volumes.containsAll(mounts.values()), "every mount of " + config.name() + " is a volume of its pod");
        for (String variable : config.variables()) {
            if (variable.endsWith("_DIR") && given.contains(variable)) {
                String directory = value(env, fromConfigMaps, variable);
                assertTrue(mounts.keySet().stream().anyMatch(path -> directory.equals(path) || directory.startsWith(path + "/")),
                        variable + "=" + directory + " of " + config.name() + " is on a volume: " + mounts.keySet());
            }
        }

        // the catalog as its Service answers inside the cluster
        if (config.reads("CATALOG_URL")) {
            ServiceConfig catalog = ServiceConfig.of(LocalStack.Service.CATALOG);
            Map<String, Object> catalogService = resource(manifest(LocalStack.Service.CATALOG, catalog), "Service", catalog.name());
            URI url = URI.create(value(env, fromConfigMaps, "CATALOG_URL"));
            assertEquals(catalog.name(), url.getHost(), "CATALOG_URL names the catalog's Service");
            int servicePort = maps(map(catalogService, "spec").get("ports")).stream()
                    .filter(p -> "http".equals(p.get("name"))).map(p -> integer(p.get("port"))).findFirst().orElseThrow();
            assertEquals(servicePort, url.getPort() == -1 ? 80 : url.getPort(), "CATALOG_URL's port is the catalog Service's");
        }
    }

    private static void assertProbe(Map<String, Object> container, String probe, String path, int port) {
        Map<String, Object> action = map(container, probe, "httpGet");
        assertEquals(path, action.get("path"), probe);
        Object probePort = action.get("port");
        assertTrue(Integer.valueOf(port).equals(probePort) || "http".equals(probePort), probe + " on port " + port + ": " + probePort);
    }

    private static String value(Map<String, Map<String, Object>> env, Map<String, String> fromConfigMaps, String variable) {
        Map<String, Object> explicit = env.get(variable);
        String value = explicit != null ? string(explicit.get("value")) : fromConfigMaps.get(variable);
        assertNotNull(value, variable + " has a value");
        return value;
    }

    private static List<Map<String, Object>> manifest(LocalStack.Service service, ServiceConfig config) throws IOException {
        Path manifest = HOME.resolve(service.module).resolve("target/kubernetes/kubernetes.yml");
        assertTrue(Files.isRegularFile(manifest), manifest + " is missing: package the services first (./mvnw package -DskipTests)");
        assertTrue(Files.getLastModifiedTime(manifest).compareTo(Files.getLastModifiedTime(config.propertiesFile())) >= 0,
                manifest + " is older than " + config.propertiesFile() + ": package " + service.module + " again");
        return loadAll(manifest);
    }

    private static Map<String, Object> resource(List<Map<String, Object>> documents, String kind, String name) {
        List<Map<String, Object>> found = documents.stream()
                .filter(d -> kind.equals(d.get("kind")) && name.equals(map(d, "metadata").get("name"))).toList();
        assertEquals(1, found.size(), "one " + kind + " " + name);
        return found.getFirst();
    }

    /** The data of a ConfigMap under deploy/kubernetes. */
    private static Map<String, String> configMap(String name) throws IOException {
        List<Map<String, Object>> configMaps = new ArrayList<>();
        try (Stream<Path> files = Files.list(KUBERNETES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).toList()) {
                loadAll(file).stream().filter(d -> "ConfigMap".equals(d.get("kind")) && name.equals(map(d, "metadata").get("name")))
                        .forEach(configMaps::add);
            }
        }
        assertEquals(1, configMaps.size(), "one ConfigMap " + name + " in " + KUBERNETES);
        Map<String, String> data = new LinkedHashMap<>();
        map(configMaps.getFirst(), "data").forEach((key, value) -> {
            assertTrue(value instanceof String, "ConfigMap values are strings: " + key + " (quote it)");
            data.put(key, (String) value);
        });
        return data;
    }

    // ---- Compose ----

    @Test
    void composeRunsTheServicesOnHealthyKafkaAndPostgres() throws IOException {
        Map<String, Object> compose = load(COMPOSE);
        Map<String, Object> services = map(compose, "services");

        Map<String, Object> kafka = map(services, "kafka");
        Map<String, String> kafkaEnv = environment(kafka);
        assertNotNull(kafka.get("healthcheck"), "kafka has a health check");
        assertEquals("false", kafkaEnv.get("KAFKA_AUTO_CREATE_TOPICS_ENABLE"), "topics are made by kafka-topics, with their settings");
        Matcher advertised = Pattern.compile("PLAINTEXT://([^,]+)").matcher(kafkaEnv.get("KAFKA_ADVERTISED_LISTENERS"));
        assertTrue(advertised.find());
        String bootstrap = advertised.group(1);

        Map<String, Object> topics = map(services, "kafka-topics");
        assertEquals("service_healthy", map(topics, "depends_on", "kafka").get("condition"));
        String script = strings(topics.get("volumes")).stream().filter(v -> v.startsWith("../kafka/create-topics.sh:"))
                .map(v -> v.split(":")[1]).findFirst().orElseThrow(() -> new AssertionError("kafka-topics mounts create-topics.sh"));
        assertTrue(strings(topics.get("entrypoint")).contains(script), "kafka-topics runs create-topics.sh");
        assertEquals(bootstrap, environment(topics).get("KAFKA_BOOTSTRAP_SERVERS"));

        Map<String, Object> postgres = map(services, "postgres");
        assertNotNull(postgres.get("healthcheck"), "postgres has a health check");
        Map<String, String> postgresEnv = environment(postgres);
        Path init = strings(postgres.get("volumes")).stream().filter(v -> v.contains(":/docker-entrypoint-initdb.d"))
                .map(v -> COMPOSE.getParent().resolve(v.split(":")[0]).normalize()).findFirst()
                .orElseThrow(() -> new AssertionError("postgres has init scripts"));
        Set<String> created = new TreeSet<>();
        try (Stream<Path> files = Files.list(init)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                Matcher database = Pattern.compile("(?i)create\\s+database\\s+\"?(\\w+)").matcher(Files.readString(file));
                while (database.find()) {
                    created.add(database.group(1));
                }
            }
        }

        Map<String, Object> secrets = map(compose, "secrets");
        for (LocalStack.Service service : LocalStack.Service.values()) {
            ServiceConfig config = ServiceConfig.of(service);
            Map<String, Object> container = map(services, config.name());
            Map<String, String> env = environment(container);
            String name = config.name();

            String version = string(map(resource(manifest(service, config), "Deployment", name), "metadata", "labels")
                    .get("app.kubernetes.io/version"));
            assertEquals("rasd/" + name + ":${RASD_VERSION:-" + version + "}", container.get("image"), "image of " + name);

            assertEquals(Set.of(), config.missing(env.keySet()), "variables " + name + " reads that compose.yaml does not give it");

            assertEquals(Integer.toString(config.port()), env.get(config.portVariable()), config.portVariable());
            assertTrue(strings(container.get("ports")).contains(config.port() + ":" + config.port()),
                    name + " published on its own port " + config.port());
            String health = String.join(" ", strings(map(container, "healthcheck").get("test")));
            assertTrue(health.contains("/q/health/ready") && health.contains("/" + config.port() + " "),
                    "health check of " + name + " on /q/health/ready, port " + config.port() + ": " + health);

            Map<String, Object> dependsOn = map(container, "depends_on");
            assertEquals("service_healthy", map(dependsOn, "kafka").get("condition"), name + " waits for a healthy kafka");
            assertEquals("service_completed_successfully", map(dependsOn, "kafka-topics").get("condition"),
                    name + " waits for the topics");
            assertEquals(bootstrap, env.get("KAFKA_BOOTSTRAP_SERVERS"), "KAFKA_BOOTSTRAP_SERVERS of " + name);
            assertEquals(environment(topics).get(ArticleSizeLimit.VARIABLE), env.get(ArticleSizeLimit.VARIABLE),
                    "the topics are made for the article size " + name + " takes");

            if (config.reads("DB_HOST")) {
                assertEquals("service_healthy", map(dependsOn, "postgres").get("condition"), name + " waits for a healthy postgres");
                assertEquals("postgres", env.get("DB_HOST"));
                assertEquals(postgresEnv.get("POSTGRES_USER"), env.get("DB_USER"));
                String password = env.get(DB_PASSWORD);
                assertTrue(password.startsWith("${") && password.endsWith("}"), "the database password comes from .env, not this file");
                assertEquals(postgresEnv.get("POSTGRES_PASSWORD"), password);
                List<String> databases = config.variables().stream().filter(v -> v.endsWith("_DB_NAME")).map(env::get).toList();
                assertFalse(databases.isEmpty());
                assertTrue(created.containsAll(databases), "postgres creates " + databases + "; its init scripts create " + created);
            }

            // the API keys: a Compose secret, named by RASD_API_KEYS_FILE
            List<String> own = strings(container.get("secrets"));
            assertEquals(1, own.size(), name + " has the API keys' secret");
            assertNotNull(map(secrets, own.getFirst()).get("file"));
            assertEquals("/run/secrets/" + own.getFirst(), env.get("RASD_API_KEYS_FILE"));
            assertTrue(env.get(API_KEYS).startsWith("${"), "no API key written in compose.yaml");

            if (config.reads("CATALOG_URL")) {
                URI url = URI.create(env.get("CATALOG_URL"));
                ServiceConfig catalog = ServiceConfig.of(LocalStack.Service.CATALOG);
                assertEquals(catalog.name(), url.getHost());
                assertEquals(catalog.port(), url.getPort());
            }
            Set<String> mounts = strings(container.get("volumes")).stream().map(v -> v.split(":")[1]).collect(Collectors.toSet());
            for (String variable : config.variables()) {
                if (variable.endsWith("_DIR") && env.containsKey(variable)) {
                    String directory = env.get(variable);
                    assertTrue(mounts.stream().anyMatch(path -> directory.equals(path) || directory.startsWith(path + "/")),
                            variable + "=" + directory + " of " + name + " is on a volume: " + mounts);
                }
            }
        }
    }

    /** A Compose service's environment, in either of Compose's forms. */
    private static Map<String, String> environment(Map<String, Object> service) {
        Object environment = service.get("environment");
        Map<String, String> env = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> entries) {
            entries.forEach((key, value) -> env.put(string(key), value == null ? null : String.valueOf(value)));
        } else {
            for (String entry : strings(environment)) {
                String[] parts = entry.split("=", 2);
                env.put(parts[0], parts.length > 1 ? parts[1] : null);
            }
        }
        return env;
    }

    // ---- Topics ----

    @ParameterizedTest
    @ValueSource(strings = {"", "512K", "3000000", "1MB"})
    void createTopicsMakesTheLocalStacksTopics(String articleSize, @TempDir Path directory) throws Exception {
        Map<String, String> environment = new HashMap<>(Map.of("KAFKA_BOOTSTRAP_SERVERS", "broker.example:9092",
                "REPLICATION_FACTOR", "3"));
        if (!articleSize.isEmpty()) {
            environment.put(ArticleSizeLimit.VARIABLE, articleSize);
        }
        List<List<String>> calls = runCreateTopics(directory, environment, 0);
        long largest = ArticleSizeLimit.topicBytes(ArticleSizeLimit.parse(articleSize.isEmpty() ? ArticleSizeLimit.DEFAULT : articleSize));

        Map<String, Integer> partitions = new LinkedHashMap<>();
        Map<String, Map<String, String>> created = new LinkedHashMap<>();
        Map<String, Map<String, String>> altered = new LinkedHashMap<>();
        for (List<String> call : calls) {
            assertEquals("broker.example:9092", option(call, "--bootstrap-server"));
            if (call.getFirst().equals("kafka-topics.sh")) {
                assertTrue(call.containsAll(List.of("--create", "--if-not-exists")), "creates only what is missing: " + call);
                assertEquals("3", option(call, "--replication-factor"));
                String topic = option(call, "--topic");
                partitions.put(topic, Integer.parseInt(option(call, "--partitions")));
                Map<String, String> settings = new HashMap<>();
                for (int i = 0; i < call.size() - 1; i++) {
                    if (call.get(i).equals("--config")) {
                        String[] setting = call.get(i + 1).split("=", 2);
                        settings.put(setting[0], setting[1]);
                    }
                }
                created.put(topic, settings);
            } else {
                assertEquals("kafka-configs.sh", call.getFirst());
                assertEquals("topics", option(call, "--entity-type"));
                assertTrue(call.contains("--alter"));
                altered.put(option(call, "--entity-name"), Arrays.stream(option(call, "--add-config").split(","))
                        .map(s -> s.split("=", 2)).collect(Collectors.toMap(s -> s[0], s -> s[1])));
            }
        }
        Map<String, Integer> expectedPartitions = new LinkedHashMap<>();
        Map<String, Map<String, String>> expectedSettings = new LinkedHashMap<>();
        for (Topics.Topic topic : Topics.ALL) {
            expectedPartitions.put(topic.name(), topic.partitions());
            Map<String, String> settings = new HashMap<>(topic.settings());
            settings.put("max.message.bytes", Long.toString(largest));
            expectedSettings.put(topic.name(), settings);
        }
        assertEquals(expectedPartitions, partitions, "the topics and partitions of org.rasd.embedded.Topics");
        assertEquals(expectedSettings, created, "created with the settings of org.rasd.embedded.Topics");
        assertEquals(expectedSettings, altered, "an existing topic brought to the same settings");
    }

    @Test
    void createTopicsRefusesASizeTheServicesWouldRefuse(@TempDir Path directory) throws Exception {
        assertEquals(List.of(), runCreateTopics(directory, Map.of(ArticleSizeLimit.VARIABLE, "2X"), 2));
    }

    /** Runs create-topics.sh with stand-ins for Kafka's tools that write down how they were called. */
    private static List<List<String>> runCreateTopics(Path directory, Map<String, String> environment, int exitCode)
            throws IOException, InterruptedException {
        Path calls = directory.resolve("calls");
        for (String tool : List.of("kafka-topics.sh", "kafka-configs.sh")) {
            Path stub = directory.resolve(tool);
            Files.writeString(stub, "#!/bin/sh\n{ printf '%s' \"${0##*/}\"; for a in \"$@\"; do printf '\\t%s' \"$a\"; done; printf '\\n'; } >> \"$CALLS\"\n");
            assertTrue(stub.toFile().setExecutable(true));
        }
        ProcessBuilder builder = new ProcessBuilder("sh", CREATE_TOPICS.toString()).redirectErrorStream(true)
                .redirectOutput(directory.resolve("output").toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("KAFKA") || k.startsWith("RASD") || k.equals("REPLICATION_FACTOR"));
        builder.environment().putAll(environment);
        builder.environment().put("KAFKA_BIN", directory.toString());
        builder.environment().put("CALLS", calls.toString());
        Process process = builder.start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "create-topics.sh finished");
        assertEquals(exitCode, process.exitValue(), Files.readString(directory.resolve("output")));
        if (!Files.exists(calls)) {
            return List.of();
        }
        return Files.readAllLines(calls).stream().map(line -> List.of(line.split("\t"))).toList();
    }

    private static String option(List<String> call, String option) {
        int at = call.indexOf(option);
        assertNotEquals(-1, at, option + " in " + call);
        return call.get(at + 1);
    }

    // ---- YAML and properties ----

    private static Properties properties(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        return properties;
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(new SafeConstructor(options)); // merge keys (<<) are resolved, as Compose does
    }

    private static Map<String, Object> load(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return checkedMap(yaml().load(reader), file.toString());
        }
    }

    private static List<Map<String, Object>> loadAll(Path file) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file)) {
            for (Object document : yaml().loadAll(reader)) {
                if (document != null) {
                    documents.add(checkedMap(document, file.toString()));
                }
            }
        }
        return documents;
    }

    /** The map at a path of keys; a missing one fails the test, naming the path. */
    private static Map<String, Object> map(Map<String, Object> from, String... keys) {
        Map<String, Object> current = from;
        for (String key : keys) {
            current = checkedMap(current.get(key), key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> checkedMap(Object value, String what) {
        if (!(value instanceof Map)) {
            fail(what + " is a mapping, not " + value);
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object value) {
        if (value == null) {
            return List.of();
        }
        assertTrue(value instanceof List, "a list: " + value);
        ((List<Object>) value).forEach(item -> checkedMap(item, "an item of " + value));
        return (List<Map<String, Object>>) value;
    }

    private static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        assertTrue(value instanceof List, "a list: " + value);
        return ((List<?>) value).stream().map(DeploymentFilesTest::string).toList();
    }

    private static String string(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static int integer(Object value) {
        return value instanceof Integer number ? number : Integer.parseInt(String.valueOf(value));
    }

    /** A Kubernetes memory quantity in bytes: 512Mi, 1Gi, 500M, 1000000. */
    private static long bytes(String quantity) {
        Matcher matcher = Pattern.compile("(\\d+)(Ki|Mi|Gi|k|M|G)?").matcher(quantity);
        assertTrue(matcher.matches(), "a memory quantity: " + quantity);
        long number = Long.parseLong(matcher.group(1));
        return matcher.group(2) == null ? number : number * switch (matcher.group(2)) {
            case "Ki" -> 1L << 10;
            case "Mi" -> 1L << 20;
            case "Gi" -> 1L << 30;
            case "k" -> 1_000L;
            case "M" -> 1_000_000L;
            default -> 1_000_000_000L;
        };
    }
}

package org.rasd.stack;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code deploy/run-local [--replicas N]}: starts the local stack, prints where everything is, and stops it all on
 * Ctrl-C, SIGTERM, or the death of any service. {@code --replicas N} (or {@code RASD_REPLICAS}) runs N processes
 * each of the catalog and analytics.
 */
public final class LocalStackMain {

    public static void main(String[] args) throws InterruptedException {
        int replicas;
        try {
            replicas = replicas(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\nusage: deploy/run-local [--replicas N]   (N processes each of the catalog and analytics)");
            System.exit(2);
            return;
        }
        Path home = Path.of(System.getProperty("rasd.home", ".")).toAbsolutePath().normalize();
        Path data = Path.of(env("RASD_DATA_DIR", home.resolve("data").toString())).toAbsolutePath();
        LocalStack.Ports ports = new LocalStack.Ports(
                Integer.parseInt(env("RASD_KAFKA_PORT", "19092")),
                Integer.parseInt(env("RASD_POSTGRES_PORT", "15432")),
                Integer.parseInt(env("INGEST_HTTP_PORT", "8080")),
                Integer.parseInt(env("CATALOG_HTTP_PORT", "8081")),
                Integer.parseInt(env("ANALYTICS_HTTP_PORT", "8082")));

        CountDownLatch stopped = new CountDownLatch(1);
        int[] exitCode = {0};
        System.out.println("Starting Rasd with its data in " + data);
        LocalStack stack = LocalStack.start(home, data, ports, replicas, died -> {
            System.err.println(died + " died; stopping the stack. Logs: " + data.resolve("logs"));
            exitCode[0] = 1;
            stopped.countDown();
        });
        Thread shutdown = new Thread(() -> {
            stack.close();
            System.out.println("Rasd stopped.");
        }, "rasd-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);

        System.out.printf("""
                Rasd is up.
                  ingest     %s/api/articles
                  catalog    %s/api/articles/{id}  %s/api/events  %s/api/events/stream
                  analytics  %s/api/aggregates/countries  %s/api/aggregates/themes  %s/api/aggregates/stream
                  dashboard  %s
                  kafka      %s
                  postgresql %s (databases catalog, analytics; user postgres)
                  logs       %s
                  API key    %s (writes send Authorization: Bearer <key>)
                Ctrl-C stops everything.
                """,
                stack.url(LocalStack.Service.INGEST), stack.url(LocalStack.Service.CATALOG), stack.url(LocalStack.Service.CATALOG),
                stack.url(LocalStack.Service.CATALOG), stack.url(LocalStack.Service.ANALYTICS), stack.url(LocalStack.Service.ANALYTICS),
                stack.url(LocalStack.Service.ANALYTICS), stack.dashboardUrl(), stack.kafkaBootstrapServers(), stack.postgresAddress(), stack.logDirectory(),
                stack.apiKeyCreated() ? stack.apiKey() + ", created now and kept in " + stack.apiKeyPath() : "in " + stack.apiKeyPath());
        for (LocalStack.Instance instance : stack.instances()) {
            if (instance.replica() > 0) {
                System.out.printf("  %-10s %s (replica %d of %d, in the same consumer group)%n", instance.name(), stack.url(instance),
                        instance.replica() + 1, stack.replicas(instance.service()));
            }
        }
        stopped.await();
        System.exit(exitCode[0]);
    }

    /** {@code --replicas N}, else {@code RASD_REPLICAS}, else 1. */
    static int replicas(String[] args) {
        String replicas = env("RASD_REPLICAS", "1");
        if (args.length == 2 && args[0].equals("--replicas")) {
            replicas = args[1];
        } else if (args.length != 0) {
            throw new IllegalArgumentException("unknown arguments: " + String.join(" ", args));
        }
        int count;
        try {
            count = Integer.parseInt(replicas);
        } catch (NumberFormatException notANumber) {
            count = 0;
        }
        if (count < 1 || count > LocalStack.MAX_REPLICAS) {
            throw new IllegalArgumentException("--replicas takes 1 to " + LocalStack.MAX_REPLICAS
                    + " (one per partition of the topics), not " + replicas);
        }
        return count;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private LocalStackMain() {
    }
}

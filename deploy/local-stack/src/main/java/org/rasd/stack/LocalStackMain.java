package org.rasd.stack;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code deploy/run-local}: starts the local stack, prints where everything is, and stops it all on Ctrl-C,
 * SIGTERM, or the death of any service.
 */
public final class LocalStackMain {

    public static void main(String[] args) throws InterruptedException {
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
        LocalStack stack = LocalStack.start(home, data, ports, died -> {
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
        stopped.await();
        System.exit(exitCode[0]);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private LocalStackMain() {
    }
}

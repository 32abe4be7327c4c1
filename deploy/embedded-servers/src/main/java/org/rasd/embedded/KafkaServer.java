package org.rasd.embedded;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

/**
 * A single-node KRaft broker in this JVM. With a data directory it keeps its log across restarts:
 * it then reuses the cluster id it was formatted with, and shuts down in a controlled way so the
 * next start does not wait for the previous session to expire.
 */
public final class KafkaServer implements AutoCloseable {

    private final EmbeddedKafkaBroker broker;

    private KafkaServer(EmbeddedKafkaBroker broker) {
        this.broker = broker;
    }

    /**
     * @param dataDirectory where the log is kept, created if missing
     * @param port the client port, 0 for any free one
     */
    public static KafkaServer start(Path dataDirectory, int port) {
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker()
                .withNodeId(1)
                .withKafkaHost("localhost")
                .withDeleteLogDirsOnClose(false)
                .withAdditionalProperties(properties -> singleNodeSettings(properties, dataDirectory));
        // Left to itself the broker may draw the same free port for its client and controller listeners.
        int[] free = FreePorts.take(2);
        broker.withKafkaPort(port > 0 ? port : free[0]).withControllerPort(free[1]);
        existingClusterId(dataDirectory).ifPresent(broker::withClusterId);
        return new KafkaServer(broker.start());
    }

    private static void singleNodeSettings(Properties properties, Path dataDirectory) {
        properties.put("log.dir", dataDirectory.toAbsolutePath().toString());
        properties.put("controlled.shutdown.enable", "true");
        properties.put("offsets.topic.num.partitions", "1");
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("share.coordinator.state.topic.replication.factor", "1");
        properties.put("share.coordinator.state.topic.min.isr", "1");
        properties.put("group.initial.rebalance.delay.ms", "0");
        properties.put("auto.create.topics.enable", "false");
    }

    /** A broker formatted before refuses to start under another cluster id: read the one it has. */
    private static Optional<String> existingClusterId(Path dataDirectory) {
        Path meta = dataDirectory.resolve("meta.properties");
        if (!Files.exists(meta)) {
            return Optional.empty();
        }
        try (var reader = Files.newBufferedReader(meta)) {
            Properties properties = new Properties();
            properties.load(reader);
            return Optional.ofNullable(properties.getProperty("cluster.id"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return broker.getAdvertisedListeners().replaceFirst("^[A-Z_]+://", "");
    }

    /**
     * Creates the topics that do not exist yet, and gives every topic its settings: an existing one (a data
     * directory kept from an earlier run) is brought to them too.
     *
     * @param largestRecord the largest record a topic takes, in bytes ({@code max.message.bytes})
     */
    public void createTopics(List<Topics.Topic> topics, long largestRecord) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            for (Topics.Topic topic : topics) {
                Map<String, String> settings = new HashMap<>(topic.settings());
                settings.put("max.message.bytes", Long.toString(largestRecord));
                try {
                    admin.createTopics(List.of(new NewTopic(topic.name(), topic.partitions(), (short) 1).configs(settings))).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Cannot create topic " + topic.name(), e.getCause());
                    }
                    List<AlterConfigOp> changes = settings.entrySet().stream()
                            .map(setting -> new AlterConfigOp(new ConfigEntry(setting.getKey(), setting.getValue()), AlterConfigOp.OpType.SET))
                            .toList();
                    admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()), changes)).all().get();
                }
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot set the topics' settings", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        broker.close();
    }
}

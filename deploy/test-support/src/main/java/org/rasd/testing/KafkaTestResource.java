package org.rasd.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.rasd.embedded.KafkaServer;
import org.rasd.embedded.Topics;
import org.rasd.support.size.ArticleSizeLimit;

import java.nio.file.Path;
import java.util.Map;

/** Starts one real KRaft broker on a free port for the test run, with Rasd's topics created. */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    private Path dataDirectory;
    private KafkaServer kafka;

    @Override
    public Map<String, String> start() {
        dataDirectory = TestDirectories.create("kafka");
        kafka = KafkaServer.start(dataDirectory, 0);
        kafka.createTopics(Topics.ALL, ArticleSizeLimit.topicBytes(ArticleSizeLimit.parse(ArticleSizeLimit.DEFAULT)));
        return Map.of("kafka.bootstrap.servers", kafka.bootstrapServers());
    }

    @Override
    public void stop() {
        if (kafka != null) {
            kafka.close();
        }
        TestDirectories.delete(dataDirectory);
    }
}

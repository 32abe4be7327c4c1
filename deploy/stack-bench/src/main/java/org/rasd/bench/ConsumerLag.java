package org.rasd.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.rasd.embedded.Topics;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;

/**
 * How many records each consumer group has yet to read: end offsets minus committed offsets, over every
 * partition of the topic it reads. The services commit every few seconds, so a group that keeps up shows a
 * few seconds' worth of records.
 */
final class ConsumerLag implements AutoCloseable {

    /** The groups the bench watches and the topic each reads. */
    enum Group {
        CATALOG("catalog", Topics.ARTICLES), ANALYTICS("analytics", Topics.EVENTS);

        final String id;
        final Topics.Topic topic;

        Group(String id, Topics.Topic topic) {
            this.id = id;
            this.topic = topic;
        }
    }

    private final Admin admin;

    ConsumerLag(String bootstrapServers) {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    long of(Group group) {
        try {
            Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
            IntStream.range(0, group.topic.partitions())
                    .forEach(p -> partitions.put(new TopicPartition(group.topic.name(), p), OffsetSpec.latest()));
            var ends = admin.listOffsets(partitions).all().get();
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group.id).partitionsToOffsetAndMetadata().get();
            long lag = 0;
            for (TopicPartition partition : partitions.keySet()) {
                OffsetAndMetadata done = committed.get(partition);
                // the topics are new with the stack: a partition never committed is behind from offset 0
                lag += ends.get(partition).offset() - (done == null ? 0 : done.offset());
            }
            return lag;
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot read the lag of " + group.id, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}

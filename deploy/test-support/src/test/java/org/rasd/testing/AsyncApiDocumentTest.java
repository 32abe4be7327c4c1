package org.rasd.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rasd.embedded.Topics;
import org.rasd.support.messaging.AcceptedAt;
import org.rasd.support.messaging.DeadLetters;
import org.rasd.support.size.ArticleSizeLimit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * deploy/spec/asyncapi.yaml against the topics the local stack and the tests create (org.rasd.embedded.Topics), the
 * headers the code sets, and the files it points to: a topic added, dropped or set otherwise in one place and not
 * in the other fails here, without a broker.
 */
class AsyncApiDocumentTest {

    private static final Set<String> SERVICES = Set.of("ingest-service", "catalog-service", "analytics-service");
    /** The W3C Trace Context header (https://www.w3.org/TR/trace-context/), written by the Kafka connector. */
    private static final String TRACEPARENT = "traceparent";

    private static Path spec;
    private static JsonNode document;

    @BeforeAll
    static void read() throws IOException {
        spec = TopicContracts.specDirectory();
        document = new YAMLMapper().readTree(spec.resolve("asyncapi.yaml").toFile());
    }

    @Test
    void itIsAnAsyncApi3DocumentOfKafkaServers() {
        assertEquals("3.0.0", document.path("asyncapi").asText());
        assertEquals("application/json", document.path("defaultContentType").asText());
        document.path("servers").forEach(server -> assertEquals("kafka", server.path("protocol").asText()));
    }

    @Test
    void itDescribesEveryTopicAsItIsCreated() {
        Map<String, JsonNode> channels = new HashMap<>();
        document.path("channels").forEach(channel -> channels.put(channel.path("address").asText(), channel));
        assertEquals(Topics.ALL.stream().map(Topics.Topic::name).collect(Collectors.toSet()), channels.keySet());
        long maxMessageBytes = ArticleSizeLimit.topicBytes(ArticleSizeLimit.parse(ArticleSizeLimit.DEFAULT));
        for (Topics.Topic topic : Topics.ALL) {
            JsonNode kafka = channels.get(topic.name()).path("bindings").path("kafka");
            String where = "channel " + topic.name();
            assertEquals(topic.name(), kafka.path("topic").asText(), where);
            assertEquals(topic.partitions(), kafka.path("partitions").asInt(), where);
            JsonNode configuration = kafka.path("topicConfiguration");
            assertEquals(List.of(topic.settings().get("cleanup.policy")), strings(configuration.path("cleanup.policy")), where);
            String retention = topic.settings().get("retention.ms");
            assertEquals(retention, configuration.has("retention.ms") ? configuration.get("retention.ms").asText() : null, where);
            assertEquals(maxMessageBytes, configuration.path("max.message.bytes").asLong(), where + ": twice the default article size and room for headers");
        }
    }

    /** The values of articles, events and incidents are the schemas of deploy/spec/topics, with their samples. */
    @Test
    void eachTopicsMessageIsItsSchemaKeyedAsTheProducersKeyIt() {
        for (String topic : List.of(TopicContracts.ARTICLES, TopicContracts.EVENTS, TopicContracts.INCIDENTS)) {
            JsonNode message = onlyMessageOf(topic);
            assertEquals("./topics/" + topic + ".schema.json", message.path("payload").path("schema").path("$ref").asText(), topic);
            assertTrue(message.path("payload").path("schemaFormat").asText().startsWith("application/schema+json"), topic);
            assertEquals("./topics/samples/" + topic + "/", message.path("x-samples").asText(), topic);
            assertFalse(message.path("bindings").path("kafka").path("key").isMissingNode(), topic + " key");
        }
        for (String deadLetters : List.of(Topics.ARTICLES_DLQ.name(), Topics.EVENTS_DLQ.name())) {
            assertEquals("./topics/dead-letter-headers.schema.json", onlyMessageOf(deadLetters).path("headers").path("schema").path("$ref").asText());
        }
    }

    /**
     * The headers the code sets, and the W3C {@code traceparent} the Kafka connector writes on every record when
     * tracing is on: optional everywhere, for a record is whole without it.
     */
    @Test
    void theHeadersAreTheOnesTheCodeSets() throws IOException {
        JsonNode articleHeaders = resolve(onlyMessageOf(TopicContracts.ARTICLES).path("headers"));
        assertEquals(Set.of(AcceptedAt.HEADER, TRACEPARENT), fieldNames(articleHeaders.path("properties")));
        assertEquals(List.of(AcceptedAt.HEADER), strings(articleHeaders.path("required")));
        JsonNode deadLetterHeaders = new ObjectMapper().readTree(TopicContracts.topicsDirectory().resolve("dead-letter-headers.schema.json").toFile());
        assertEquals(Set.of(DeadLetters.REASON, DeadLetters.TOPIC, DeadLetters.PARTITION, DeadLetters.OFFSET),
                new HashSet<>(strings(deadLetterHeaders.path("required"))));
        assertTrue(deadLetterHeaders.path("properties").has(TRACEPARENT));
        for (String topic : List.of(TopicContracts.EVENTS, TopicContracts.INCIDENTS)) {
            JsonNode headers = resolve(onlyMessageOf(topic).path("headers"));
            assertEquals(Set.of(TRACEPARENT), fieldNames(headers.path("properties")), topic);
            assertTrue(headers.path("required").isEmpty(), topic + ": no header is required");
        }
    }

    /** Each topic is written by a service of this repository; each operation sends or receives messages of its channel. */
    @Test
    void everyTopicHasItsWriterAndEveryOperationItsChannelsMessages() {
        Set<String> written = new TreeSet<>();
        document.path("operations").properties().forEach(entry -> {
            JsonNode operation = entry.getValue();
            String channel = operation.path("channel").path("$ref").asText();
            assertTrue(channel.startsWith("#/channels/"), entry.getKey());
            assertTrue(SERVICES.contains(operation.path("x-rasd-service").asText()), entry.getKey());
            assertFalse(operation.path("messages").isEmpty(), entry.getKey());
            operation.path("messages").forEach(message ->
                    assertTrue(message.path("$ref").asText().startsWith(channel + "/messages/"), entry.getKey()));
            if (operation.path("action").asText().equals("send")) {
                written.add(document.at(channel.substring(1)).path("address").asText());
            } else {
                assertEquals("receive", operation.path("action").asText(), entry.getKey());
            }
        });
        assertEquals(Topics.ALL.stream().map(Topics.Topic::name).collect(Collectors.toCollection(TreeSet::new)), written);
    }

    /** Every $ref of the document, and of the schemas it points to, names something that is there. */
    @Test
    void everyReferenceResolves() throws IOException {
        List<String> broken = new ArrayList<>();
        refs(document, (ref, at) -> {
            if (!resolves(spec, document, ref)) {
                broken.add("asyncapi.yaml " + at + ": " + ref);
            }
        });
        try (Stream<Path> files = Files.list(TopicContracts.topicsDirectory())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".schema.json")).sorted().toList()) {
                JsonNode schema = new ObjectMapper().readTree(file.toFile());
                refs(schema, (ref, at) -> {
                    if (!resolves(file.getParent(), schema, ref)) {
                        broken.add(file.getFileName() + " " + at + ": " + ref);
                    }
                });
            }
        }
        assertEquals(List.of(), broken);
        document.path("components").path("messages").forEach(message -> {
            if (message.has("x-samples")) {
                Path samples = spec.resolve(message.get("x-samples").asText()).normalize();
                assertTrue(Files.isDirectory(samples), samples.toString());
            }
        });
    }

    private static JsonNode onlyMessageOf(String address) {
        for (JsonNode channel : document.path("channels")) {
            if (channel.path("address").asText().equals(address)) {
                assertEquals(1, channel.path("messages").size(), address);
                return resolve(channel.path("messages").elements().next());
            }
        }
        throw new AssertionError("no channel " + address);
    }

    private static JsonNode resolve(JsonNode node) {
        return node.has("$ref") && node.get("$ref").asText().startsWith("#") ? document.at(node.get("$ref").asText().substring(1)) : node;
    }

    private static boolean resolves(Path base, JsonNode local, String ref) {
        int hash = ref.indexOf('#');
        String file = hash < 0 ? ref : ref.substring(0, hash);
        String pointer = hash < 0 ? "" : ref.substring(hash + 1);
        JsonNode target = local;
        if (!file.isEmpty()) {
            Path path = base.resolve(file).normalize();
            if (!Files.isRegularFile(path)) {
                return false;
            }
            try {
                target = path.toString().endsWith(".json") ? new ObjectMapper().readTree(path.toFile()) : new YAMLMapper().readTree(path.toFile());
            } catch (IOException e) {
                return false;
            }
        }
        return pointer.isEmpty() || !target.at(pointer).isMissingNode();
    }

    private static void refs(JsonNode node, BiConsumer<String, String> each) {
        refs(node, "", each);
    }

    private static void refs(JsonNode node, String at, BiConsumer<String, String> each) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                if (field.getKey().equals("$ref") && field.getValue().isTextual()) {
                    each.accept(field.getValue().asText(), at);
                } else {
                    refs(field.getValue(), at + "/" + field.getKey(), each);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                refs(node.get(i), at + "/" + i, each);
            }
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static Set<String> fieldNames(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

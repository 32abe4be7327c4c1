package org.rasd.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The topic contracts of the repository ({@code deploy/spec/topics}): the JSON Schema of each topic's value, and
 * its sample messages ({@code samples/<topic>/*.json}; those named {@code *.invalid.json} are messages the schema
 * must reject). The services' contract tests check what they write and what they read against these, so that a
 * change on one side of a topic breaks the build of the other. Found from the working directory upwards, so it
 * works from any module's directory.
 */
public final class TopicContracts {

    public static final String ARTICLES = "articles";
    public static final String EVENTS = "events";
    public static final String INCIDENTS = "incidents";

    private static final String INVALID = ".invalid.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Formats (date-time, date, uuid) are checked, not only noted, as draft 2020-12 would leave them. */
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final Map<Path, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private TopicContracts() {
    }

    /** {@code deploy/spec} of the repository the tests run in. */
    public static Path specDirectory() {
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            Path spec = directory.resolve("deploy/spec");
            if (Files.isDirectory(spec.resolve("topics"))) {
                return spec;
            }
        }
        throw new IllegalStateException("No deploy/spec/topics above " + Path.of("").toAbsolutePath());
    }

    public static Path topicsDirectory() {
        return specDirectory().resolve("topics");
    }

    /** The schema of a topic's values: {@code deploy/spec/topics/<topic>.schema.json}. */
    public static Path schemaFile(String topic) {
        Path file = topicsDirectory().resolve(topic + ".schema.json");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("No schema for topic " + topic + ": " + file);
        }
        return file;
    }

    /** The schema of a file under {@code deploy/spec/topics}, its relative {@code $ref}s resolved beside it. */
    public static JsonSchema schema(Path file) {
        return SCHEMAS.computeIfAbsent(file.toAbsolutePath().normalize(),
                path -> FACTORY.getSchema(SchemaLocation.of(path.toUri().toString()), CONFIG));
    }

    /** A schema given as JSON rather than as a file (one an OpenAPI 3.1 document holds), read as the topics' are. */
    public static JsonSchema schema(JsonNode json) {
        return FACTORY.getSchema(json, CONFIG);
    }

    /** What is wrong with a message for a topic, one line each; empty when the schema accepts it. */
    public static List<String> violations(String topic, JsonNode message) {
        return violations(schema(schemaFile(topic)), message);
    }

    public static List<String> violations(String topic, String json) {
        return violations(topic, parse(json));
    }

    public static List<String> violations(JsonSchema schema, JsonNode message) {
        return schema.validate(message).stream().map(ValidationMessage::toString).sorted().toList();
    }

    /** @param what names the message in the failure, e.g. the sample file or the record's key */
    public static void assertValid(String topic, JsonNode message, String what) {
        List<String> violations = violations(topic, message);
        if (!violations.isEmpty()) {
            throw new AssertionError(what + " does not follow " + topicsDirectory().relativize(schemaFile(topic)) + ":\n  "
                    + String.join("\n  ", violations) + "\n" + message);
        }
    }

    public static void assertValid(String topic, String json, String what) {
        assertValid(topic, parse(json), what);
    }

    public static void assertInvalid(String topic, JsonNode message, String what) {
        if (violations(topic, message).isEmpty()) {
            throw new AssertionError(what + " should break " + topicsDirectory().relativize(schemaFile(topic)) + " but does not");
        }
    }

    /** The sample messages of a topic that follow its schema, by name. */
    public static List<Path> validSamples(String topic) {
        return samples(topic).stream().filter(file -> !file.getFileName().toString().endsWith(INVALID)).toList();
    }

    /** The sample messages of a topic its schema must reject ({@code *.invalid.json}), by name. */
    public static List<Path> invalidSamples(String topic) {
        return samples(topic).stream().filter(file -> file.getFileName().toString().endsWith(INVALID)).toList();
    }

    private static List<Path> samples(String topic) {
        Path directory = topicsDirectory().resolve("samples").resolve(topic);
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> samples = files.filter(file -> file.getFileName().toString().endsWith(".json"))
                    .sorted(Comparator.comparing(Path::toString)).toList();
            if (samples.isEmpty()) {
                throw new IllegalStateException("No samples in " + directory);
            }
            return samples;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A sample file's JSON as it is written (UTF-8). */
    public static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode read(Path file) {
        return parse(text(file));
    }

    /** A sample's name for messages: its path under {@code deploy/spec/topics}. */
    public static String name(Path file) {
        return topicsDirectory().relativize(file.toAbsolutePath().normalize()).toString();
    }

    /**
     * The values an {@code enum} of a schema lists, e.g. {@code enumAt("articles", "/$defs/theme")}: for tests that
     * check a schema's codes against the code's own list of them.
     */
    public static List<String> enumAt(String topic, String pointer) {
        JsonNode values = read(schemaFile(topic)).at(pointer).path("enum");
        if (!values.isArray() || values.isEmpty()) {
            throw new IllegalArgumentException("No enum at " + pointer + " of " + schemaFile(topic));
        }
        List<String> codes = new ArrayList<>();
        values.forEach(value -> codes.add(value.asText()));
        return codes;
    }

    /** The same codes, sorted, for comparing lists whose order means nothing. */
    public static List<String> sorted(List<String> codes) {
        return codes.stream().sorted().collect(Collectors.toList());
    }

    /** A message's JSON, e.g. a record's value; not JSON is a failure. */
    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + e.getMessage() + "\n" + json, e);
        }
    }
}

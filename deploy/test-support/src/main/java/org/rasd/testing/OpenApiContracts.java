package org.rasd.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.RestAssured;
import io.restassured.response.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The API description a service serves ({@code /q/openapi}), held against the service itself: a body must be
 * described (by a component with properties, not by an empty schema), and a real body must follow the schema the
 * description gives for it. OpenAPI 3.1 schemas are JSON Schema 2020-12, so they are checked as the topics'
 * messages are ({@link TopicContracts}).
 */
public final class OpenApiContracts {

    private static final String NDJSON = "application/x-ndjson";
    private static final String SSE = "text/event-stream";
    private static final String COMPONENT = "#/components/schemas/";

    private final JsonNode document;

    private OpenApiContracts(JsonNode document) {
        this.document = document;
    }

    /** The description the service under test serves. */
    public static OpenApiContracts served() {
        return new OpenApiContracts(TopicContracts.parse(
                RestAssured.get("/q/openapi?format=json").then().statusCode(200).extract().asString()));
    }

    /** The schema of an operation's request body, e.g. {@code requestSchema("POST", "/api/articles", "application/json")}. */
    public JsonNode requestSchema(String method, String path, String mediaType) {
        return schemaIn(operation(method, path).path("requestBody"), mediaType, method + " " + path + " (request)");
    }

    public JsonNode responseSchema(String method, String path, int status, String mediaType) {
        return schemaIn(operation(method, path).path("responses").path(String.valueOf(status)), mediaType,
                method + " " + path + " (" + status + ")");
    }

    /** A component's schema, e.g. to hold a topic's sample messages against the shape the API gives them. */
    public JsonNode component(String name) {
        if (document.path("components").path("schemas").path(name).isMissingNode()) {
            throw new AssertionError("/q/openapi has no component " + name);
        }
        return JsonNodeFactory.instance.objectNode().put("$ref", COMPONENT + name);
    }

    /**
     * Whether the operation asks for the bearer API key the description defines (scheme {@code apiKey}, HTTP
     * bearer): Swagger UI sends it to exactly these.
     */
    public boolean asksForTheKey(String method, String path) {
        JsonNode scheme = document.path("components").path("securitySchemes").path("apiKey");
        if (!"http".equals(scheme.path("type").asText()) || !"bearer".equals(scheme.path("scheme").asText())) {
            throw new AssertionError("/q/openapi defines no bearer scheme apiKey: " + scheme);
        }
        for (JsonNode requirement : operation(method, path).path("security")) {
            if (requirement.has("apiKey")) {
                return true;
            }
        }
        return false;
    }

    /** Fails unless the schema names components with properties: itself, an array's items, or each of its choices. */
    public void assertDescribed(JsonNode schema, String what) {
        List<String> components = new ArrayList<>();
        collectComponents(schema.has("items") ? schema.path("items") : schema, components);
        if (components.isEmpty()) {
            throw new AssertionError(what + " is described by no component: " + schema);
        }
        for (String name : components) {
            if (document.path("components").path("schemas").path(name).path("properties").isEmpty()) {
                throw new AssertionError(what + " is described by " + name + ", which has no properties");
            }
        }
    }

    /** Fails unless a body sent to the operation follows the schema given for its request body, a described one. */
    public void assertRequestFollows(String method, String path, String mediaType, String body) {
        JsonNode schema = requestSchema(method, path, mediaType);
        String what = method + " " + path + " (request)";
        assertDescribed(schema, what);
        assertBodyFollows(schema, mediaType, body, what);
    }

    /** Fails unless a real answer of the operation follows the schema given for its status and media type, a described one. */
    public void assertAnswerFollows(String method, String path, Response answer) {
        String mediaType = answer.contentType().split(";")[0].strip().toLowerCase(Locale.ROOT);
        String what = method + " " + path + " (" + answer.statusCode() + " " + mediaType + ")";
        JsonNode schema = responseSchema(method, path, answer.statusCode(), mediaType);
        assertDescribed(schema, what);
        assertBodyFollows(schema, mediaType, answer.asString(), what);
    }

    /** Fails unless what a stream sent (SSE data, NDJSON lines) follows the schema given for the operation's answer. */
    public void assertStreamedFollows(String method, String path, String mediaType, List<String> values) {
        String what = method + " " + path + " (" + mediaType + ")";
        JsonNode schema = responseSchema(method, path, 200, mediaType);
        assertDescribed(schema, what);
        assertValuesFollow(schema, values.stream().map(TopicContracts::parse).toList(), what);
    }

    /** Fails unless every example the description gives of a JSON body, or of a stream of JSON, follows its schema. */
    public void assertExamplesFollow() {
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            String what = operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
            List<JsonNode> bodies = new ArrayList<>(List.of(operation.getValue().path("requestBody")));
            operation.getValue().path("responses").forEach(bodies::add);
            bodies.forEach(body -> body.path("content").properties().forEach(content -> {
                String mediaType = content.getKey();
                JsonNode schema = content.getValue().path("schema");
                if (mediaType.contains("json") || mediaType.equals(SSE)) {
                    content.getValue().path("examples").properties().forEach(example -> {
                        JsonNode value = example.getValue().path("value");
                        String named = what + " (example " + example.getKey() + ")";
                        if (value.isTextual()) {
                            assertBodyFollows(schema, mediaType, value.asText(), named);
                        } else {
                            assertFollows(schema, value, named);
                        }
                    });
                }
            }));
        }));
    }

    /** Fails unless a value follows a schema of the description (one it gives, or {@link #component}). */
    public void assertFollows(JsonNode schema, JsonNode value, String what) {
        // the schema with the document's components as its $defs, where its references to them point
        ObjectNode root = JsonNodeFactory.instance.objectNode().put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("$defs", document.path("components").path("schemas"));
        root.putArray("allOf").add(schema);
        JsonNode resolvable = TopicContracts.parse(root.toString().replace("\"" + COMPONENT, "\"#/$defs/"));
        List<String> violations = TopicContracts.violations(TopicContracts.schema(resolvable), value);
        if (!violations.isEmpty()) {
            throw new AssertionError(what + " does not follow its schema in /q/openapi:\n  " + String.join("\n  ", violations)
                    + "\nschema: " + schema + "\nvalue: " + value);
        }
    }

    private void assertBodyFollows(JsonNode schema, String mediaType, String body, String what) {
        if (mediaType.equals(NDJSON)) {
            assertValuesFollow(schema, body.lines().filter(line -> !line.isBlank()).map(TopicContracts::parse).toList(), what);
        } else if (mediaType.equals(SSE)) {
            assertValuesFollow(schema, body.lines().filter(line -> line.startsWith("data:"))
                    .map(line -> TopicContracts.parse(line.substring("data:".length()))).toList(), what);
        } else {
            assertFollows(schema, TopicContracts.parse(body), what);
        }
    }

    /** A stream's values: together where the description gives the stream as an array of them, else each. */
    private void assertValuesFollow(JsonNode schema, List<JsonNode> values, String what) {
        if (schema.path("type").asText().equals("array")) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            values.forEach(array::add);
            assertFollows(schema, array, what);
        } else {
            values.forEach(value -> assertFollows(schema, value, what));
        }
    }

    private JsonNode operation(String method, String path) {
        JsonNode operation = document.path("paths").path(path).path(method.toLowerCase(Locale.ROOT));
        if (operation.isMissingNode()) {
            throw new AssertionError("/q/openapi has no operation " + method + " " + path);
        }
        return operation;
    }

    private static JsonNode schemaIn(JsonNode body, String mediaType, String what) {
        JsonNode schema = body.path("content").path(mediaType).path("schema");
        if (schema.isMissingNode() || schema.isEmpty()) {
            throw new AssertionError(what + " has no schema for " + mediaType + " in /q/openapi: " + body);
        }
        return schema;
    }

    private static void collectComponents(JsonNode schema, List<String> components) {
        String ref = schema.path("$ref").asText("");
        if (ref.startsWith(COMPONENT)) {
            components.add(ref.substring(COMPONENT.length()));
        }
        schema.path("oneOf").forEach(choice -> collectComponents(choice, components));
        schema.path("anyOf").forEach(choice -> collectComponents(choice, components));
    }
}

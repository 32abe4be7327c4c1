package org.rasd.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import org.awaitility.Awaitility;
import org.rasd.testing.SseClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

/** A client of {@code /api/aggregates/stream} that keeps every message it is sent, with its SSE id, until closed. */
public final class StreamClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One SSE event: its id and its data. */
    public record Message(long id, JsonNode data) {

        public String kind() {
            return data.path("kind").asText();
        }

        public long events() {
            return data.path("totals").path("events").asLong();
        }

        public List<String> eventIds() {
            return StreamSupport.stream(data.path("eventIds").spliterator(), false).map(JsonNode::asText).toList();
        }
    }

    private final SseClient sse;

    private StreamClient(SseClient sse) {
        this.sse = sse;
    }

    /** Opens the stream with a query ({@code ""} or {@code "?country=..."}), resuming after an id when one is given. */
    public static StreamClient open(String query, String lastEventId) {
        try {
            return new StreamClient(SseClient.open("http://localhost:" + RestAssured.port + "/api/aggregates/stream" + query, lastEventId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public List<Message> messages() {
        return sse.received().stream().map(event -> new Message(Long.parseLong(event.id()), json(event.data()))).toList();
    }

    /** The first message that matches, once it came. */
    public Message await(Predicate<Message> matching) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> messages().stream().anyMatch(matching));
        return messages().stream().filter(matching).findFirst().orElseThrow();
    }

    @Override
    public void close() {
        sse.close();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}

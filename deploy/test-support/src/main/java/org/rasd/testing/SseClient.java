package org.rasd.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Server-Sent Events client for the tests: it reads events (id, name, data) in the background and keeps them, in
 * order, until closed. {@link #following} makes one that behaves like a browser's {@code EventSource}: when the stream
 * ends (its server was killed) it connects again, with the id of the last event it got as {@code Last-Event-ID}.
 */
public final class SseClient implements AutoCloseable {

    /** One SSE event: its id and name (null when the server sent none) and its data lines, joined. */
    public record Received(String id, String name, String data) {
    }

    private static final Duration RETRY = Duration.ofMillis(500);

    private final URI url;
    private final boolean resumes;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Received> received = new ArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread reader;
    private final int status;
    /** How many of the received events {@link #take} and {@link #more} have handed out. */
    private int handedOut;
    private volatile String lastEventId;
    private volatile InputStream body;
    private volatile boolean closed;

    private SseClient(String url, String lastEventId, boolean resumes) throws IOException, InterruptedException {
        this.url = URI.create(url);
        this.resumes = resumes;
        this.lastEventId = lastEventId;
        HttpResponse<InputStream> first = connect();
        this.status = first.statusCode();
        this.reader = Thread.ofVirtual().name("sse " + url).start(() -> follow(first.body()));
    }

    /** Opens the stream, resuming after {@code lastEventId} when it is not null; it ends when the server ends it. */
    public static SseClient open(String url, String lastEventId) throws IOException, InterruptedException {
        return new SseClient(url, lastEventId, false);
    }

    /** Opens the stream and keeps it open, reconnecting with {@code Last-Event-ID} whenever it ends, until closed. */
    public static SseClient following(String url) throws IOException, InterruptedException {
        SseClient client = new SseClient(url, null, true);
        if (client.status != 200) {
            client.close();
            throw new IOException(url + " answered " + client.status);
        }
        return client;
    }

    /** The status of the first answer. */
    public int status() {
        return status;
    }

    /** Every event received so far, across reconnections, in order. */
    public synchronized List<Received> received() {
        return List.copyOf(received);
    }

    /** How many times it connected: more than once when the server went away and it followed. */
    public int connections() {
        return connections.get();
    }

    /** The next {@code count} events not handed out yet, failing if they do not come in time. */
    public synchronized List<Received> take(int count, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (received.size() < handedOut + count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("only " + (received.size() - handedOut) + " of " + count + " events came within " + patience);
            }
            wait(Math.max(1, left / 1_000_000));
        }
        List<Received> events = List.copyOf(received.subList(handedOut, handedOut + count));
        handedOut += count;
        return events;
    }

    /** What else came within the wait, not handed out yet: nothing, when the stream sent each event once. */
    public List<Received> more(Duration wait) throws InterruptedException {
        Thread.sleep(wait.toMillis());
        synchronized (this) {
            List<Received> rest = List.copyOf(received.subList(handedOut, received.size()));
            handedOut = received.size();
            return rest;
        }
    }

    private HttpResponse<InputStream> connect() throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        connections.incrementAndGet();
        body = response.body();
        return response;
    }

    private void follow(InputStream stream) {
        read(stream);
        while (resumes && !closed) {
            try {
                Thread.sleep(RETRY);
                HttpResponse<InputStream> again = connect();
                if (again.statusCode() == 200) {
                    read(again.body());
                } else {
                    again.body().close();
                }
            } catch (IOException notBackYet) {
                // the server is still down: try again
            } catch (InterruptedException closing) {
                return;
            }
        }
    }

    /** Reads events until the stream ends. */
    private void read(InputStream stream) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String id = null;
            String name = null;
            List<String> data = new ArrayList<>();
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.add(line.substring(5).strip());
                } else if (line.isEmpty() && !data.isEmpty()) {
                    add(new Received(id, name, String.join("\n", data)));
                    id = null;
                    name = null;
                    data.clear();
                }
            }
        } catch (IOException ended) {
            // the server went away, or the stream was closed
        }
    }

    private synchronized void add(Received event) {
        received.add(event);
        if (event.id() != null) {
            lastEventId = event.id();
        }
        notifyAll();
    }

    @Override
    public void close() {
        closed = true;
        InputStream current = body;
        try {
            if (current != null) {
                current.close();
            }
            reader.interrupt();
            reader.join(Duration.ofSeconds(5));
        } catch (IOException alreadyGone) {
            // the stream is closed either way
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            http.shutdownNow();
        }
    }
}

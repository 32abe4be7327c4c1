package org.rasd.catalog;

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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A Server-Sent Events client for the tests: reads events (id, name and data) in the background until closed. */
final class EventStreamReader implements AutoCloseable {

    /** @param name the SSE event name, null for a plain message */
    record Received(String id, String name, String data) {
    }

    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final InputStream body;
    final int status;

    /** @param lastEventId the {@code Last-Event-ID} to resume after, or null */
    EventStreamReader(String url, String lastEventId) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        status = response.statusCode();
        body = response.body();
        Thread.ofVirtual().start(this::read);
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String id = null;
            String name = null;
            StringBuilder data = new StringBuilder();
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                } else if (line.isEmpty() && !data.isEmpty()) {
                    received.add(new Received(id, name, data.toString()));
                    id = null;
                    name = null;
                    data.setLength(0);
                }
            }
        } catch (IOException closed) {
            // the test closed the stream
        }
    }

    /** The next {@code count} events, failing if they do not come in time. */
    List<Received> take(int count, Duration patience) throws InterruptedException {
        List<Received> events = new ArrayList<>();
        long deadline = System.nanoTime() + patience.toNanos();
        while (events.size() < count) {
            Received next = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (next == null) {
                throw new AssertionError("only " + events.size() + " of " + count + " events came within " + patience);
            }
            events.add(next);
        }
        return events;
    }

    /** What else came within the wait: nothing, when the stream sent each event once. */
    List<Received> more(Duration wait) throws InterruptedException {
        Thread.sleep(wait.toMillis());
        List<Received> rest = new ArrayList<>();
        received.drainTo(rest);
        return rest;
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}

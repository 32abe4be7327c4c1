package org.rasd.ingest.feeds;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * A web server of feeds and pages, as a site serves them, from the files of a directory (the test changes them
 * while it runs): ETag and Last-Modified from each file, 304 to a conditional GET of an unchanged one, 404 for a
 * missing one. Beside a file, {@code NAME.status} holding {@code 503 7} makes it answer 503 with Retry-After 7,
 * and {@code NAME.redirect} holding a path makes it redirect there. {@code ${base}} in a file stands for the
 * server's URL. {@code GET /_requests} lists the requests served, one a line.
 */
final class FeedServer implements AutoCloseable {

    /** A request served: what it asked for, the validators it sent (null when none), and the status answered. */
    record Request(String path, String ifNoneMatch, String ifModifiedSince, int status) {

        static Request parse(String line) {
            String[] fields = line.split("\t", -1);
            return new Request(fields[0], nullIfEmpty(fields[1]), nullIfEmpty(fields[2]), Integer.parseInt(fields[3]));
        }

        String line() {
            return String.join("\t", path, ifNoneMatch == null ? "" : ifNoneMatch, ifModifiedSince == null ? "" : ifModifiedSince,
                    Integer.toString(status));
        }

        boolean conditional() {
            return ifNoneMatch != null || ifModifiedSince != null;
        }

        private static String nullIfEmpty(String value) {
            return value.isEmpty() ? null : value;
        }
    }

    private final Path directory;
    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    /** Serves a copy of the fixtures (the classpath folder {@code feeds/}) from a new folder in this directory. */
    static FeedServer ofFixtures(Path parent) {
        try {
            Path directory = Files.createTempDirectory(Files.createDirectories(parent), "feed-server-");
            Path fixtures = Path.of(FeedServer.class.getResource("/feeds").toURI());
            try (Stream<Path> files = Files.walk(fixtures)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Path copy = directory.resolve(fixtures.relativize(file).toString());
                    Files.createDirectories(copy.getParent());
                    Files.copy(file, copy);
                }
            }
            return new FeedServer(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    FeedServer(Path directory) {
        this.directory = directory;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::serve);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + path;
    }

    Path directory() {
        return directory;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(1);
            if (path.equals("_requests")) {
                answer(exchange, 200, "text/plain; charset=UTF-8",
                        String.join("\n", requests.stream().map(Request::line).toList()).getBytes(StandardCharsets.UTF_8));
                return;
            }
            answerFile(exchange, path);
        }
    }

    private void answerFile(HttpExchange exchange, String path) throws IOException {
        Path file = directory.resolve(path).normalize();
        Path status = file.resolveSibling(file.getFileName() + ".status");
        Path redirect = file.resolveSibling(file.getFileName() + ".redirect");
        if (!file.startsWith(directory)) {
            answer(exchange, 403, null, new byte[0]);
            return;
        }
        if (Files.exists(status)) {
            String[] fields = Files.readString(status).strip().split("\\s+");
            if (fields.length > 1) {
                exchange.getResponseHeaders().set("Retry-After", fields[1]);
            }
            answer(exchange, Integer.parseInt(fields[0]), "text/plain", "unavailable".getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (Files.exists(redirect)) {
            exchange.getResponseHeaders().set("Location", url(Files.readString(redirect).strip()));
            answer(exchange, 302, null, new byte[0]);
            return;
        }
        if (!Files.isRegularFile(file)) {
            answer(exchange, 404, "text/plain", "no such file".getBytes(StandardCharsets.UTF_8));
            return;
        }
        byte[] body = Files.readString(file, StandardCharsets.ISO_8859_1).replace("${base}", url("").replaceAll("/$", ""))
                .getBytes(StandardCharsets.ISO_8859_1); // bytes kept as they are, whatever the file's charset
        ZonedDateTime modified = Files.getLastModifiedTime(file).toInstant().atZone(ZoneOffset.UTC);
        String etag = '"' + HexFormat.of().formatHex(sha256(body), 0, 8) + '"';
        exchange.getResponseHeaders().set("ETag", etag);
        exchange.getResponseHeaders().set("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(modified));
        if (unchanged(exchange, etag, modified)) {
            answer(exchange, 304, null, null);
            return;
        }
        answer(exchange, 200, contentType(path), body);
    }

    /** As RFC 9110 has it: If-None-Match when sent, else If-Modified-Since. */
    private static boolean unchanged(HttpExchange exchange, String etag, ZonedDateTime modified) {
        String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
        if (ifNoneMatch != null) {
            return ifNoneMatch.equals(etag);
        }
        String ifModifiedSince = exchange.getRequestHeaders().getFirst("If-Modified-Since");
        try {
            return ifModifiedSince != null
                    && !modified.withNano(0).isAfter(ZonedDateTime.parse(ifModifiedSince, DateTimeFormatter.RFC_1123_DATE_TIME));
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String contentType(String path) {
        if (path.endsWith(".xml")) {
            return "application/xml"; // its charset is in its XML declaration
        }
        if (path.endsWith(".html")) {
            return "text/html; charset=UTF-8";
        }
        return path.endsWith(".pdf") ? "application/pdf" : "application/octet-stream";
    }

    /** Answers, having recorded the request first: a client that has its answer finds its request listed. */
    private int answer(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        String path = exchange.getRequestURI().getPath().substring(1);
        if (!path.equals("_requests")) {
            requests.add(new Request(path, exchange.getRequestHeaders().getFirst("If-None-Match"),
                    exchange.getRequestHeaders().getFirst("If-Modified-Since"), status));
        }
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, body == null || body.length == 0 ? -1 : body.length);
        if (body != null && body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        return status;
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Imports articles into Rasd through ingest, as {@code deploy/import} runs it (with the JDK's source launcher, so
 * no build is needed): NDJSON files in batches ({@code POST /api/articles/batch}), the other files one article each
 * ({@code POST /api/articles}). A state file records what is done after every batch and file, so a run that was
 * stopped goes on where it stopped; anything sent twice is answered as a duplicate anyway.
 */
public class Import {

    static final String USAGE = """
            usage: deploy/import FILE|DIR [--url URL] [--batch N] [--state FILE]

            Imports articles into Rasd through ingest. A directory is walked in sorted order (names starting with a
            dot are left out); by its name, a file is
              .ndjson .jsonl   one JSON article a line, as POST /api/articles takes it; sent in batches
              .json            one JSON article
              .html .htm       one page, sent as text/html (its charset from <meta>, else UTF-8)
              .txt             one article, sent as text/plain (UTF-8, or UTF-16 with a byte-order mark)
            and anything else is skipped.

              --url URL      where ingest is (default $INGEST_URL, else http://localhost:8080)
              --batch N      lines a batch, at most the server's limit (default 200; a batch is also kept under 4 MiB)
              --state FILE   what is done so far (default .rasd-import-state in DIR, or beside FILE); delete it to
                             import everything again

            The key comes from RASD_API_KEY (deploy/import reads data/api-key when it is not set). Progress goes to
            stderr, with every refused article and why; the summary to stdout. Exits 0 when every article was
            answered (refused ones included), 1 when it had to stop (run it again to go on), 2 on bad usage.
            """;

    /** Under the server's default batch limit (8 MiB) by half: a batch it still finds too large is sent in halves. */
    static final long MAX_BATCH_BYTES = 4L << 20;
    /** Tries of one request or line that ingest cannot take yet (429, 5xx, no connection), a pause growing between. */
    static final int ATTEMPTS = 7;

    public static void main(String[] args) throws IOException {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            if (e.getMessage().isEmpty()) {
                System.out.print(USAGE);
                return;
            }
            System.err.println(e.getMessage() + "\n" + USAGE.lines().findFirst().orElseThrow() + " (--help says more)");
            System.exit(2);
            return;
        }
        System.exit(new Import(options).run());
    }

    record Options(Path input, URI url, int batch, Path state, String key) {

        static Options parse(String[] args) {
            Path input = null;
            String url = System.getenv().getOrDefault("INGEST_URL", "http://localhost:8080");
            int batch = 200;
            Path state = null;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "-h", "--help" -> throw new IllegalArgumentException("");
                    case "--url" -> url = value(args, ++i);
                    case "--batch" -> batch = positive(value(args, ++i));
                    case "--state" -> state = Path.of(value(args, ++i));
                    default -> {
                        if (args[i].startsWith("--") || input != null) {
                            throw new IllegalArgumentException("Unknown argument: " + args[i]);
                        }
                        input = Path.of(args[i]);
                    }
                }
            }
            if (input == null) {
                throw new IllegalArgumentException("Say what to import: a file or a directory.");
            }
            if (!Files.exists(input)) {
                throw new IllegalArgumentException("No such file or directory: " + input);
            }
            input = input.toAbsolutePath().normalize();
            String key = System.getenv().getOrDefault("RASD_API_KEY", "");
            if (key.isBlank()) {
                throw new IllegalArgumentException("No API key: set RASD_API_KEY (deploy/run-local keeps one in data/api-key).");
            }
            Path stateFile = state != null ? state.toAbsolutePath()
                    : (Files.isDirectory(input) ? input : input.getParent()).resolve(".rasd-import-state");
            return new Options(input, URI.create(url.replaceAll("/+$", "")), batch, stateFile, key.strip());
        }

        private static String value(String[] args, int i) {
            if (i >= args.length) {
                throw new IllegalArgumentException(args[i - 1] + " needs a value.");
            }
            return args[i];
        }

        private static int positive(String value) {
            try {
                int number = Integer.parseInt(value);
                if (number > 0) {
                    return number;
                }
            } catch (NumberFormatException ignored) {
                // said below
            }
            throw new IllegalArgumentException("--batch takes a number above 0, not " + value);
        }
    }

    /** How a file is sent, by the end of its name. */
    enum Kind {
        NDJSON("application/x-ndjson"), JSON("application/json"), HTML("text/html"), TEXT("text/plain");

        final String mediaType;

        Kind(String mediaType) {
            this.mediaType = mediaType;
        }

        static Kind of(Path file) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".ndjson") || name.endsWith(".jsonl")) {
                return NDJSON;
            }
            if (name.endsWith(".json")) {
                return JSON;
            }
            if (name.endsWith(".html") || name.endsWith(".htm")) {
                return HTML;
            }
            return name.endsWith(".txt") ? TEXT : null;
        }
    }

    /** Ingest could not take what was sent, and waiting did not help: the run stops, to be started again. */
    static final class Stopped extends RuntimeException {
        Stopped(String why) {
            super(why);
        }
    }

    private final Options options;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final State state;
    private Tally tally;

    Import(Options options) throws IOException {
        this.options = options;
        this.state = new State(options.state());
    }

    int run() throws IOException {
        List<Path> allFiles = files(options.input());
        List<Path> articles = allFiles.stream().filter(file -> Kind.of(file) != null).toList();
        long total = 0;
        long earlier = 0;
        for (Path file : articles) {
            long linesDone = state.linesDone(file);
            boolean lines = Kind.of(file) == Kind.NDJSON;
            long left = linesDone == State.WHOLE ? 0 : lines ? articleLines(file, linesDone) : 1;
            total += left;
            earlier += linesDone == 0 ? 0 : (lines ? articleLines(file, 0) : 1) - left;
        }
        tally = new Tally(total, earlier, articles.size(), allFiles.size() - articles.size());
        Thread interrupted = new Thread(() -> report("interrupted."));
        Runtime.getRuntime().addShutdownHook(interrupted); // Ctrl-C: what was done is in the state file already
        String stopped = null;
        try {
            for (Path file : articles) {
                long linesDone = state.linesDone(file);
                if (linesDone != State.WHOLE) {
                    if (Kind.of(file) == Kind.NDJSON) {
                        importLines(file, linesDone);
                    } else {
                        importFile(file);
                    }
                    state.record(file, State.WHOLE);
                }
            }
        } catch (Stopped e) {
            stopped = e.getMessage();
        }
        Runtime.getRuntime().removeShutdownHook(interrupted);
        report(stopped);
        return stopped == null ? 0 : 1;
    }

    /** The summary, on stdout; {@code stopped} says why the run ended early, null when it did not. */
    private void report(String stopped) {
        tally.clearProgress();
        System.out.print(tally.summary());
        System.out.println("State: " + options.state());
        if (stopped != null) {
            System.out.println("Stopped: " + stopped + "\nRun the same command again to go on from where it stopped.");
        }
        System.out.flush();
    }

    /** The files to import, in sorted order; what is named with a leading dot (the state file among it) is left out. */
    private static List<Path> files(Path input) throws IOException {
        if (!Files.isDirectory(input)) {
            return List.of(input);
        }
        try (Stream<Path> walk = Files.walk(input)) {
            return walk.filter(Files::isRegularFile)
                    .filter(file -> { // a dotted directory or file
                        for (Path name : input.relativize(file)) {
                            if (name.toString().startsWith(".")) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .sorted().toList();
        }
    }

    // NDJSON files: batches of lines

    /** A line of an NDJSON file: its number (from 1) and its bytes, as they are. */
    record Line(long number, byte[] bytes) {
    }

    private static long articleLines(Path file, long after) throws IOException {
        long count = 0;
        try (Lines lines = new Lines(file)) {
            for (byte[] line = lines.next(); line != null; line = lines.next()) {
                if (lines.number() > after && !blank(line)) {
                    count++;
                }
            }
        }
        return count;
    }

    private void importLines(Path file, long linesDone) throws IOException {
        List<Line> batch = new ArrayList<>();
        long bytes = 0;
        try (Lines lines = new Lines(file)) {
            for (byte[] line = lines.next(); line != null; line = lines.next()) {
                if (lines.number() <= linesDone || blank(line)) {
                    continue;
                }
                if (!batch.isEmpty() && (batch.size() == options.batch() || bytes + line.length + 1 > MAX_BATCH_BYTES)) {
                    sendBatch(file, batch);
                    state.record(file, batch.getLast().number());
                    batch = new ArrayList<>();
                    bytes = 0;
                }
                batch.add(new Line(lines.number(), line));
                bytes += line.length + 1;
            }
        }
        if (!batch.isEmpty()) {
            sendBatch(file, batch);
        }
    }

    /**
     * Sends the lines as one batch and tallies each answer. Lines ingest could not take yet (over the key's rate,
     * broker down, the answer cut short) are sent again after a pause; a batch too large for the server, in halves.
     */
    private void sendBatch(Path file, List<Line> lines) {
        List<Line> pending = lines;
        for (int attempt = 1; ; attempt++) {
            List<Line> sent = pending;
            Map<Integer, Map<String, Object>> notYet = new TreeMap<>(); // by index, what refused each for now
            boolean[] answered = new boolean[sent.size()];
            Reply reply = send("/api/articles/batch", Kind.NDJSON.mediaType, ndjson(sent), answer -> {
                Map<String, Object> line = Json.object(answer);
                int index = ((Number) line.get("line")).intValue() - 1;
                answered[index] = true;
                Map<String, Object> problem = Json.object(line.get("problem"));
                if (problem == null) {
                    tally.article((String) line.get("status"));
                } else if (worthSendingAgain(status(problem))) {
                    notYet.put(index, problem);
                } else {
                    tally.refused(where(file, sent.get(index).number()), problem);
                }
            });
            if (reply.status() == 413 && sent.size() > 1) {
                sendBatch(file, sent.subList(0, sent.size() / 2));
                sendBatch(file, sent.subList(sent.size() / 2, sent.size()));
                return;
            }
            if (reply.status() == 413) {
                tally.refused(where(file, sent.getFirst().number()), reply.problem());
                return;
            }
            if (reply.status() != 200) {
                throw stopped(reply);
            }
            pending = new ArrayList<>();
            for (int i = 0; i < sent.size(); i++) {
                if (!answered[i] || notYet.containsKey(i)) {
                    pending.add(sent.get(i));
                }
            }
            if (pending.isEmpty()) {
                return;
            }
            if (attempt == ATTEMPTS) {
                Map<String, Object> last = notYet.values().stream().findFirst().orElse(Map.of("detail", "the answer stopped short"));
                throw new Stopped(pending.size() + " lines of " + where(file, 0) + " were not taken after " + ATTEMPTS
                        + " tries: " + last.get("detail"));
            }
            pause(backoff(attempt));
        }
    }

    private static byte[] ndjson(List<Line> lines) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Line line : lines) {
            body.writeBytes(line.bytes());
            body.write('\n');
        }
        return body.toByteArray();
    }

    private static boolean blank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    // Other files: one article each

    private void importFile(Path file) throws IOException {
        StringBuilder body = new StringBuilder();
        Reply reply = send("/api/articles", Kind.of(file).mediaType, Files.readAllBytes(file), body::append);
        if (reply.status() == 202) {
            tally.article((String) Json.object(body.toString()).get("status"));
        } else if (reply.status() / 100 == 4 && !worthSendingAgain(reply.status())) { // a 429 after every try: stop
            tally.refused(where(file, 0), reply.problem());
        } else {
            throw stopped(reply);
        }
    }

    // HTTP

    /** What ingest answered: its status, and the body of anything but a success (a problem). */
    record Reply(int status, String text) {

        Map<String, Object> problem() {
            try {
                return Json.object(text);
            } catch (RuntimeException notAProblem) {
                return Map.of("status", status, "detail", text.isBlank() ? "no detail" : text.strip());
            }
        }
    }

    /**
     * Posts the body and hands each line of a successful answer to {@code onLine} as it arrives. Sends it again,
     * after a pause, while ingest cannot be reached or answers 429 or 5xx for the whole request; the last such
     * answer is returned.
     */
    private Reply send(String path, String mediaType, byte[] body, Consumer<String> onLine) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(options.url() + path))
                .header("Authorization", "Bearer " + options.key())
                .header("Content-Type", mediaType)
                .timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<Stream<String>> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofLines());
            } catch (IOException e) {
                if (attempt == ATTEMPTS) {
                    throw new Stopped("ingest at " + options.url() + " does not answer (" + e + ").");
                }
                pause(backoff(attempt));
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Stopped("interrupted.");
            }
            int status = response.statusCode();
            try (Stream<String> lines = response.body()) {
                if (status / 100 == 2) {
                    lines.forEach(onLine);
                    return new Reply(status, "");
                }
                String text = lines.collect(Collectors.joining("\n"));
                if (!worthSendingAgain(status) || attempt == ATTEMPTS) {
                    return new Reply(status, text);
                }
            } catch (UncheckedIOException cut) {
                return new Reply(status, ""); // the answer stopped short: what it did not answer is sent again
            }
            pause(response.headers().firstValue("Retry-After").map(seconds -> Duration.ofSeconds(Long.parseLong(seconds)))
                    .orElse(backoff(attempt)));
        }
    }

    /** Whether sending the same again later may succeed: over the key's rate, or ingest or its broker in trouble. */
    private static boolean worthSendingAgain(int status) {
        return status == 429 || status >= 500;
    }

    private static int status(Map<String, Object> problem) {
        return problem.get("status") instanceof Number number ? number.intValue() : 0;
    }

    private Stopped stopped(Reply reply) {
        Map<String, Object> problem = reply.problem();
        return new Stopped("ingest answered " + reply.status() + ": " + problem.getOrDefault("detail", problem.get("title")));
    }

    /** 1, 2, 4 ... up to 30 s: the longer the more tries have failed. */
    private static Duration backoff(int attempt) {
        return Duration.ofSeconds(Math.min(30, 1L << Math.min(attempt - 1, 5)));
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped("interrupted.");
        }
    }

    private String where(Path file, long line) {
        String name = Files.isDirectory(options.input()) ? options.input().relativize(file).toString() : file.getFileName().toString();
        return line > 0 ? name + ":" + line : name;
    }

    // What is done: the state file

    /**
     * What earlier runs did, a line per batch or file appended as each is done: {@code <lines done|done> <size>
     * <modified> <path>}. A file whose size or modification time changed since is imported again.
     */
    static final class State {

        static final long WHOLE = Long.MAX_VALUE;

        private final Path file;
        private final Map<Path, String[]> latest = new HashMap<>();

        State(Path file) throws IOException {
            this.file = file;
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file)) {
                    String[] entry = line.split(" ", 4);
                    if (entry.length == 4) {
                        latest.put(Path.of(entry[3]), entry);
                    }
                }
            }
        }

        /** The lines of an NDJSON file imported, {@link #WHOLE} for a file done, 0 for one new or changed. */
        long linesDone(Path source) throws IOException {
            String[] entry = latest.get(source);
            if (entry == null || !entry[1].equals(Long.toString(Files.size(source)))
                    || !entry[2].equals(Long.toString(Files.getLastModifiedTime(source).toMillis()))) {
                return 0;
            }
            return entry[0].equals("done") ? WHOLE : Long.parseLong(entry[0]);
        }

        void record(Path source, long linesDone) throws IOException {
            String[] entry = {linesDone == WHOLE ? "done" : Long.toString(linesDone), Long.toString(Files.size(source)),
                    Long.toString(Files.getLastModifiedTime(source).toMillis()), source.toString()};
            latest.put(source, entry);
            Files.writeString(file, String.join(" ", entry) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        }
    }

    // Progress and summary

    /**
     * Counts by answer, refusals by reason, and the progress line (on stderr, about once a second). Synchronized:
     * the summary of a run interrupted is written by another thread.
     */
    static final class Tally {

        private static final boolean TERMINAL = System.console() != null;

        private final long total;
        private final long earlier;
        private final int files;
        private final int skipped;
        private final long started = System.nanoTime();
        private final Map<String, Long> byStatus = new LinkedHashMap<>();
        private final Map<String, Long> refusals = new TreeMap<>();
        private long done;
        private long refused;
        private long shownAt;
        private boolean progressShown;

        /**
         * @param earlier articles an earlier run did
         * @param skipped files of no kind imported
         */
        Tally(long total, long earlier, int files, int skipped) {
            this.total = total;
            this.earlier = earlier;
            this.files = files;
            this.skipped = skipped;
            for (String status : List.of("accepted", "updated", "duplicate")) {
                byStatus.put(status, 0L);
            }
        }

        synchronized void article(String status) {
            byStatus.merge(status, 1L, Long::sum);
            done++;
            progress();
        }

        synchronized void refused(String where, Map<String, Object> problem) {
            clearProgress();
            System.err.println(where + ": " + status(problem) + " " + problem.getOrDefault("detail", problem.get("title")));
            refusals.merge(reason(problem), 1L, Long::sum);
            refused++;
            done++;
            progress();
        }

        /**
         * A refusal's kind: its status and the first clause of its detail, numbers left out, so that "title has 1200
         * characters" and "title has 1500 characters" count as one reason.
         */
        private static String reason(Map<String, Object> problem) {
            Object detail = problem.getOrDefault("detail", problem.get("title"));
            String clause = String.valueOf(detail).split(": |; ", 2)[0].replaceAll("\\d+", "N");
            return status(problem) + " " + clause;
        }

        private void progress() {
            long now = System.nanoTime();
            if (now - shownAt < 1_000_000_000L && done < total) {
                return;
            }
            shownAt = now;
            double seconds = Math.max(1e-3, (now - started) / 1e9);
            double rate = done / seconds;
            String eta = rate > 0 ? clock((long) ((total - done) / rate)) : "?";
            String line = String.format("%d/%d articles  %.0f/s  ETA %s  (accepted %d, updated %d, duplicate %d, refused %d)",
                    done, total, rate, eta, byStatus.get("accepted"), byStatus.get("updated"), byStatus.get("duplicate"), refused);
            System.err.print(TERMINAL ? "\r\033[K" + line : line + "\n");
            progressShown = TERMINAL;
        }

        synchronized void clearProgress() {
            if (progressShown) {
                System.err.print("\r\033[K");
                progressShown = false;
            }
        }

        synchronized String summary() {
            long seconds = (System.nanoTime() - started) / 1_000_000_000L;
            StringBuilder summary = new StringBuilder(String.format("Sent %d of %d articles from %d files in %s (%.0f/s)%s.%n",
                    done, total, files, clock(seconds), done / Math.max(1e-3, (System.nanoTime() - started) / 1e9),
                    earlier > 0 ? "; " + earlier + " more were done by an earlier run" : ""));
            byStatus.forEach((status, count) -> summary.append(String.format("  %-10s %8d%n", status, count)));
            summary.append(String.format("  %-10s %8d%n", "refused", refused));
            refusals.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(reason -> summary.append(String.format("    %8d  %s%n", reason.getValue(), reason.getKey())));
            if (skipped > 0) {
                summary.append(String.format("Skipped %d file(s) that are not .ndjson, .jsonl, .json, .html, .htm or .txt.%n", skipped));
            }
            return summary.toString();
        }

        private static String clock(long seconds) {
            return seconds >= 3600 ? String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                    : String.format("%d:%02d", seconds / 60, seconds % 60);
        }
    }

    // Reading

    /** The lines of a file as bytes, numbered from 1, without their line feeds: sent as they are, whatever they hold. */
    static final class Lines implements Closeable {

        private final InputStream in;
        private long number;

        Lines(Path file) throws IOException {
            this.in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        }

        /** The next line, or null at the end. */
        byte[] next() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b = in.read();
            if (b == -1) {
                return null;
            }
            for (; b != -1 && b != '\n'; b = in.read()) {
                line.write(b);
            }
            number++;
            return line.toByteArray();
        }

        long number() {
            return number;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** Just enough JSON to read ingest's answers: objects, arrays, strings, numbers, true, false and null. */
    static final class Json {

        private final String text;
        private int at;

        private Json(String text) {
            this.text = text;
        }

        /** An object, from text or as already read; null stays null. */
        @SuppressWarnings("unchecked")
        static Map<String, Object> object(Object value) {
            if (value == null || value instanceof Map) {
                return (Map<String, Object>) value;
            }
            Json json = new Json((String) value);
            Object read = json.value();
            json.space();
            if (!(read instanceof Map) || json.at != json.text.length()) {
                throw new IllegalArgumentException("Not a JSON object: " + value);
            }
            return (Map<String, Object>) read;
        }

        private Object value() {
            space();
            return switch (peek()) {
                case '{' -> object();
                case '[' -> array();
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> number();
            };
        }

        private Map<String, Object> object() {
            Map<String, Object> object = new LinkedHashMap<>();
            expect('{');
            space();
            if (peek() == '}') {
                at++;
                return object;
            }
            do {
                space();
                String name = string();
                space();
                expect(':');
                object.put(name, value());
                space();
            } while (take(','));
            expect('}');
            return object;
        }

        private List<Object> array() {
            List<Object> array = new ArrayList<>();
            expect('[');
            space();
            if (peek() == ']') {
                at++;
                return array;
            }
            do {
                array.add(value());
                space();
            } while (take(','));
            expect(']');
            return array;
        }

        private String string() {
            expect('"');
            StringBuilder string = new StringBuilder();
            for (char c = next(); c != '"'; c = next()) {
                if (c != '\\') {
                    string.append(c);
                    continue;
                }
                char escaped = next();
                switch (escaped) {
                    case 'n' -> string.append('\n');
                    case 't' -> string.append('\t');
                    case 'r' -> string.append('\r');
                    case 'b' -> string.append('\b');
                    case 'f' -> string.append('\f');
                    case 'u' -> {
                        string.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        at += 4;
                    }
                    default -> string.append(escaped); // " \ /
                }
            }
            return string.toString();
        }

        private Number number() {
            int start = at;
            while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            if (start == at) {
                throw new IllegalArgumentException("Unexpected '" + peek() + "' at " + at + " in " + text);
            }
            return Double.parseDouble(text.substring(start, at));
        }

        private Object literal(String word, Object value) {
            if (!text.startsWith(word, at)) {
                throw new IllegalArgumentException("Expected " + word + " at " + at + " in " + text);
            }
            at += word.length();
            return value;
        }

        private void space() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private char peek() {
            if (at >= text.length()) {
                throw new IllegalArgumentException("Unexpected end of " + text);
            }
            return text.charAt(at);
        }

        private char next() {
            char c = peek();
            at++;
            return c;
        }

        private boolean take(char c) {
            if (at < text.length() && text.charAt(at) == c) {
                at++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (next() != c) {
                throw new IllegalArgumentException("Expected '" + c + "' at " + (at - 1) + " in " + text);
            }
        }
    }
}

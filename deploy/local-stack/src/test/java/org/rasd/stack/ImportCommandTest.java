package org.rasd.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
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
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code deploy/import}, the bulk import command, run as the README says a user runs it, against a stack of the
 * built services: a directory of NDJSON, JSON, HTML and text files goes into the catalog, with a summary that counts
 * what ingest answered; a second run does nothing; changed files are sent again; and a run that was stopped (by an
 * answer it cannot get past, or by SIGTERM, as Ctrl-C would) goes on where it stopped, losing and repeating nothing.
 * Where the test needs to see or steer what reaches ingest, the command is pointed at a {@link Gate} in front of it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImportCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path REPOSITORY = repositoryRoot();
    private static final Path COMMAND = REPOSITORY.resolve("deploy/import");
    private static final String STATE_FILE = ".rasd-import-state";
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);

    // The mixed directory: a wire service's NDJSON, a ministry statement as JSON, a web page and a plain text.
    private static final String URL_RABAT = "https://akhbar.example/2025/03/04/rabat-madrid-interior";
    private static final String URL_TUNIS = "https://akhbar.example/2025/03/12/tunis-rome-coast";
    private static final String URL_AMMAN = "https://akhbar.example/2025/03/17/amman-berlin-mou";
    private static final String URL_NOUAKCHOTT = "https://akhbar.example/2025/04/02/nouakchott-brussels-borders";
    private static final String URL_CAIRO = "https://interior.example/statements/2025-03-20-cairo-paris";
    private static final String URL_HIDDEN = "https://akhbar.example/2025/03/30/beirut-athens-draft";
    private static final String RABAT = article(URL_RABAT, "الرباط - استقبل وزير الداخلية المغربي، يوم الثلاثاء 4 مارس 2025 "
            + "بالرباط، وزير الداخلية الإسباني، وبحث الجانبان تعزيز التعاون في مكافحة شبكات تهريب المخدرات والهجرة غير "
            + "النظامية. واتفق الوزيران على تكثيف تبادل المعلومات بين أجهزة الأمن في البلدين.");
    private static final String TUNIS = article(URL_TUNIS, "تونس - أجرى وزير الداخلية التونسي، يوم الأربعاء 12 مارس 2025 "
            + "بتونس العاصمة، مباحثات مع نظيره الإيطالي تناولت مراقبة السواحل وتفكيك شبكات الاتجار بالبشر. وأعلن الوزيران "
            + "تشكيل لجنة أمنية مشتركة تجتمع كل ثلاثة أشهر.");
    private static final String AMMAN = article(URL_AMMAN, "عمان - استقبل وزير الداخلية الأردني، يوم الاثنين 17 مارس 2025 "
            + "في عمان، وزير الداخلية الألماني، ووقع الجانبان مذكرة تفاهم في مجال مكافحة الإرهاب وتمويله تنص على برامج "
            + "تدريب مشتركة لعناصر الشرطة.");
    private static final String NOUAKCHOTT = article(URL_NOUAKCHOTT, "نواكشوط - استقبل وزير الداخلية الموريتاني، يوم "
            + "الأربعاء 2 أبريل 2025 بنواكشوط، وزير الداخلية البلجيكي، وتناول اللقاء التعاون في مراقبة الحدود ومحاربة "
            + "شبكات تهريب المهاجرين.");
    private static final String CAIRO_TEXT = "القاهرة - استقبل وزير الداخلية المصري، يوم الخميس 20 مارس 2025 بالقاهرة، "
            + "وزير الداخلية الفرنسي والوفد المرافق له، وناقش الجانبان التعاون في تأمين المطارات ومكافحة الجريمة المنظمة "
            + "العابرة للحدود.";
    private static final String CAIRO_CORRECTION = " وأكد الوزيران في ختام اللقاء أهمية مواصلة التنسيق الأمني بين البلدين.";
    private static final String ALGIERS_TITLE = "الجزائر والبرتغال تبحثان تعزيز التعاون الأمني";
    private static final String RIYADH_PHRASE = "وبحث معه سبل تطوير التعاون الأمني";
    private static final String BROKEN_LINE = "{\"url\": \"https://akhbar.example/2025/03/14/broken\", \"text\": \"وزير الداخلية";
    private static final String NO_TEXT_LINE = "{\"url\":\"https://akhbar.example/2025/03/15/headline-only\",\"title\":\"عنوان بلا نص\"}";

    private static final int BULK_LINES = 60;
    private static final int BULK_BATCH = 10;
    private static final List<String> BULK_PARTNERS = List.of("الإسباني", "الفرنسي", "البلجيكي", "البرتغالي", "الألماني",
            "الإيطالي", "الهولندي", "البريطاني", "اليوناني", "المالطي");

    private static final List<String> deaths = new CopyOnWriteArrayList<>();
    private static LocalStack stack;
    private static Gate gate;
    private static Path mixed;
    private static Path bulk;

    @BeforeAll
    static void startStack() throws IOException {
        stack = LocalStack.start(StackFixture.HOME, StackFixture.newDataDirectory(), StackFixture.freshPorts(), deaths::add);
        gate = new Gate(stack.url(LocalStack.Service.INGEST));
    }

    @AfterAll
    static void stopStack() {
        if (gate != null) {
            gate.close();
        }
        if (stack != null) {
            stack.close();
        }
        assertTrue(deaths.isEmpty(), "services died during the test: " + deaths);
    }

    @Test
    @Order(0)
    void badUsageExitsWithTwoAndHelpWithZero() throws Exception {
        Path empty = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "import-usage-");
        Map<String, String> withKey = Map.of("RASD_API_KEY", stack.apiKey());

        Run help = run(withKey, "--help");
        assertEquals(0, help.exit(), help.toString());
        assertTrue(help.out().startsWith("usage: deploy/import FILE|DIR"), help.toString());

        Run nothing = run(withKey);
        assertEquals(2, nothing.exit(), nothing.toString());
        assertTrue(nothing.err().contains("Say what to import"), nothing.toString());

        Run missing = run(withKey, empty.resolve("no-such-dir").toString());
        assertEquals(2, missing.exit(), missing.toString());
        assertTrue(missing.err().contains("No such file or directory"), missing.toString());

        Run badBatch = run(withKey, empty.toString(), "--batch", "0");
        assertEquals(2, badBatch.exit(), badBatch.toString());

        // neither RASD_API_KEY nor an api-key file in the data directory
        Run noKey = run(Map.of("RASD_DATA_DIR", empty.toString()), empty.toString());
        assertEquals(2, noKey.exit(), noKey.toString());
        assertTrue(noKey.err().contains("No API key"), noKey.toString());
        assertFalse(Files.exists(empty.resolve(STATE_FILE)), "a refused command leaves no state");
    }

    @Test
    @Order(1)
    void aDirectoryOfMixedFilesIsImportedAndSummed() throws Exception {
        mixed = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "import-mixed-");
        Files.writeString(mixed.resolve("a-wire.ndjson"), String.join("\n", RABAT, TUNIS, BROKEN_LINE, "", RABAT,
                NO_TEXT_LINE, AMMAN) + "\n");
        Files.writeString(mixed.resolve("b-statement.json"), cairo(CAIRO_TEXT));
        Files.writeString(mixed.resolve("c-page.html"), """
                <!DOCTYPE html>
                <html lang="ar" dir="rtl">
                <head><meta charset="utf-8"><title>%s | أخبار المغرب العربي</title></head>
                <body>
                <nav><a href="/">الرئيسية</a> <a href="/security">أمن</a></nav>
                <article>
                <h1>%s</h1>
                <p>الجزائر - استقبل وزير الداخلية الجزائري، يوم الأحد 23 مارس 2025 بالجزائر العاصمة، وزير الداخلية البرتغالي،
                وتباحث الطرفان في سبل تعزيز التعاون لمكافحة الهجرة غير الشرعية وتبادل الخبرات في مجال الحماية المدنية.</p>
                <p>وأشار بيان للوزارة إلى أن الزيارة تندرج في إطار تنفيذ اتفاق التعاون الأمني الموقع بين البلدين.</p>
                </article>
                <footer>جميع الحقوق محفوظة</footer>
                </body>
                </html>
                """.formatted(ALGIERS_TITLE, ALGIERS_TITLE));
        Files.writeString(mixed.resolve("d-note.txt"), "الرياض - استقبل وزير الداخلية السعودي، يوم الثلاثاء 25 مارس 2025 في "
                + "الرياض، وزير الداخلية البريطاني، " + RIYADH_PHRASE + " بين البلدين، ولا سيما في مجالي مكافحة الإرهاب "
                + "والأمن السيبراني.\n");
        Files.writeString(mixed.resolve("notes.md"), "# ملاحظات التحرير\nليست مقالا.\n");
        Files.writeString(mixed.resolve(".hidden.json"), article(URL_HIDDEN, "بيروت - مسودة لم تنشر عن لقاء وزير الداخلية "
                + "اللبناني بنظيره اليوناني."));

        // the key from the data directory, as deploy/run-local leaves it; ingest named by --url
        Run run = run(Map.of("RASD_DATA_DIR", stack.apiKeyPath().getParent().toString()),
                mixed.toString(), "--url", stack.url(LocalStack.Service.INGEST));

        assertEquals(0, run.exit(), "every article answered: " + run);
        Summary summary = Summary.of(run);
        assertEquals(9, summary.sent(), run.toString());
        assertEquals(9, summary.total(), run.toString());
        assertEquals(4, summary.files(), "the dot-file is left out, notes.md is not an article file: " + run);
        assertEquals(0, summary.earlier(), run.toString());
        assertEquals(Map.of("accepted", 6L, "updated", 0L, "duplicate", 1L, "refused", 2L), summary.counts(), run.toString());
        assertEquals(Map.of("400 The body is not valid JSON for an article", 1L, "422 The article has no text", 1L),
                summary.reasons(), run.toString());
        assertTrue(run.out().contains("Skipped 1 file(s) that are not"), run.toString());
        assertTrue(run.out().contains("State: " + mixed.resolve(STATE_FILE)), run.toString());
        assertFalse(run.out().contains("Stopped:"), run.toString());
        // each refusal named by its file and line (the blank line 4 counted) on stderr
        assertTrue(run.err().contains("a-wire.ndjson:3: 400 The body is not valid JSON for an article"), run.toString());
        assertTrue(run.err().contains("a-wire.ndjson:6: 422 The article has no text"), run.toString());

        assertEquals(Map.of("a-wire.ndjson", "done", "b-statement.json", "done", "c-page.html", "done", "d-note.txt", "done"),
                state(mixed), "every article file recorded done, nothing else");

        List<JsonNode> stored = awaitStored(6);
        List<String> urls = stored.stream().map(a -> a.path("url").asText(null)).toList();
        for (String url : List.of(URL_RABAT, URL_TUNIS, URL_AMMAN, URL_CAIRO)) {
            assertTrue(urls.contains(url), url + " stored: " + urls);
        }
        assertNotNull(find(stored, a -> a.path("title").asText().equals(ALGIERS_TITLE)), "the page stored with its headline");
        assertNotNull(find(stored, a -> a.path("text").asText().contains(RIYADH_PHRASE)), "the text file stored");
        assertFalse(urls.contains(URL_HIDDEN), "the dot-file is not imported");
    }

    @Test
    @Order(2)
    void aSecondRunSendsNothing() throws Exception {
        String stateBefore = Files.readString(mixed.resolve(STATE_FILE));
        gate.passAll();

        // the key from RASD_API_KEY, ingest from INGEST_URL: here the gate, which sees every request
        Run run = run(Map.of("RASD_API_KEY", stack.apiKey(), "INGEST_URL", gate.url()), mixed.toString());

        assertEquals(0, run.exit(), run.toString());
        Summary summary = Summary.of(run);
        assertEquals(0, summary.sent(), run.toString());
        assertEquals(0, summary.total(), run.toString());
        assertEquals(9, summary.earlier(), "every article the first run answered: " + run);
        assertEquals(Map.of("accepted", 0L, "updated", 0L, "duplicate", 0L, "refused", 0L), summary.counts(), run.toString());
        assertEquals(List.of(), gate.requests(), "nothing posted again");
        assertEquals(stateBefore, Files.readString(mixed.resolve(STATE_FILE)), "nothing more recorded");
        assertEquals(6, storedArticles().size());
    }

    @Test
    @Order(3)
    void filesChangedSinceAreSentAgainAndWhatTheCatalogHoldsIsADuplicate() throws Exception {
        Files.writeString(mixed.resolve("a-wire.ndjson"), NOUAKCHOTT + "\n", StandardOpenOption.APPEND);
        Files.writeString(mixed.resolve("b-statement.json"), cairo(CAIRO_TEXT + CAIRO_CORRECTION));
        gate.passAll();

        Run run = run(Map.of("RASD_API_KEY", stack.apiKey()), mixed.toString(), "--url", gate.url());

        assertEquals(0, run.exit(), run.toString());
        Summary summary = Summary.of(run);
        assertEquals(8, summary.sent(), "the two changed files again, whole: " + run);
        assertEquals(8, summary.total(), run.toString());
        assertEquals(2, summary.earlier(), "the page and the text, unchanged: " + run);
        // the three wire articles (one of them twice) are held as they are; the statement was corrected
        assertEquals(Map.of("accepted", 1L, "updated", 1L, "duplicate", 4L, "refused", 2L), summary.counts(), run.toString());
        assertEquals(List.of("/api/articles/batch", "/api/articles"), gate.requests());

        List<JsonNode> stored = awaitStored(7);
        assertTrue(stored.stream().anyMatch(a -> URL_NOUAKCHOTT.equals(a.path("url").asText(null))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertTrue(find(storedArticles(),
                a -> URL_CAIRO.equals(a.path("url").asText(null))).path("text").asText().contains("مواصلة التنسيق الأمني"),
                "the corrected statement replaced the first"));
    }

    @Test
    @Order(4)
    void aPersistentlyThrottledFileStopsTheRunAndIsNotRecordedDone() throws Exception {
        Path throttled = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "import-throttled-");
        Files.writeString(throttled.resolve("statement.json"), article("https://interior.example/statements/throttled",
                "الرباط - استقبل وزير الداخلية المغربي بالرباط وزير الداخلية الهولندي لبحث التعاون الأمني."));
        gate.throttle(); // every request answered 429 with Retry-After: 0, so the seven tries take no time

        Run run = run(Map.of("RASD_API_KEY", stack.apiKey()), throttled.toString(), "--url", gate.url());

        assertEquals(1, run.exit(), "a file ingest could not take yet stops the run: " + run);
        Summary summary = Summary.of(run);
        assertEquals(0, summary.sent(), run.toString());
        assertEquals(Map.of("accepted", 0L, "updated", 0L, "duplicate", 0L, "refused", 0L), summary.counts(),
                "not refused: it can be sent again: " + run);
        assertTrue(run.out().contains("Stopped: ingest answered 429"), run.toString());
        assertEquals(7, gate.requests().size(), "sent seven times");
        assertEquals(Map.of(), state(throttled), "not recorded done, so the next run sends it");
    }

    @Test
    @Order(5)
    void aStoppedAndAnInterruptedRunGoOnWhereTheyStoppedLosingAndRepeatingNothing() throws Exception {
        bulk = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "import-bulk-");
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= BULK_LINES; i++) {
            lines.add(bulkArticle(i));
        }
        Files.writeString(bulk.resolve("wire.ndjson"), String.join("\n", lines) + "\n");
        Map<String, String> key = Map.of("RASD_API_KEY", stack.apiKey());
        String batch = Integer.toString(BULK_BATCH);

        // 1. ingest takes two batches, then refuses the key: the run stops, exit 1, what was done recorded
        gate.pass(2, Gate.Then.REFUSE);
        Run stopped = run(key, bulk.toString(), "--url", gate.url(), "--batch", batch);
        assertEquals(1, stopped.exit(), stopped.toString());
        Summary first = Summary.of(stopped);
        assertEquals(20, first.sent(), stopped.toString());
        assertEquals(BULK_LINES, first.total(), stopped.toString());
        assertEquals(Map.of("accepted", 20L, "updated", 0L, "duplicate", 0L, "refused", 0L), first.counts(), stopped.toString());
        assertTrue(stopped.out().contains("Stopped: ingest answered 401: The key was revoked."), stopped.toString());
        assertTrue(stopped.out().contains("Run the same command again to go on from where it stopped."), stopped.toString());
        assertEquals(3, gate.requests().size());
        assertEquals(Map.of("wire.ndjson", "20"), state(bulk));

        // 2. it goes on from line 21; two batches later it waits on ingest and gets SIGTERM, as Ctrl-C would send
        gate.pass(2, Gate.Then.HOLD);
        Started started = start(key, bulk.toString(), "--url", gate.url(), "--batch", batch);
        try {
            assertTrue(gate.awaitHolding(RUN_TIMEOUT), "the fifth batch reaches the gate");
            assertEquals(Map.of("wire.ndjson", "40"), state(bulk), "two more batches recorded before the fifth is sent");
            started.process().destroy();
            assertTrue(started.process().waitFor(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS), "the importer ends on SIGTERM");
        } finally {
            started.process().destroyForcibly();
            gate.release();
        }
        Run interrupted = started.run();
        assertEquals(128 + 15, interrupted.exit(), "ended by the signal: " + interrupted);
        Summary second = Summary.of(interrupted);
        assertEquals(20, second.sent(), interrupted.toString());
        assertEquals(40, second.total(), "what the first run left: " + interrupted);
        assertEquals(20, second.earlier(), interrupted.toString());
        assertEquals(Map.of("accepted", 20L, "updated", 0L, "duplicate", 0L, "refused", 0L), second.counts(), interrupted.toString());
        assertTrue(interrupted.out().contains("Stopped: interrupted."), "the summary printed on the way out: " + interrupted);
        assertEquals(Map.of("wire.ndjson", "40"), state(bulk), "the batch it was killed on is not recorded");

        // 3. straight to ingest: the last two batches, nothing more
        Run last = run(key, bulk.toString(), "--url", stack.url(LocalStack.Service.INGEST), "--batch", batch);
        assertEquals(0, last.exit(), last.toString());
        Summary third = Summary.of(last);
        assertEquals(20, third.sent(), last.toString());
        assertEquals(20, third.total(), last.toString());
        assertEquals(40, third.earlier(), last.toString());
        assertEquals(Map.of("accepted", 20L, "updated", 0L, "duplicate", 0L, "refused", 0L), third.counts(),
                "no line was sent twice: " + last);
        assertEquals(Map.of("wire.ndjson", "done"), state(bulk));

        // every line stored once, and every stored event counted once
        List<JsonNode> stored = awaitStored(7 + BULK_LINES);
        List<String> bulkUrls = stored.stream().map(a -> a.path("url").asText(""))
                .filter(url -> url.startsWith("https://bulk.example/")).sorted().toList();
        assertEquals(IntStream.rangeClosed(1, BULK_LINES).mapToObj(ImportCommandTest::bulkUrl).sorted().toList(),
                bulkUrls);
        StackFixture.assertStoredAndCountedOnce(stack, stored.stream().map(a -> a.path("id").asText()).toList(),
                Duration.ofSeconds(60));
    }

    // The articles

    private static String article(String url, String text) {
        try {
            return JSON.writeValueAsString(Map.of("url", url, "text", text));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The ministry statement, as a JSON file with a title and a publication date. */
    private static String cairo(String text) throws IOException {
        Map<String, String> statement = new LinkedHashMap<>();
        statement.put("url", URL_CAIRO);
        statement.put("title", "وزير الداخلية يستقبل نظيره الفرنسي");
        statement.put("publishedAt", "2025-03-20");
        statement.put("text", text);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(statement);
    }

    private static String bulkUrl(int i) {
        return "https://bulk.example/2025/05/visit-" + i;
    }

    private static String bulkArticle(int i) {
        String partner = BULK_PARTNERS.get(i % BULK_PARTNERS.size());
        String text = i % 2 == 0
                ? "الرباط - استقبل وزير الداخلية المغربي بالرباط وزير الداخلية " + partner + "، وبحث الجانبان تنسيق "
                  + "الجهود في مكافحة الإرهاب والجريمة المنظمة. وهذه هي الزيارة رقم " + i + " في سجل التعاون."
                : "تونس - أجرى وزير الداخلية التونسي مباحثات مع نظيره " + partner + " حول مراقبة الحدود البحرية "
                  + "وتبادل المعلومات الأمنية. وهذا هو اللقاء رقم " + i + " بين الجانبين.";
        return article(bulkUrl(i), text);
    }

    // The catalog

    /** Every article the catalog stores, following its cursor page by page. */
    private static List<JsonNode> storedArticles() throws IOException {
        List<JsonNode> stored = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().baseUri(stack.url(LocalStack.Service.CATALOG)).queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonNode page = JSON.readTree(request.get("/api/articles").then().statusCode(200).extract().asString());
            page.path("items").forEach(stored::add);
            cursor = page.path("nextCursor").asText(null);
        } while (cursor != null);
        return stored;
    }

    /** Waits until the catalog stores this many articles, then checks it stores no more. */
    private static List<JsonNode> awaitStored(int count) throws IOException {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> storedArticles().size() >= count);
        List<JsonNode> stored = storedArticles();
        assertEquals(count, stored.size(), "articles stored");
        assertEquals(count, stored.stream().map(a -> a.path("id").asText()).distinct().count(), "each stored once");
        return stored;
    }

    private static JsonNode find(List<JsonNode> articles, Predicate<JsonNode> test) {
        return articles.stream().filter(test).findFirst().orElse(null);
    }

    // The command

    /** The repository's root, where {@code deploy/import} is: the nearest directory above this module that has it. */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("deploy/import")) && Files.isRegularFile(dir.resolve("deploy/importer/Import.java"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No deploy/import above " + Path.of("").toAbsolutePath());
    }

    /** What a run wrote and how it ended. */
    record Run(int exit, String out, String err) {

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** A run under way, its stdout and stderr going to files in {@code outputs}. */
    record Started(Process process, Path outputs) {

        /** What the run, ended, wrote and how it ended. */
        Run run() throws IOException {
            return new Run(process.exitValue(), Files.readString(outputs.resolve("out"), StandardCharsets.UTF_8),
                    Files.readString(outputs.resolve("err"), StandardCharsets.UTF_8));
        }
    }

    /** Runs {@code deploy/import} with these arguments to its end. */
    private static Run run(Map<String, String> environment, String... arguments) throws IOException, InterruptedException {
        Started started = start(environment, arguments);
        if (!started.process().waitFor(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            started.process().destroyForcibly().waitFor();
            fail("deploy/import did not end within " + RUN_TIMEOUT + ": " + started.run());
        }
        return started.run();
    }

    /**
     * Starts {@code deploy/import} from the repository's root, as the README has it, with its output in files, with
     * none of the variables it reads but those given (and a UTF-8 locale, so numbers are written the same anywhere).
     */
    private static Started start(Map<String, String> environment, String... arguments) throws IOException {
        Path outputs = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "import-run-");
        List<String> command = new ArrayList<>(List.of(COMMAND.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(REPOSITORY.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(outputs.resolve("out").toFile()).redirectError(outputs.resolve("err").toFile());
        Map<String, String> env = builder.environment();
        for (String variable : List.of("RASD_API_KEY", "INGEST_URL", "RASD_DATA_DIR", "LANG", "LANGUAGE")) {
            env.remove(variable);
        }
        env.put("LC_ALL", "C.UTF-8");
        env.putAll(environment);
        return new Started(builder.start(), outputs);
    }

    /** The state file's latest entry for each file, by file name: "done", or the lines done. */
    private static Map<String, String> state(Path directory) throws IOException {
        Path file = directory.resolve(STATE_FILE);
        Map<String, String> latest = new HashMap<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                String[] entry = line.split(" ", 4);
                assertEquals(4, entry.length, "a state line: " + line);
                latest.put(directory.relativize(Path.of(entry[3])).toString(), entry[0]);
            }
        }
        return latest;
    }

    /** The summary on stdout: what was sent of how many, the counts by answer and the refusals by reason. */
    record Summary(long sent, long total, int files, long earlier, Map<String, Long> counts, Map<String, Long> reasons) {

        private static final Pattern HEAD = Pattern.compile(
                "Sent (\\d+) of (\\d+) articles from (\\d+) files in \\d+:\\d\\d \\(\\d+/s\\)(?:; (\\d+) more were done by an earlier run)?\\.");
        private static final Pattern COUNT = Pattern.compile(" {2}(accepted|updated|duplicate|refused) +(\\d+)");
        private static final Pattern REASON = Pattern.compile(" {4} *(\\d+) {2}(\\d{3} .+)");

        static Summary of(Run run) {
            Matcher head = HEAD.matcher(run.out());
            assertTrue(head.find(), "a summary on stdout: " + run);
            Map<String, Long> counts = new HashMap<>();
            Map<String, Long> reasons = new HashMap<>();
            for (String line : run.out().lines().toList()) {
                Matcher count = COUNT.matcher(line);
                Matcher reason = REASON.matcher(line);
                if (count.matches()) {
                    counts.put(count.group(1), Long.parseLong(count.group(2)));
                } else if (reason.matches()) {
                    reasons.put(reason.group(2), Long.parseLong(reason.group(1)));
                }
            }
            return new Summary(Long.parseLong(head.group(1)), Long.parseLong(head.group(2)), Integer.parseInt(head.group(3)),
                    head.group(4) == null ? 0 : Long.parseLong(head.group(4)), counts, reasons);
        }
    }

    /**
     * A stand-in for ingest's address: passes requests on to ingest and records their paths; after a number of them
     * it refuses the key ({@code 401}) or holds the request unanswered, as ingest would under a revoked key or a hang;
     * or it answers {@code 429} with {@code Retry-After: 0} to everything, a key over its rate that never recovers.
     */
    static final class Gate implements AutoCloseable {

        enum Then { REFUSE, HOLD }

        private final String ingest;
        private final HttpServer server;
        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final List<String> requests = new CopyOnWriteArrayList<>();
        private volatile int passing;
        private volatile Then then;
        private volatile boolean throttling;
        private volatile CountDownLatch holding = new CountDownLatch(1);
        private volatile CountDownLatch released = new CountDownLatch(1);

        Gate(String ingest) throws IOException {
            this.ingest = ingest;
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/", this::handle);
            server.start();
            passAll();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        /** The paths posted to since the gate was last set, in order. */
        List<String> requests() {
            return List.copyOf(requests);
        }

        void passAll() {
            pass(Integer.MAX_VALUE, Then.REFUSE);
        }

        /** Passes on the next {@code count} requests, then refuses or holds each one after. */
        synchronized void pass(int count, Then then) {
            released.countDown();
            requests.clear();
            passing = count;
            this.then = then;
            this.throttling = false;
            this.holding = new CountDownLatch(1);
            this.released = new CountDownLatch(1);
        }

        synchronized void throttle() {
            pass(0, Then.REFUSE);
            throttling = true;
        }

        boolean awaitHolding(Duration patience) throws InterruptedException {
            return holding.await(patience.toMillis(), TimeUnit.MILLISECONDS);
        }

        void release() {
            released.countDown();
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                int number;
                synchronized (this) {
                    requests.add(exchange.getRequestURI().getPath());
                    number = requests.size();
                }
                if (throttling) {
                    exchange.getResponseHeaders().set("Retry-After", "0");
                    problem(exchange, 429, "Too Many Requests", "This key's writes are over its rate limit; wait 1 s.");
                } else if (number <= passing) {
                    forward(exchange, body);
                } else {
                    if (then == Then.HOLD) {
                        CountDownLatch release = released;
                        holding.countDown();
                        release.await(RUN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                    }
                    problem(exchange, 401, "Unauthorized", "The key was revoked.");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException clientGone) {
                // the importer was killed while its request was held
            }
        }

        private void forward(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ingest + exchange.getRequestURI()))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            for (String header : List.of("Authorization", "Content-Type")) {
                String value = exchange.getRequestHeaders().getFirst(header);
                if (value != null) {
                    request.header(header, value);
                }
            }
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            for (String header : List.of("Content-Type", "Retry-After", "Location")) {
                response.headers().firstValue(header).ifPresent(value -> exchange.getResponseHeaders().set(header, value));
            }
            send(exchange, response.statusCode(), response.body());
        }

        private static void problem(HttpExchange exchange, int status, String title, String detail) throws IOException {
            exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
            send(exchange, status, JSON.writeValueAsBytes(Map.of("type", "about:blank", "title", title, "status", status,
                    "detail", detail)));
        }

        private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
        }

        @Override
        public void close() {
            released.countDown();
            server.stop(0);
        }
    }

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }
}

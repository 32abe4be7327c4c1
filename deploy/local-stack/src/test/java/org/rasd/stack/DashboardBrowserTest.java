package org.rasd.stack;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The analyst's dashboard in a real browser (Debian's headless chromium through its chromedriver) against a
 * local stack holding the gold seed articles and two corpus reports of one act: what it shows is what the APIs
 * answer, it follows new articles without a reload, across restarts of both services it listens to, in Arabic
 * and in English.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** A killed consumer's partitions go to the one started after it only when the group gives it up for dead. */
    /** ECharts animates a change for 1 s by default. */
    private static final Duration CHART_TRANSITIONS = Duration.ofMillis(1500);
    private static final Duration AFTER_RESTART_PATIENCE = Duration.ofMinutes(2);
    /** The interior minister receives his Portuguese counterpart: Portugal is in no article posted before. */
    private static final String PORTUGAL_ARTICLE =
            "استقبل المدير العام للأمن الوطني، اليوم بالرباط، وزير الداخلية البرتغالي في إطار التعاون الشرطي.";
    private static final String PORTUGAL_CUE = "البرتغالي";

    private static LocalStack stack;
    private static final List<String> deaths = new CopyOnWriteArrayList<>();
    private static WebDriver browser;

    @BeforeAll
    static void startStackWithArticlesAndBrowser() throws IOException {
        stack = LocalStack.start(StackFixture.HOME, StackFixture.newDataDirectory(), StackFixture.freshPorts(), deaths::add);
        List<String> bodies = new ArrayList<>();
        for (Path gold : StackFixture.goldFiles()) {
            bodies.add(StackFixture.goldArticle(gold));
        }
        bodies.addAll(StackFixture.zambiaReports());
        for (String body : bodies) {
            StackFixture.ingest(stack).contentType("application/json").body(body).post("/api/articles").then().statusCode(202);
        }
        awaitEverythingCounted();

        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium")
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1900");
        // Debian's driver, named outright: Selenium Manager would otherwise try to download one
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).build(),
                options);
        browser.get(stack.dashboardUrl());
    }

    @AfterAll
    static void stopBrowserAndStack() {
        if (browser != null) {
            browser.quit();
        }
        if (stack != null) {
            stack.close();
        }
        assertTrue(deaths.isEmpty(), "services died during the test: " + deaths);
    }

    @Test
    @Order(1)
    void theMapTableThemesSeriesAndFeedShowWhatTheApisAnswer() {
        awaitPageShowsCurrentCounts();

        List<Map<String, Object>> themes = analytics().get("/api/aggregates/themes").jsonPath().getList("themes");
        List<Long> themeIncidents = themes.stream().filter(theme -> number(theme.get("incidents")) > 0)
                .sorted(Comparator.comparing((Map<String, Object> theme) -> -number(theme.get("incidents")))
                        .thenComparing(theme -> (String) theme.get("code")))
                .map(theme -> number(theme.get("incidents"))).toList();
        assertEquals(themeIncidents, numbers(chartSeries("themes", 0)), "one bar a theme, longest first");

        JsonPath series = analytics().queryParams(Map.of("interval", "month", "from", formValue("from"), "to", formValue("to")))
                .get("/api/series").then().statusCode(200).extract().jsonPath();
        assertEquals(series.getList("buckets.start"), chartAxis("series"));
        assertEquals(numbers(series.getList("buckets.incidents")), numbers(chartSeries("series", 0)));
        assertTrue(numbers(chartSeries("series", 0)).stream().anyMatch(incidents -> incidents > 0),
                "the default period holds some of the articles' acts");

        List<String> newest = catalog().queryParam("limit", 20).get("/api/incidents").jsonPath().getList("items.id");
        List<WebElement> feed = browser.findElements(By.cssSelector("#feed li[data-incident]"));
        assertEquals(newest, feed.stream().map(item -> item.getDomAttribute("data-incident")).toList(), "newest incidents first");
        WebElement first = feed.getFirst();
        assertFalse(first.findElement(By.tagName("blockquote")).getText().isBlank(), "each incident with its evidence sentence");
        assertEquals(stack.url(LocalStack.Service.CATALOG) + "/api/incidents/" + newest.getFirst(),
                first.findElement(By.cssSelector("a.mentions")).getDomAttribute("href"));
    }

    @Test
    @Order(2)
    void clickingACountryShowsItsMonthsAndTopPartners() {
        String code = analytics().get("/api/aggregates/countries").jsonPath().getString("countries[0].code");
        browser.findElement(By.cssSelector("#countries tr[data-code='" + code + "']")).click();
        await().atMost(PATIENCE).untilAsserted(() -> assertEquals(code,
                browser.findElement(By.id("country-name")).getDomAttribute("data-code")));

        JsonPath months = analytics().queryParams(Map.of("interval", "month", "country", code, "from", formValue("from"),
                "to", formValue("to"))).get("/api/series").then().statusCode(200).extract().jsonPath();
        assertEquals(numbers(months.getList("buckets.incidents")), numbers(chartSeries("country-series", 0)));
        assertEquals(numbers(months.getList("buckets.events")), numbers(chartSeries("country-series", 1)));

        List<Map<String, Object>> partners = analytics().queryParam("limit", 10)
                .get("/api/aggregates/countries/" + code + "/partners").jsonPath().getList("$");
        assertFalse(partners.isEmpty(), code + " has partners");
        List<WebElement> shown = browser.findElements(By.cssSelector("#partners li[data-code]"));
        assertEquals(partners.stream().map(p -> p.get("code") + "=" + p.get("incidents")).toList(),
                shown.stream().map(li -> li.getDomAttribute("data-code") + "=" + li.getDomAttribute("data-incidents")).toList());
    }

    @Test
    @Order(3)
    void aNewArticleChangesTheCountsAndTheFeedWithoutAReloadEvenAfterBothServicesRestarted() {
        analytics().get("/api/aggregates/countries/PT").then().statusCode(404);
        script("window.sameDocument = true");
        // the page's streams break and must reconnect by themselves
        for (LocalStack.Service service : List.of(LocalStack.Service.ANALYTICS, LocalStack.Service.CATALOG)) {
            stack.kill(service);
            stack.startService(service);
            stack.awaitReady(service);
        }

        StackFixture.ingest(stack).contentType("application/json")
                .body(Map.of("url", "https://example.ma/dashboard/portugal", "text", PORTUGAL_ARTICLE))
                .post("/api/articles").then().statusCode(202);
        await().atMost(AFTER_RESTART_PATIENCE).untilAsserted(() -> analytics().get("/api/aggregates/countries/PT").then().statusCode(200));
        awaitEverythingCounted();

        awaitPageShowsCurrentCounts();
        String incident = catalog().queryParam("country", "PT").get("/api/incidents").jsonPath().getString("items[0].id");
        await().atMost(PATIENCE).untilAsserted(() -> {
            WebElement top = browser.findElement(By.cssSelector("#feed li[data-incident]"));
            assertEquals(incident, top.getDomAttribute("data-incident"), "the new incident on top of the feed");
            WebElement evidence = top.findElement(By.tagName("blockquote"));
            assertTrue(evidence.getText().contains(PORTUGAL_CUE), evidence.getText());
            assertFalse(evidence.findElements(By.tagName("mark")).isEmpty(), "the names it mentions are marked");
        });
        assertEquals(true, script("return window.sameDocument === true"), "the page was not reloaded");
    }

    @Test
    @Order(4)
    void theLanguageSwitchesBetweenArabicAndEnglish() throws IOException, InterruptedException {
        assertEquals("ar", htmlAttribute("lang"));
        assertEquals("rtl", htmlAttribute("dir"));
        assertEquals("المحاور", browser.findElement(By.cssSelector("#themes-panel h2")).getText());
        screenshot("dashboard-ar.png");

        browser.findElement(By.id("language")).click();
        assertEquals("en", htmlAttribute("lang"));
        assertEquals("ltr", htmlAttribute("dir"));
        assertEquals("Themes", browser.findElement(By.cssSelector("#themes-panel h2")).getText());
        String morocco = Locale.of("", "MA").getDisplayCountry(Locale.ENGLISH);
        assertEquals(morocco, browser.findElement(By.cssSelector("#countries tr[data-code='MA'] td")).getText());
        screenshot("dashboard-en.png");

        browser.navigate().refresh(); // the choice is kept
        await().atMost(PATIENCE).untilAsserted(() -> assertEquals("en", htmlAttribute("lang")));
        browser.findElement(By.id("language")).click();
        assertEquals("rtl", htmlAttribute("dir"));
    }

    /** The totals and every country's row are analytics' current counts, and the map is shaded by them. */
    private static void awaitPageShowsCurrentCounts() {
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonPath aggregates = analytics().get("/api/aggregates/countries").jsonPath();
            for (String total : List.of("incidents", "events", "articles")) {
                assertEquals(aggregates.getString("totals." + total), browser.findElement(By.id("total-" + total)).getText(), total);
            }
            List<Map<String, Object>> countries = aggregates.getList("countries");
            List<String> expected = countries.stream().filter(row -> number(row.get("incidents")) > 0)
                    .map(row -> row.get("code") + "=" + row.get("incidents") + "/" + row.get("events") + "/" + row.get("articles"))
                    .sorted().toList();
            List<String> table = browser.findElements(By.cssSelector("#countries tbody tr")).stream()
                    .map(tr -> tr.getDomAttribute("data-code") + "=" + cellText(tr, "incidents") + "/" + cellText(tr, "events")
                            + "/" + cellText(tr, "articles"))
                    .sorted().toList();
            assertEquals(expected, table);
            List<Map<String, Object>> map = chartSeries("map", 0);
            assertEquals(countries.stream().filter(row -> number(row.get("incidents")) > 0)
                            .map(row -> row.get("code") + "=" + row.get("incidents")).sorted().toList(),
                    map.stream().map(region -> region.get("name") + "=" + region.get("value")).sorted().toList());
        });
    }

    /** Waits until analytics has counted every event the catalog stored. */
    private static void awaitEverythingCounted() {
        await().atMost(PATIENCE).untilAsserted(() ->
                assertEquals(StackFixture.listedEventIds(stack, 100).size(), StackFixture.totals(stack).events()));
    }

    private static String cellText(WebElement row, String count) {
        return row.findElement(By.cssSelector("td[data-count='" + count + "']")).getText();
    }

    /** The data of one series of an ECharts chart, as the page gave it to the chart. */
    private static <T> List<T> chartSeries(String chartId, int series) {
        return script("return echarts.getInstanceByDom(document.getElementById(arguments[0])).getOption().series[arguments[1]].data",
                chartId, series);
    }

    private static List<String> chartAxis(String chartId) {
        return script("return echarts.getInstanceByDom(document.getElementById(arguments[0])).getOption().xAxis[0].data", chartId);
    }

    private static String formValue(String field) {
        return script("return document.getElementById('series-filters')[arguments[0]].value", field);
    }

    @SuppressWarnings("unchecked")
    private static <T> T script(String code, Object... arguments) {
        return (T) ((JavascriptExecutor) browser).executeScript(code, arguments);
    }

    private static String htmlAttribute(String name) {
        return browser.findElement(By.tagName("html")).getDomAttribute(name);
    }

    private static void screenshot(String name) throws IOException, InterruptedException {
        Thread.sleep(CHART_TRANSITIONS); // a picture for people: the charts' animations over, not a check
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private static List<Long> numbers(List<?> values) {
        return values.stream().map(DashboardBrowserTest::number).toList();
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static RequestSpecification analytics() {
        return given().baseUri(stack.url(LocalStack.Service.ANALYTICS));
    }

    private static RequestSpecification catalog() {
        return given().baseUri(stack.url(LocalStack.Service.CATALOG));
    }
}

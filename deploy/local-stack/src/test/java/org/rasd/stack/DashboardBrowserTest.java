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
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The analyst's dashboard in a real browser (Debian's headless chromium through its chromedriver) against a
 * local stack holding the gold seed articles, two corpus reports of one act and two acts dated 20 and 200 days
 * ago: what it shows is what the APIs answer, it follows new articles without a reload (the series chart from
 * the stream's buckets alone), across restarts of both services it listens to, in Arabic and in English.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** ECharts animates a change for 1 s by default. */
    private static final Duration CHART_TRANSITIONS = Duration.ofMillis(1500);
    private static final Duration AFTER_RESTART_PATIENCE = Duration.ofMinutes(2);
    /** Morocco's police chief receives an interior minister, named by demonym, on the day the article is published. */
    private static final String MEETING_TODAY =
            "استقبل المدير العام للأمن الوطني، اليوم بالرباط، وزير الداخلية %s في إطار التعاون الشرطي.";
    /** Portugal is in no article posted before the live one. */
    private static final String PORTUGAL_CUE = "البرتغالي";
    /** The recent panel lists a window's top five countries and themes. */
    private static final int RECENT_SHOWN = 5;

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
        // the recent windows by date tell these apart: one in the last 30 days but not the last 7, one in the last 365 only
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        postMeeting("tunisia", "التونسي", today.minusDays(20).atTime(12, 0).toInstant(ZoneOffset.UTC));
        postMeeting("senegal", "السنغالي", today.minusDays(200).atTime(12, 0).toInstant(ZoneOffset.UTC));
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

        assertEquals("month", formValue("interval"));
        awaitSeriesChartShowsTheApisSeries();
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
    void theRecentPanelShowsTheChosenWindowAsTheApiCountsIt() {
        Map<String, Long> incidents = new HashMap<>();
        for (String basis : List.of("date", "seen")) {
            browser.findElement(By.cssSelector("#recent-filters input[name='by'][value='" + basis + "']")).click();
            for (String days : List.of("7", "30", "365")) {
                new Select(browser.findElement(By.cssSelector("#recent-filters select[name='days']"))).selectByValue(days);
                incidents.put(basis + days, awaitRecentPanelShowsTheApisWindow().getLong("incidents"));
            }
        }
        // every act was first seen during this test; by date, the two acts dated 20 and 200 days ago widen the windows
        long all = StackFixture.totals(stack).incidents();
        assertEquals(List.of(all, all, all), Stream.of("seen7", "seen30", "seen365").map(incidents::get).toList());
        assertTrue(incidents.get("date30") > incidents.get("date7"), "by date: " + incidents);
        assertTrue(incidents.get("date365") > incidents.get("date30"), "by date: " + incidents);
    }

    @Test
    @Order(3)
    void clickingACountryShowsItsMonthsAndTopPartnersOfAllTimeOrOfAYear() {
        String code = analytics().get("/api/aggregates/countries").jsonPath().getString("countries[0].code");
        browser.findElement(By.cssSelector("#countries tr[data-code='" + code + "']")).click();
        await().atMost(PATIENCE).untilAsserted(() -> assertEquals(code,
                browser.findElement(By.id("country-name")).getDomAttribute("data-code")));

        JsonPath months = analytics().queryParams(Map.of("interval", "month", "country", code, "from", formValue("from"),
                "to", formValue("to"))).get("/api/series").then().statusCode(200).extract().jsonPath();
        assertEquals(numbers(months.getList("buckets.incidents")), numbers(chartSeries("country-series", 0)));
        assertEquals(numbers(months.getList("buckets.events")), numbers(chartSeries("country-series", 1)));

        List<String> allTime = partnersAnswer(code, "");
        assertFalse(allTime.isEmpty(), code + " has partners");
        await().atMost(PATIENCE).untilAsserted(() -> assertEquals(allTime, shownPartners()));

        // all time, or one of the series period's years, the latest first
        Select years = new Select(browser.findElement(By.id("partners-year")));
        int first = Integer.parseInt(formValue("from").substring(0, 4));
        List<String> choices = new ArrayList<>(List.of(""));
        for (int year = Integer.parseInt(formValue("to").substring(0, 4)); year >= first; year--) {
            choices.add(String.valueOf(year));
        }
        assertEquals(choices, years.getOptions().stream().map(option -> option.getDomAttribute("value")).toList());
        String year = years.getOptions().stream().skip(1).map(option -> option.getDomAttribute("value"))
                .filter(each -> {
                    List<String> partners = partnersAnswer(code, each);
                    return !partners.isEmpty() && !partners.equals(allTime);
                }).findFirst()
                .orElseThrow(() -> new AssertionError("no year of the period with partners of " + code + " other than all time's"));
        years.selectByValue(year);
        await().atMost(PATIENCE).untilAsserted(() -> assertEquals(partnersAnswer(code, year), shownPartners(), year));
        years.selectByValue("");
        await().atMost(PATIENCE).untilAsserted(() -> assertEquals(allTime, shownPartners()));
    }

    @Test
    @Order(4)
    void theSeriesFormTakesACountryWithAThemeOrATypeByMonthAndSaysWhyNotByDay() {
        JsonPath country = analytics().get("/api/aggregates/countries/" + analytics().get("/api/aggregates/countries")
                .jsonPath().getString("countries[0].code")).jsonPath();
        Map<String, String> combinations = Map.of("theme", country.getString("themes[0].code"),
                "type", country.<String, Object>getMap("byType").keySet().stream().sorted().findFirst().orElseThrow());
        chooseInSeriesForm("country", country.getString("code"));
        combinations.forEach((field, code) -> {
            chooseInSeriesForm(field, code);
            awaitSeriesChartShowsTheApisSeries();

            chooseInSeriesForm("interval", "day");
            String refusal = analytics().queryParams(seriesFormQuery()).get("/api/series").then().statusCode(400).extract()
                    .jsonPath().getString("detail");
            await().atMost(PATIENCE).untilAsserted(() -> {
                WebElement error = browser.findElement(By.id("series-error"));
                assertTrue(error.isDisplayed(), "a refused combination is explained");
                assertEquals("هذه المرشحات غير محفوظة: " + refusal, error.getText());
            });
            chooseInSeriesForm("interval", "month");
            chooseInSeriesForm(field, "");
        });
        chooseInSeriesForm("country", "");
        awaitSeriesChartShowsTheApisSeries();
    }

    @Test
    @Order(5)
    void aNewArticleChangesTheCountsTheSeriesAndTheFeedWithoutAReloadEvenAfterBothServicesRestarted() {
        analytics().get("/api/aggregates/countries/PT").then().statusCode(404);
        script("window.sameDocument = true");
        chooseInSeriesForm("interval", "year"); // the page follows analytics' stream again, for the buckets by year
        awaitSeriesChartShowsTheApisSeries();
        // the page's streams break and must reconnect by themselves
        for (LocalStack.Service service : List.of(LocalStack.Service.ANALYTICS, LocalStack.Service.CATALOG)) {
            stack.kill(service);
            stack.startService(service);
            stack.awaitReady(service);
        }
        awaitStreamsFollowedAndSeriesSettled();
        awaitSeriesChartShowsTheApisSeries();
        String thisYear = LocalDate.now(ZoneOffset.UTC).withDayOfYear(1).toString();
        long before = seriesChartIncidents(thisYear);

        postMeeting("portugal", PORTUGAL_CUE, Instant.now());
        await().atMost(AFTER_RESTART_PATIENCE).untilAsserted(() -> analytics().get("/api/aggregates/countries/PT").then().statusCode(200));
        awaitEverythingCounted();

        awaitPageShowsCurrentCounts();
        String incident = catalog().queryParam("country", "PT").get("/api/incidents").jsonPath().getString("items[0].id");
        assertEquals(thisYear.substring(0, 4), catalog().get("/api/incidents/" + incident).jsonPath().getString("incident.dateFrom")
                .substring(0, 4), "the act is dated the day it was published");
        await().atMost(PATIENCE).untilAsserted(() -> assertEquals(before + 1, seriesChartIncidents(thisYear), "this year's new act"));
        awaitSeriesChartShowsTheApisSeries();
        assertEquals(List.of(), seriesChartRequests(), "the chart took the new count from the stream's buckets");
        awaitRecentPanelShowsTheApisWindow();
        await().atMost(PATIENCE).untilAsserted(() -> {
            WebElement top = browser.findElement(By.cssSelector("#feed li[data-incident]"));
            assertEquals(incident, top.getDomAttribute("data-incident"), "the new incident on top of the feed");
            WebElement evidence = top.findElement(By.tagName("blockquote"));
            assertTrue(evidence.getText().contains(PORTUGAL_CUE), evidence.getText());
            assertFalse(evidence.findElements(By.tagName("mark")).isEmpty(), "the names it mentions are marked");
        });
        assertEquals(true, script("return window.sameDocument === true"), "the page was not reloaded");
        chooseInSeriesForm("interval", "month");
        awaitSeriesChartShowsTheApisSeries();
    }

    @Test
    @Order(6)
    void theLanguageSwitchesBetweenArabicAndEnglish() throws IOException, InterruptedException {
        assertEquals("ar", htmlAttribute("lang"));
        assertEquals("rtl", htmlAttribute("dir"));
        assertEquals("المحاور", browser.findElement(By.cssSelector("#themes-panel h2")).getText());
        assertEquals("الحصيلة الأخيرة", browser.findElement(By.cssSelector("#recent-panel h2")).getText());
        assertEquals("rtl", script("return getComputedStyle(document.getElementById('recent-filters')).direction"));
        screenshot("dashboard-ar.png");

        browser.findElement(By.id("language")).click();
        assertEquals("en", htmlAttribute("lang"));
        assertEquals("ltr", htmlAttribute("dir"));
        assertEquals("Themes", browser.findElement(By.cssSelector("#themes-panel h2")).getText());
        assertEquals("Recent activity", browser.findElement(By.cssSelector("#recent-panel h2")).getText());
        assertEquals("All time", new Select(browser.findElement(By.id("partners-year"))).getFirstSelectedOption().getText());
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

    /** The series chart draws what {@code /api/series} answers for the series form's filters, and no refusal shows. */
    private static void awaitSeriesChartShowsTheApisSeries() {
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertFalse(browser.findElement(By.id("series-error")).isDisplayed(), "no refusal"); // a refused series clears the chart
            JsonPath series = analytics().queryParams(seriesFormQuery()).get("/api/series").then().statusCode(200).extract().jsonPath();
            assertEquals(series.getList("buckets.start"), chartAxis("series"));
            assertEquals(numbers(series.getList("buckets.incidents")), numbers(chartSeries("series", 0)));
            assertEquals(numbers(series.getList("buckets.events")), numbers(chartSeries("series", 1)));
        });
    }

    /** The recent panel shows the window its form chooses as {@code /api/aggregates/recent} answers it; that answer. */
    private static JsonPath awaitRecentPanelShowsTheApisWindow() {
        String days = new Select(browser.findElement(By.cssSelector("#recent-filters select[name='days']")))
                .getFirstSelectedOption().getDomAttribute("value");
        String basis = browser.findElement(By.cssSelector("#recent-filters input[name='by']:checked")).getDomAttribute("value");
        JsonPath[] shown = new JsonPath[1];
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonPath recent = analytics().queryParams(Map.of("days", days, "by", basis)).get("/api/aggregates/recent")
                    .then().statusCode(200).extract().jsonPath();
            WebElement panel = browser.findElement(By.id("recent-panel"));
            assertEquals(days + " by " + basis, panel.getDomAttribute("data-days") + " by " + panel.getDomAttribute("data-basis"));
            assertEquals(recent.getString("incidents"), browser.findElement(By.id("recent-incidents")).getText());
            assertEquals(recent.getString("events"), browser.findElement(By.id("recent-events")).getText());
            for (String list : List.of("countries", "themes")) {
                List<Map<String, Object>> rows = recent.getList(list);
                assertEquals(rows.stream().limit(RECENT_SHOWN).map(row -> row.get("code") + "=" + row.get("incidents")).toList(),
                        ranked("#recent-" + list), list);
            }
            shown[0] = recent;
        });
        return shown[0];
    }

    /**
     * Waits until both streams are followed again and the page has not asked for the series chart's series for
     * two seconds: what the reconnection's snapshot made it ask for is answered.
     */
    private static void awaitStreamsFollowedAndSeriesSettled() {
        script("performance.clearResourceTimings()");
        int[] requests = {-1};
        await().atMost(AFTER_RESTART_PATIENCE).pollInterval(Duration.ofSeconds(2)).until(() -> {
            int now = seriesChartRequests().size();
            boolean settled = now == requests[0] && browser.findElement(By.id("status")).getDomAttribute("class").contains("live");
            requests[0] = now;
            return settled;
        });
        script("performance.clearResourceTimings()");
    }

    /** The page's requests for the series chart's series since the resource timings were cleared (the country panel's name a country). */
    private static List<String> seriesChartRequests() {
        return script("""
                return performance.getEntriesByType('resource').map(entry => new URL(entry.name))
                    .filter(url => url.pathname === '/api/series' && !url.searchParams.has('country')).map(String)""");
    }

    /** The series chart's incidents in the bucket starting that day. */
    private static long seriesChartIncidents(String start) {
        int bucket = chartAxis("series").indexOf(start);
        assertTrue(bucket >= 0, start + " in the chart's period");
        return number(chartSeries("series", 0).get(bucket));
    }

    /** The series form's filled fields, as the page asks {@code /api/series} for them. */
    private static Map<String, Object> seriesFormQuery() {
        return script("return Object.fromEntries([...new FormData(document.getElementById('series-filters'))]"
                + ".filter(([, value]) => value !== ''))");
    }

    /**
     * Chooses in one of the series form's lists as an analyst does: the page hears the change. The page fills its
     * lists again as counts arrive, so an option found may be gone by the time it is chosen: then choose again.
     */
    private static void chooseInSeriesForm(String field, String value) {
        By list = By.cssSelector("#series-filters select[name='" + field + "']");
        await().atMost(Duration.ofSeconds(10)).ignoreException(StaleElementReferenceException.class).until(() -> {
            Select select = new Select(browser.findElement(list));
            select.selectByValue(value);
            return value.equals(select.getFirstSelectedOption().getDomProperty("value"));
        });
    }

    /** A country's top partners as analytics answers them, of all time or of one year: code=incidents. */
    private static List<String> partnersAnswer(String code, String year) {
        RequestSpecification request = analytics().queryParam("limit", 10);
        if (!year.isEmpty()) {
            request.queryParam("year", year);
        }
        List<Map<String, Object>> partners = request.get("/api/aggregates/countries/" + code + "/partners")
                .then().statusCode(200).extract().jsonPath().getList("$");
        return partners.stream().map(partner -> partner.get("code") + "=" + partner.get("incidents")).toList();
    }

    private static List<String> shownPartners() {
        return ranked("#partners");
    }

    /** A ranked list's items as code=incidents, read in one go: the page may replace them any time. */
    private static List<String> ranked(String listSelector) {
        return script("return [...document.querySelectorAll(arguments[0] + ' li[data-code]')]"
                + ".map(li => li.dataset.code + '=' + li.dataset.incidents)", listSelector);
    }

    /** Posts an article on a meeting the day it was published, the visiting minister named by his demonym. */
    private static void postMeeting(String name, String demonym, Instant published) {
        StackFixture.ingest(stack).contentType("application/json")
                .body(Map.of("url", "https://example.ma/dashboard/" + name, "text", MEETING_TODAY.formatted(demonym),
                        "publishedAt", published.truncatedTo(ChronoUnit.SECONDS).toString()))
                .post("/api/articles").then().statusCode(202);
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

package org.rasd.stack;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;

/** What the end-to-end tests share: starting a stack of the built services, and reading the catalog whole. */
final class StackFixture {

    static final Path HOME = Path.of("../..").toAbsolutePath().normalize();

    static Path newDataDirectory() throws IOException {
        return Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "stack-");
    }

    /** A free broker and database port each time, fixed service ports so clients can keep their URLs. */
    static LocalStack.Ports freshPorts() throws IOException {
        return new LocalStack.Ports(0, 0, freePort(), freePort(), freePort());
    }

    /** Every event id the catalog lists, following the keyset cursor page by page. */
    static List<String> listedEventIds(LocalStack stack, int pageSize) {
        List<String> listed = new ArrayList<>();
        String cursor = null;
        do {
            var page = given().baseUri(stack.url(LocalStack.Service.CATALOG)).queryParam("limit", pageSize)
                    .queryParam("cursor", cursor == null ? "" : cursor).get("/api/events").then().statusCode(200).extract();
            listed.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        return listed;
    }

    /** The analytics totals: events counted, and articles with at least one counted event. */
    record Totals(long events, long articles) {
    }

    static Totals totals(LocalStack stack) {
        var totals = given().baseUri(stack.url(LocalStack.Service.ANALYTICS)).get("/api/aggregates/countries")
                .then().statusCode(200).extract();
        return new Totals(totals.<Number>path("totals.events").longValue(), totals.<Number>path("totals.articles").longValue());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private StackFixture() {
    }
}

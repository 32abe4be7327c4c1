package org.rasd.ingest.feeds;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jsoup.Jsoup;
import org.rasd.ingest.submission.IngestionService;
import org.rasd.ingest.submission.IngestionService.Fallbacks;
import org.rasd.ingest.submission.IngestionService.Outcome;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One new item of a feed into ingestion: its page is fetched and ingested as a posted HTML page, with the item's
 * title and date where the page has none. An item whose page is gone for good (4xx, not HTML, too large) or that
 * has no link is ingested from the text the feed gives, if any: a summary beats nothing, and a full
 * {@code content:encoded} is the article. An item whose page cannot be had for now (no answer, 5xx, 429) is left
 * for the next poll rather than ingested from a summary, which would then stand for the article for good.
 */
@ApplicationScoped
class ItemIngestion {

    /** Where an item's text goes: ingestion, as a fetched page; a seam for tests of polling alone. */
    @FunctionalInterface
    interface Pages {
        Uni<Outcome> accept(String url, byte[] body, MediaType type, Fallbacks fallbacks);
    }

    private static final Map<CharSequence, String> PAGE_REQUEST = Map.of(HttpHeaders.ACCEPT,
            "text/html, application/xhtml+xml;q=0.9, */*;q=0.1");
    /** Answers that may pass: the server busy, down, or asking to come back later. */
    private static final Set<Integer> PASSING = Set.of(408, 425, 429);

    private final WebFetcher web;
    private final Pages pages;
    private final long maxArticleSize;

    @Inject
    ItemIngestion(WebFetcher web, IngestionService ingestion, @ConfigProperty(name = "rasd.max-article-size") long maxArticleSize) {
        this(web, ingestion::acceptPage, maxArticleSize);
    }

    ItemIngestion(WebFetcher web, Pages pages, long maxArticleSize) {
        this.web = web;
        this.pages = pages;
        this.maxArticleSize = maxArticleSize;
    }

    /** Never fails: what went wrong is in the result. */
    Uni<ItemResult> ingest(FeedItem item) {
        if (item.link() == null) {
            return fromFeedText(item, "the item has no web link");
        }
        return web.get(item.link(), PAGE_REQUEST, maxArticleSize)
                .chain(answer -> {
                    Optional<MediaType> page = answer.ok() ? htmlType(answer) : Optional.empty();
                    if (page.isPresent()) {
                        return accept(item, answer.url(), answer.body(), page.get(), null);
                    }
                    if (answer.status() >= 500 || PASSING.contains(answer.status())) {
                        return Uni.createFrom().item(retry(item, "its page answered " + answer.status()));
                    }
                    return fromFeedText(item, answer.ok() ? "its page is " + answer.header(HttpHeaders.CONTENT_TYPE) + ", not HTML"
                            : "its page answered " + answer.status());
                })
                .onFailure(WebFetcher.TooLargeException.class).recoverWithUni(tooLarge -> fromFeedText(item, tooLarge.getMessage()))
                .onFailure().recoverWithItem(failure -> retry(item, "its page could not be fetched: " + failure));
    }

    /** The text the feed gives of the item, as its article; refused when there is none. */
    private Uni<ItemResult> fromFeedText(FeedItem item, String why) {
        if (item.content() == null || (item.htmlContent() && Jsoup.parse(item.content()).text().isBlank())) {
            return Uni.createFrom().item(new ItemResult(item.key(), ItemResult.Outcome.REFUSED, why + " and the feed gives no text of it"));
        }
        MediaType type = (item.htmlContent() ? MediaType.TEXT_HTML_TYPE : MediaType.TEXT_PLAIN_TYPE)
                .withCharset(StandardCharsets.UTF_8.name());
        return accept(item, item.link(), item.content().getBytes(StandardCharsets.UTF_8), type, "from the feed's text: " + why);
    }

    private Uni<ItemResult> accept(FeedItem item, String url, byte[] body, MediaType type, String source) {
        return pages.accept(url, body, type, new Fallbacks(item.title(), item.publishedAt()))
                .map(outcome -> new ItemResult(item.key(), outcomeOf(outcome.status()), source))
                .onFailure().recoverWithItem(failure -> {
                    if (failure instanceof HttpProblem problem && problem.getStatusCode() < 500) {
                        return new ItemResult(item.key(), ItemResult.Outcome.REFUSED, problem.getDetail());
                    }
                    return retry(item, "ingestion failed: " + (failure instanceof HttpProblem unavailable ? unavailable.getDetail() : failure));
                });
    }

    private static ItemResult retry(FeedItem item, String why) {
        Log.debugf("Feed item %s left for the next poll: %s", item.key(), why);
        return new ItemResult(item.key(), ItemResult.Outcome.RETRY, why);
    }

    /**
     * How ingestion is to read a page: as HTML, in the charset its answer declares if it does; empty when the
     * answer says it is no HTML. One that says nothing is taken for HTML.
     */
    private static Optional<MediaType> htmlType(WebFetcher.Answer answer) {
        String header = answer.header(HttpHeaders.CONTENT_TYPE);
        MediaType declared;
        try {
            declared = header == null || header.isBlank() ? MediaType.TEXT_HTML_TYPE : MediaType.valueOf(header);
        } catch (IllegalArgumentException unreadable) {
            declared = MediaType.TEXT_HTML_TYPE;
        }
        if (!declared.isCompatible(MediaType.TEXT_HTML_TYPE) && !declared.isCompatible(MediaType.APPLICATION_XHTML_XML_TYPE)) {
            return Optional.empty();
        }
        return Optional.of(new MediaType("text", "html", declared.getParameters()));
    }

    private static ItemResult.Outcome outcomeOf(IngestionService.Status status) {
        return switch (status) {
            case ACCEPTED -> ItemResult.Outcome.ACCEPTED;
            case UPDATED -> ItemResult.Outcome.UPDATED;
            case DUPLICATE -> ItemResult.Outcome.DUPLICATE;
        };
    }
}

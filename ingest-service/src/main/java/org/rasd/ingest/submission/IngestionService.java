package org.rasd.ingest.submission;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.rasd.ingest.extraction.ArticleExtractor;
import org.rasd.ingest.messaging.ArticlePublisher;
import org.rasd.ingest.parsing.ArticleParser.RawArticle;
import org.rasd.ingest.record.ArticleRecord;
import org.rasd.support.http.Problems;
import org.rasd.support.logging.LogContext;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Validates a posted article, extracts its record and hands it to the broker unless the catalog has it already. */
@ApplicationScoped
public class IngestionService {

    /** What became of a posted article. */
    public enum Status {
        /** On the broker, to be stored. */
        ACCEPTED,
        /** A new version of an article the catalog holds (new text, or a newer extractor), to replace it. */
        UPDATED,
        /** The catalog already holds this article as it is now; nothing was changed. */
        DUPLICATE
    }

    public record Outcome(ArticleRecord record, Status status) {
    }

    /** A fetched page's title and publication date as whatever links to it gives them (a feed's item). */
    public record Fallbacks(String title, String publishedAt) {
    }

    private final ArticleExtractor extractor;
    private final ArticlePublisher publisher;
    private final CatalogClient catalog;
    private final HeldArticles heldIds;
    private final ObjectMapper json;
    private final IngestMetrics metrics;
    private final InFlightPosts inFlight;
    private final long maxArticleSize;

    public IngestionService(ArticleExtractor extractor, ArticlePublisher publisher, @RestClient CatalogClient catalog,
                            HeldArticles heldIds, ObjectMapper json, IngestMetrics metrics, InFlightPosts inFlight,
                            @ConfigProperty(name = "rasd.max-article-size") long maxArticleSize) {
        this.extractor = extractor;
        this.publisher = publisher;
        this.catalog = catalog;
        this.heldIds = heldIds;
        this.json = strict(json.copy());
        this.metrics = metrics;
        this.inFlight = inFlight;
        this.maxArticleSize = maxArticleSize;
    }

    /** Refuses what a lenient reader would guess at: repeated keys, trailing data, numbers or booleans as text. */
    private static ObjectMapper strict(ObjectMapper json) {
        json.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        for (CoercionInputShape shape : List.of(CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean)) {
            json.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        return json;
    }

    /**
     * A JSON article; Jackson reads UTF-8, UTF-16 and UTF-32 by their bytes, as JSON allows. Once its id is known, the
     * rest of the request's log lines have it in their MDC.
     */
    public Uni<Outcome> acceptJson(byte[] body) {
        return inFlight.admit(() -> counted(extractJson(body).invoke(IngestionService::inLogContext).chain(this::publishUnlessHeld)));
    }

    /** A bare text or HTML body, decoded by the charset it declares. */
    public Uni<Outcome> acceptText(byte[] body, MediaType type) {
        return inFlight.admit(() -> counted(onWorker(() -> {
            RawArticle raw = decoded(null, body, type);
            SubmissionRules.body(raw.text() != null ? raw.text() : raw.html());
            return extract(raw, null);
        }).invoke(IngestionService::inLogContext).chain(this::publishUnlessHeld)));
    }

    /** The article a single post is about, in the MDC of the request's lines from here on (not a batch's: it has many). */
    private static void inLogContext(ArticleRecord record) {
        LogContext.forContext(LogContext.ARTICLE_ID, record.id());
    }

    /**
     * A page fetched from its URL, decoded and checked as a posted text or HTML body is; the fallbacks stand in for
     * its title and publication date only where the page gives none (the page says best what it is; a feed's date
     * is still better than none, for dating what the page calls «yesterday»).
     */
    public Uni<Outcome> acceptPage(String url, byte[] body, MediaType type, Fallbacks fallbacks) {
        return counted(onWorker(() -> {
            RawArticle raw = decoded(url, body, type);
            SubmissionRules.check(new ArticleSubmission(url, fallbacks.title(), fallbacks.publishedAt(), null, null, raw.text(), raw.html()));
            ArticleRecord record = extract(raw, null);
            String title = record.title() != null ? record.title() : fallbacks.title();
            String publishedAt = record.publishedAt() != null ? record.publishedAt() : fallbacks.publishedAt();
            if (Objects.equals(title, record.title()) && Objects.equals(publishedAt, record.publishedAt())) {
                return record;
            }
            // rare: pages mostly say both
            return extract(new RawArticle(url, title, publishedAt, null, raw.text(), raw.html()), null);
        }).chain(this::publishUnlessHeld));
    }

    /** A text or HTML body within the size limit, decoded by the charset it declares: the article's text or its page. */
    private RawArticle decoded(String url, byte[] body, MediaType type) {
        withinArticleSize(body);
        boolean html = type.isCompatible(MediaType.TEXT_HTML_TYPE);
        String decoded = BodyDecoder.decode(body, type, html);
        return new RawArticle(url, null, null, null, html ? null : decoded, html ? decoded : null);
    }

    /** The record of a JSON article, checked as {@link #acceptJson} checks it; nothing published, nothing counted. */
    Uni<ArticleRecord> extractJson(byte[] body) {
        return onWorker(() -> {
            withinArticleSize(body);
            ArticleSubmission submission = submission(body);
            SubmissionRules.check(submission);
            return extract(new RawArticle(submission.url(), submission.title(), submission.publishedAt(),
                    submission.source(), submission.text(), submission.html()), submission.language());
        });
    }

    /**
     * Extracts a stored article again, with the current extractor, from the text and fields its record kept; the
     * result is published as a new version when its revision differs from the stored one.
     *
     * @return empty, and nothing published, when the text no longer gives the stored id: an id made from the posted
     * text, which the stored (cleaned) text is not
     */
    public Uni<Optional<Outcome>> reextract(ArticleRecord stored) {
        RawArticle raw = new RawArticle(stored.url(), stored.title(), stored.publishedAt(), stored.source(), stored.text(), null);
        return onWorker(() -> extract(raw, stored.language()))
                .chain(record -> record.id().equals(stored.id())
                        ? publishUnlessHeld(record, status -> { }).map(Optional::of) // not a post: not in the post counts
                        : Uni.createFrom().item(Optional.<Outcome>empty()));
    }

    /** Reading, checking and extracting a 2 MiB article is CPU work of milliseconds: never on the event loop. */
    private static Uni<ArticleRecord> onWorker(Supplier<ArticleRecord> extraction) {
        return Uni.createFrom().item(extraction).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** A post's outcome in the metrics: a duplicate when answered, a publication when the broker has it. */
    private Uni<Outcome> counted(Uni<Outcome> outcome) {
        return outcome.invoke(metrics::answered).onFailure().invoke(metrics::failed);
    }

    /**
     * Ingest takes bodies up to a batch's size, so an article's own limit is checked here: the same for one
     * posted alone and for a line of a batch.
     */
    private void withinArticleSize(byte[] body) {
        if (body.length > maxArticleSize) {
            throw Problems.problem(413, "Content Too Large", "The article has " + body.length + " bytes; the limit is "
                    + maxArticleSize + " bytes (RASD_MAX_ARTICLE_SIZE).");
        }
    }

    private ArticleSubmission submission(byte[] body) {
        ArticleSubmission submission;
        try {
            submission = json.readValue(body, ArticleSubmission.class);
        } catch (JsonProcessingException e) {
            throw Problems.problem(Response.Status.BAD_REQUEST, "The body is not valid JSON for an article: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw Problems.problem(Response.Status.BAD_REQUEST, "The body cannot be read: " + e.getMessage());
        }
        if (submission == null) {
            throw Problems.problem(Response.Status.BAD_REQUEST, "The body is empty; post a JSON object.");
        }
        return submission;
    }

    private ArticleRecord extract(RawArticle raw, String language) {
        if (isBlank(raw.text()) && isBlank(raw.html())) {
            throw Problems.unprocessable("The article has no text: give \"text\" or \"html\" with the article in it.");
        }
        ArticleRecord record = metrics.timeExtraction(() -> extractor.extract(raw, language));
        if (record.text().isBlank()) {
            throw Problems.unprocessable("Nothing is left of the article once page furniture is removed.");
        }
        if (!isBlank(raw.publishedAt()) && record.publishedAt() == null) {
            throw Problems.unprocessable("publishedAt is not a date Rasd can read: give an ISO 8601 date "
                    + "(2024-02-13) or instant (2024-02-13T10:00:00Z), or a date written in Arabic.");
        }
        return record;
    }

    /**
     * Publishes a posted article's record unless the catalog holds it as it is. Its publication is counted once
     * the broker has it, so the count holds every article the catalog will store, answered or not.
     */
    Uni<Outcome> publishUnlessHeld(ArticleRecord record) {
        return publishUnlessHeld(record, metrics::published);
    }

    /** @param onBroker told whether the record went out as accepted or updated, once the broker has it */
    private Uni<Outcome> publishUnlessHeld(ArticleRecord record, Consumer<Status> onBroker) {
        return heldRevision(record.id()).chain(held -> {
            if (held.isPresent() && held.get().equals(record.revision())) {
                return Uni.createFrom().item(new Outcome(record, Status.DUPLICATE));
            }
            Status status = held.isPresent() ? Status.UPDATED : Status.ACCEPTED;
            return publisher.publish(record, () -> {
                heldIds.add(record.id());
                onBroker.accept(status);
            }).replaceWith(new Outcome(record, status));
        }).invoke(outcome -> LogContext.article(record.id(), () -> Log.debugf("Article %s %s, %d event(s)", record.id(),
                outcome.status().name().toLowerCase(Locale.ROOT), record.events().size())));
    }

    /**
     * The revision of the article the catalog holds under this id (its ETag), or empty when it holds none: asked
     * only when it may hold it. When the catalog cannot say, the article is published: the catalog stores each
     * revision once, so a repeat changes nothing there.
     */
    private Uni<Optional<String>> heldRevision(String id) {
        if (!heldIds.mayHold(id)) {
            return Uni.createFrom().item(Optional.empty());
        }
        return catalog.article(id)
                .map(response -> response.getStatus() == 200
                        ? Optional.of(response.getEntityTag() == null ? "" : response.getEntityTag().getValue())
                        : Optional.<String>empty())
                .onFailure().invoke(failure -> LogContext.article(id, () ->
                        Log.debugf("The catalog could not say whether it holds %s: %s", id, failure)))
                .onFailure().recoverWithItem(Optional.empty());
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}

package org.rasd.ingest.submission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.rasd.ingest.api.Problem;
import org.rasd.ingest.api.ProblemException;
import org.rasd.ingest.extraction.ArticleExtractor;
import org.rasd.ingest.messaging.ArticlePublisher;
import org.rasd.ingest.parsing.ArticleParser.RawArticle;
import org.rasd.ingest.record.ArticleRecord;

/** Validates a posted article, extracts its record and hands it to the broker. */
@ApplicationScoped
public class IngestionService {

    private final ArticleExtractor extractor;
    private final ArticlePublisher publisher;
    private final ObjectMapper json;

    public IngestionService(ArticleExtractor extractor, ArticlePublisher publisher, ObjectMapper json) {
        this.extractor = extractor;
        this.publisher = publisher;
        this.json = json.copy().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    public Uni<ArticleRecord> acceptJson(String body) {
        ArticleSubmission submission;
        try {
            submission = json.readValue(body, ArticleSubmission.class);
        } catch (JsonProcessingException e) {
            throw new ProblemException(Response.Status.BAD_REQUEST,
                    "The body is not valid JSON for an article: " + e.getOriginalMessage());
        }
        if (submission == null) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "The body is empty; post a JSON object.");
        }
        return accept(new RawArticle(submission.url(), submission.title(), submission.publishedAt(),
                submission.source(), submission.text(), submission.html()), submission.language());
    }

    public Uni<ArticleRecord> acceptText(String body, boolean html) {
        return accept(new RawArticle(null, null, null, null, html ? null : body, html ? body : null), null);
    }

    private Uni<ArticleRecord> accept(RawArticle raw, String language) {
        if (isBlank(raw.text()) && isBlank(raw.html())) {
            throw new ProblemException(Problem.UNPROCESSABLE_CONTENT, "Unprocessable Content",
                    "The article has no text: give \"text\" or \"html\" with the article in it.");
        }
        // Extraction is CPU work of a few hundred microseconds: keep it off the event loop all the same.
        return Uni.createFrom().item(() -> extractor.extract(raw, language))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .invoke(record -> {
                    if (record.text().isBlank()) {
                        throw new ProblemException(Problem.UNPROCESSABLE_CONTENT, "Unprocessable Content",
                                "Nothing is left of the article once page furniture is removed.");
                    }
                })
                .call(publisher::publish);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}

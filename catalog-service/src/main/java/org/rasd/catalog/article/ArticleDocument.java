package org.rasd.catalog.article;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.rasd.catalog.record.ArticleRecord;
import org.rasd.catalog.record.Event;

import java.time.OffsetDateTime;

/**
 * An article record read from the {@code articles} topic (shape: {@code deploy/spec/article-record.md}), checked for
 * what the catalog relies on. The record is read once, into {@link ArticleRecord}; the catalog stores its JSON as it
 * came ({@code payload}), so fields added to the contract later are kept there.
 *
 * @param traceparent the trace context the record came with (W3C), kept with its events until their messages are
 *                    sent on; null when it came with none
 */
public record ArticleDocument(ArticleRecord record, String payload, OffsetDateTime acceptedAt, String traceparent) {

    /**
     * @param acceptedAt  when ingest accepted the article, or null when the record does not say
     * @param traceparent the record's trace context, or null
     */
    public static ArticleDocument parse(ObjectMapper mapper, String payload, OffsetDateTime acceptedAt, String traceparent) {
        if (payload == null || payload.isBlank()) {
            throw new InvalidArticleException("an empty record");
        }
        ArticleRecord record;
        try {
            record = mapper.readValue(payload, ArticleRecord.class);
        } catch (JsonParseException e) {
            throw new InvalidArticleException("not JSON: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new InvalidArticleException("not an article record: " + e.getOriginalMessage());
        }
        if (record == null) {
            throw new InvalidArticleException("not a JSON object");
        }
        String id = record.id();
        if (isBlank(id)) {
            throw new InvalidArticleException("no \"id\"");
        }
        if (record.text() == null || record.extractor() == null) {
            throw new InvalidArticleException("article " + id + " lacks \"text\" or \"extractor\"");
        }
        if (record.events() == null) {
            throw new InvalidArticleException("article " + id + " has no \"events\" array");
        }
        for (Event event : record.events()) {
            if (event == null || isBlank(event.id()) || isBlank(event.type())) {
                throw new InvalidArticleException("article " + id + " has an event without \"id\" or \"type\"");
            }
        }
        return new ArticleDocument(record, payload, acceptedAt, traceparent);
    }

    public String id() {
        return record.id();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}

package org.rasd.ingest.record;

import java.util.List;

/**
 * One extracted article, in the shape of {@code deploy/spec/article-record.md}. The same JSON travels on the
 * {@code articles} topic, is stored by the catalog and is printed by the offline extraction command.
 * {@code revision} names what the record was made from (the text and the extractor): a corrected article, or
 * the same article extracted by a newer extractor, has another.
 */
public record ArticleRecord(
        String id,
        String url,
        String source,
        String title,
        String publishedAt,
        String language,
        String text,
        List<CountryMention> countries,
        List<ThemeScore> themes,
        List<Event> events,
        String extractor,
        String revision) {

    public record CountryMention(String code, int mentions) {
    }

    public record ThemeScore(String code, double score) {
    }
}

package org.rasd.ingest.submission;

/** The JSON body of {@code POST /api/articles}: {@code text} or {@code html}, and what the poster knows. */
public record ArticleSubmission(String url, String title, String publishedAt, String source, String language,
                                String text, String html) {
}

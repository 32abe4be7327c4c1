package org.rasd.ingest.submission;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON body of {@code POST /api/articles}: {@code text} or {@code html}, and what the poster knows. */
@Schema(description = "An article: its text, or its page as html, and what the poster knows of it. publishedAt is an ISO 8601 "
        + "day or instant; language a BCP 47 tag, detected when absent.")
public record ArticleSubmission(String url, String title, String publishedAt, String source, String language,
                                String text, String html) {
}

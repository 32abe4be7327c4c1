package org.rasd.ingest.submission;

import org.rasd.ingest.extraction.ArticleExtractor;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** One extractor for the application: it reads its language data once. */
public class ExtractorProducer {

    @Produces
    @Singleton
    ArticleExtractor extractor() {
        return new ArticleExtractor();
    }
}

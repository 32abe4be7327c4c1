package org.rasd.bench;

import org.rasd.ingest.extraction.ArticleExtractor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ingest service's extractor alone, in this JVM, on as many threads as the machine has cores to give the
 * service: parsing plus extraction of the corpus under new URLs, as ingest does for each post.
 */
final class ExtractorBaseline {

    static final int THREADS = 2;
    /** Lets the JIT compile the extractor before it is timed, as a service that has run a while would have. */
    private static final Duration WARM_UP = Duration.ofSeconds(10);

    private ExtractorBaseline() {
    }

    /** Articles per second over {@code duration}, after the warm-up. */
    static double articlesPerSecond(ArticleExtractor extractor, Corpus corpus, String urlPrefix, Duration duration)
            throws InterruptedException {
        long start = System.nanoTime();
        long timedFrom = start + WARM_UP.toNanos();
        long end = timedFrom + duration.toNanos();
        AtomicLong timed = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            String prefix = urlPrefix + "extractor-" + t + "-";
            threads.add(Thread.ofPlatform().name("extractor-" + t).start(() -> {
                long count = 0;
                for (long n = 0; ; n++) {
                    long now = System.nanoTime();
                    if (now >= end) {
                        break;
                    }
                    extractor.extract(corpus.get(n).raw(prefix + n), null);
                    if (now >= timedFrom) {
                        count++;
                    }
                }
                timed.addAndGet(count);
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return timed.get() / (duration.toNanos() / 1e9);
    }
}

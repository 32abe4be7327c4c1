package org.rasd.ingest.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.rasd.ingest.evaluation.ExtractionCli;
import org.rasd.ingest.evaluation.GoldArticle;
import org.rasd.ingest.extraction.ArticleExtractor;
import org.rasd.ingest.parsing.ArticleParser.RawArticle;
import org.rasd.ingest.record.ArticleRecord;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Parsing plus extraction of whole articles on one thread, cycling through gold directories: the score is
 * articles per second. Run with {@code deploy/extraction bench}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 6, time = 3)
@Measurement(iterations = 5, time = 3)
public class ExtractionBenchmark {

    /** Directories of gold files, separated by commas, relative to the repository root. */
    @Param("../shared/gold")
    public String goldDirectories;

    private ArticleExtractor extractor;
    private RawArticle[] articles;
    private int next;

    @Setup
    public void load() throws IOException {
        extractor = new ArticleExtractor();
        ObjectMapper json = new ObjectMapper();
        List<RawArticle> loaded = new ArrayList<>();
        for (String directory : goldDirectories.split(",")) {
            for (Path file : ExtractionCli.goldFiles(Path.of(directory.strip()))) {
                loaded.add(GoldArticle.read(file, json).rawArticle());
            }
        }
        if (loaded.isEmpty()) {
            throw new IllegalStateException("no gold files in " + goldDirectories);
        }
        articles = loaded.toArray(RawArticle[]::new);
    }

    @Benchmark
    public ArticleRecord parseAndExtractOneArticle() {
        RawArticle article = articles[next];
        next = (next + 1) % articles.length;
        return extractor.extract(article, null);
    }
}

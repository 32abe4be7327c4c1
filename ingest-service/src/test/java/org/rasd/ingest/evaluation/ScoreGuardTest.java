package org.rasd.ingest.evaluation;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.rasd.ingest.extraction.ArticleExtractor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every corpus keeps the scores it reached: {@code score-floors.tsv} gives, per corpus, the lowest figure each
 * measure may fall to. The test split's floors guard against getting worse on text nobody tuned on; they are
 * never a target to tune for.
 */
class ScoreGuardTest {

    private static final ArticleExtractor EXTRACTOR = new ArticleExtractor();

    private static final Map<String, ToDoubleFunction<Scorecard>> MEASURES = Map.of(
            "countries", card -> card.countries().f1(),
            "themes", card -> card.themes().f1(),
            "events", card -> card.events().f1(),
            "dates", Scorecard::dateAccuracy,
            "locations", Scorecard::locationAccuracy,
            "titles", Scorecard::titleAccuracy,
            "joining", card -> card.incidentPairs().f1());

    @TestFactory
    Stream<DynamicTest> noCorpusScoresBelowItsFloors() throws IOException {
        return floors().stream().map(row -> DynamicTest.dynamicTest(row.get("set"), () -> {
            Scorecard card = ExtractionCli.score(EXTRACTOR, Path.of(row.get("directory")));
            List<String> below = new ArrayList<>();
            MEASURES.forEach((measure, value) -> {
                double reached = value.applyAsDouble(card);
                double floor = Double.parseDouble(row.get(measure));
                if (reached < floor) {
                    below.add("%s %.3f < %.2f".formatted(measure, reached, floor));
                }
            });
            System.out.printf("score guard: %s: countries %.3f, themes %.3f, events %.3f, dates %.3f, locations %.3f, titles %.3f, joining %.3f%n",
                    row.get("set"), card.countries().f1(), card.themes().f1(), card.events().f1(), card.dateAccuracy(),
                    card.locationAccuracy(), card.titleAccuracy(), card.incidentPairs().f1());
            assertTrue(below.isEmpty(), row.get("set") + " fell below its floors: " + below);
        }));
    }

    /** The rows of score-floors.tsv, each by column name. */
    private static List<Map<String, String>> floors() throws IOException {
        List<String[]> rows = Files.readAllLines(Path.of("src/test/resources/score-floors.tsv"), StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).map(line -> line.split("\t")).toList();
        String[] header = rows.getFirst();
        return rows.subList(1, rows.size()).stream()
                .map(row -> IntStream.range(0, header.length).boxed().collect(Collectors.toMap(i -> header[i], i -> row[i])))
                .toList();
    }
}

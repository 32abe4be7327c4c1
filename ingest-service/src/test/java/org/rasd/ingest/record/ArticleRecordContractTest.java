package org.rasd.ingest.record;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.rasd.ingest.evaluation.ExtractionCli;
import org.rasd.ingest.evaluation.GoldArticle;
import org.rasd.ingest.extraction.ArticleExtractor;
import org.rasd.ingest.extraction.EventType;
import org.rasd.ingest.parsing.ArticleParser.RawArticle;
import org.rasd.ingest.parsing.Lexicons;
import org.rasd.testing.TopicContracts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The producing side of the {@code articles} topic against its contract (deploy/spec/topics/articles.schema.json):
 * what the extractor makes of real articles follows the schema, the samples are exactly what ArticleRecord reads
 * and writes, and the schema's codes are the extractor's own.
 */
class ArticleRecordContractTest {

    private static final ArticleExtractor EXTRACTOR = new ArticleExtractor();
    /** Writes records as the topic's serializer does (Jackson, every field, nulls included). */
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Reads samples as strictly as it can: a field the record does not have is a failure, not a field skipped. */
    private static final ObjectMapper STRICT = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    /**
     * The hand-annotated development and corpus articles, extracted as posted (no URL, the gold file's date) and as
     * polled from a page (a URL, so a source, and an instant for a date): every record follows the schema.
     */
    @Test
    void theRecordsExtractedFromRealArticlesFollowTheSchema() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String directory : List.of("src/test/resources/dev-set", "src/test/resources/corpus/test", "src/test/resources/corpus/train")) {
            files.addAll(ExtractionCli.goldFiles(Path.of(directory)));
        }
        assertTrue(files.size() >= 200, files.size() + " gold files");
        int events = 0;
        for (Path file : files) {
            GoldArticle gold = GoldArticle.read(file, JSON);
            RawArticle posted = gold.rawArticle();
            ArticleRecord record = EXTRACTOR.extract(posted, null);
            TopicContracts.assertValid(TopicContracts.ARTICLES, JSON.valueToTree(record), "the record of " + file);
            RawArticle polled = new RawArticle("https://www.news.example.ma/" + gold.id() + "?utm_source=feed", posted.title(),
                    gold.published() == null ? null : gold.published() + "T09:30:00+01:00", null, posted.text(), posted.html());
            ArticleRecord fromPage = EXTRACTOR.extract(polled, "ar");
            TopicContracts.assertValid(TopicContracts.ARTICLES, JSON.valueToTree(fromPage), "the polled record of " + file);
            for (Event event : record.events()) {
                assertTrue(0 <= event.evidence().start() && event.evidence().start() <= event.evidence().end()
                        && event.evidence().end() <= record.text().length(), "evidence inside the text: " + file);
            }
            events += record.events().size();
        }
        assertTrue(events > 100, events + " events checked");
    }

    /** Each sample is an ArticleRecord, field for field: read into the record and written again, it is unchanged. */
    @Test
    void everyArticleSampleIsAnArticleRecordFieldForField() throws IOException {
        for (Path sample : TopicContracts.validSamples(TopicContracts.ARTICLES)) {
            JsonNode json = TopicContracts.read(sample);
            ArticleRecord record = STRICT.treeToValue(json, ArticleRecord.class);
            assertEquals(json, JSON.valueToTree(record), TopicContracts.name(sample));
        }
    }

    /** A record of the samples' text extracted again follows the schema too, whatever the extractor now finds. */
    @Test
    void theSamplesTextsExtractedAgainFollowTheSchema() {
        for (Path sample : TopicContracts.validSamples(TopicContracts.ARTICLES)) {
            JsonNode json = TopicContracts.read(sample);
            RawArticle raw = new RawArticle(json.path("url").asText(null), json.path("title").asText(null),
                    json.path("publishedAt").asText(null), json.path("source").asText(null), json.path("text").asText(), null);
            TopicContracts.assertValid(TopicContracts.ARTICLES, JSON.valueToTree(EXTRACTOR.extract(raw, null)),
                    "the record extracted again from " + TopicContracts.name(sample));
        }
    }

    @Test
    void theSchemasCodesAreTheExtractorsCodes() {
        assertEquals(Arrays.stream(EventType.values()).map(Enum::name).collect(Collectors.toCollection(TreeSet::new)),
                new TreeSet<>(TopicContracts.enumAt(TopicContracts.ARTICLES, "/$defs/eventType")), "EventType");
        assertEquals(codes("themes.tsv", "theme"), new TreeSet<>(TopicContracts.enumAt(TopicContracts.ARTICLES, "/$defs/theme")),
                "the themes of language/themes.tsv");
        for (EventType type : EventType.values()) {
            assertTrue(type.cameo() == null || type.cameo().matches("[0-9]{3}"), type.name());
        }
        String organisation = TopicContracts.read(TopicContracts.schemaFile(TopicContracts.ARTICLES)).at("/$defs/organisation/pattern").asText();
        for (String code : codes("organisations.tsv", "code")) {
            assertTrue(code.matches(organisation), "organisation " + code + " matches " + organisation);
        }
    }

    private static Set<String> codes(String table, String column) {
        return Lexicons.table(table).stream().map(row -> row.get(column)).collect(Collectors.toCollection(TreeSet::new));
    }
}

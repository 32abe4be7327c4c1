package org.rasd.ingest.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.rasd.ingest.evaluation.GoldArticle.GoldEvent;
import org.rasd.ingest.extraction.ArticleExtractor;
import org.rasd.ingest.record.ArticleRecord;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ScorecardTest {

    /** A dev-set article whose one event, a visit to Portugal on 2025-06-13, the extractor finds with its date and place. */
    private static final Path LISBON_VISIT = Path.of("src/test/resources/dev-set/dev-021_spain-portugal-lisbon-plain.json");

    @Test
    void anExtractedEventIsTheMatchOfTheGoldEventItsDateAgreesWithWhicheverTheAnnotationListsFirst() throws IOException {
        GoldArticle annotated = GoldArticle.read(LISBON_VISIT, new ObjectMapper());
        List<GoldEvent> events = new ArrayList<>();
        // an earlier visit of the same pair, listed first, that the extractor does not report
        events.add(new GoldEvent("VISIT", Set.of("PT"), "2019-03-02", "PT", null));
        events.addAll(annotated.events());
        GoldArticle gold = new GoldArticle(annotated.id(), annotated.story(), annotated.published(), annotated.raw(),
                annotated.title(), annotated.countries(), annotated.themes(), events);
        ArticleRecord record = new ArticleExtractor().extract(gold.rawArticle(), null);

        Scorecard scorecard = new Scorecard();
        scorecard.add(gold, record);

        assertEquals(1.0, scorecard.events().precision());
        assertEquals(0.5, scorecard.events().recall(), "the earlier visit is the one missed");
        assertEquals(1.0, scorecard.dateAccuracy(), "the visit reported matches the gold visit of its date");
        assertEquals(1.0, scorecard.locationAccuracy());
    }

    @Test
    void theEventMissesAreCountedByWhatWentWrong() throws IOException {
        GoldArticle annotated = GoldArticle.read(LISBON_VISIT, new ObjectMapper());
        // the extractor reports one visit to Portugal: annotated as a reception it is a type read as another
        List<GoldEvent> events = List.of(new GoldEvent("HOST", Set.of("PT"), "2025-06-13", "ES", null),
                new GoldEvent("VISIT", Set.of("FR"), "2025-06-14", "FR", null));
        GoldArticle gold = new GoldArticle(annotated.id(), annotated.story(), annotated.published(), annotated.raw(),
                annotated.title(), annotated.countries(), annotated.themes(), events);

        Scorecard scorecard = new Scorecard();
        scorecard.add(gold, new ArticleExtractor().extract(gold.rawArticle(), null));

        assertEquals(Map.of("HOST read as VISIT", 1, "VISIT missed", 1), scorecard.eventMissClasses());
    }

    @Test
    void anEventOfTheRightTypeWithOtherPartnersIsOneMissNotTwo() throws IOException {
        GoldArticle annotated = GoldArticle.read(LISBON_VISIT, new ObjectMapper());
        List<GoldEvent> events = List.of(new GoldEvent("VISIT", Set.of("PT", "FR"), "2025-06-13", "PT", null));
        GoldArticle gold = new GoldArticle(annotated.id(), annotated.story(), annotated.published(), annotated.raw(),
                annotated.title(), annotated.countries(), annotated.themes(), events);

        Scorecard scorecard = new Scorecard();
        scorecard.add(gold, new ArticleExtractor().extract(gold.rawArticle(), null));

        assertEquals(Map.of("VISIT with other partners", 1), scorecard.eventMissClasses());
    }
}

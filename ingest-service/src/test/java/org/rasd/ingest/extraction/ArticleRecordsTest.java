package org.rasd.ingest.extraction;

import org.junit.jupiter.api.Test;
import org.rasd.ingest.record.ArticleRecord.CountryMention;
import org.rasd.ingest.record.ArticleRecord.ThemeScore;
import org.rasd.ingest.record.Event;
import org.rasd.ingest.record.Event.Actor;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The record's article-level fields: countries, themes, events with their ids, language. */
class ArticleRecordsTest {

    private static Draft draft(EventType type, String subject, List<String> partners, Map<String, Actor> named, int at) {
        return new Draft(type, subject, partners, named, List.of("INTERPOL"), new Event.EventDate("2025-03-03", "day"),
                new Event.Location("ES", "مدريد"), List.of("TERRORISM"), new Event.Evidence(at, at + 30), 0.9, false, false, false, Set.of());
    }

    @Test
    void countriesAreCountedByMentionsMostFirstAndTiesInOrderOfFirstMention() {
        Staged s = Staged.of("زار وزير الداخلية الفرنسي مدريد. وأكد الوزير الإسباني دعم فرنسا. وتعد بلجيكا وإسبانيا وإيطاليا شركاء.");
        assertEquals(List.of(new CountryMention("ES", 3), new CountryMention("FR", 2), new CountryMention("BE", 1), new CountryMention("IT", 1)),
                ArticleRecords.countries(s.found, s.drafts));
    }

    @Test
    void theSubjectOfAnEventIsMentionedAlsoWhenOnlyItsOfficialIsNamed() {
        Staged s = Staged.of("عقد الأمير عبدالعزيز بن سعود بن نايف وزير الداخلية جلسة مباحثات مع نظيره القطري في الدوحة.");
        assertEquals("SA", s.drafts.getFirst().subject());
        assertEquals(List.of(new CountryMention("QA", 2), new CountryMention("SA", 1)), ArticleRecords.countries(s.found, s.drafts));
    }

    @Test
    void aSubjectOnlyTheOutletGivesIsMentionedOnce() {
        Staged s = Staged.of("استقبل وزير الداخلية، يوم الاثنين 3 مارس 2025، نظيره الإسباني.", "2025-03-04");
        List<Draft> ofAPortugueseOutlet = s.draftsFor("PT");
        assertEquals("PT", ofAPortugueseOutlet.getFirst().subject());
        assertEquals(List.of(new CountryMention("ES", 1), new CountryMention("PT", 1)), ArticleRecords.countries(s.found, ofAPortugueseOutlet));
    }

    @Test
    void aThemeNamedNTimesScoresOneMinusAHalfToTheN() {
        Staged s = Staged.of("مكافحة الإرهاب والتطرف. والجماعات الإرهابية. والتنظيمات الإرهابية تهدد الأمن السيبراني. والفكر المتطرف.");
        assertEquals(List.of(new ThemeScore("TERRORISM", 0.88), new ThemeScore("EXTREMISM", 0.75), new ThemeScore("CYBERSECURITY", 0.5)),
                ArticleRecords.themes(s.found));
    }

    @Test
    void anArticleWithoutThemesOrCountriesHasNone() {
        Staged s = Staged.of("انعقد الاجتماع.");
        assertEquals(List.of(), ArticleRecords.countries(s.found, s.drafts));
        assertEquals(List.of(), ArticleRecords.themes(s.found));
    }

    @Test
    void anEventCarriesItsKindCameoAndEveryFieldOfItsDraft() {
        Event event = ArticleRecords.event("a1", draft(EventType.VISIT, "PT", List.of("ES"), Map.of(), 0));
        assertEquals("VISIT", event.type());
        assertEquals("042", event.cameo());
        assertEquals(List.of("INTERPOL"), event.organisations());
        assertEquals(new Event.EventDate("2025-03-03", "day"), event.date());
        assertEquals(new Event.Location("ES", "مدريد"), event.location());
        assertEquals(List.of("TERRORISM"), event.themes());
        assertEquals(new Event.Evidence(0, 30), event.evidence());
        assertEquals(0.9, event.confidence());
    }

    @Test
    void aKindOutsideCameoHasNoCameoCode() {
        assertNull(ArticleRecords.event("a1", draft(EventType.CONFERENCE, "PT", List.of(), Map.of(), 0)).cameo());
    }

    @Test
    void partiesAreTheOfficialsNamedForTheirCountryElseTheCountryAlone() {
        Event event = ArticleRecords.event("a1", draft(EventType.MEET, "PT", List.of("ES", "FR"),
                Map.of("ES", new Actor("ES", null, "وزير الداخلية")), 0));
        assertEquals(new Actor("PT", null, null), event.subject());
        assertEquals(List.of(new Actor("ES", null, "وزير الداخلية"), new Actor("FR", null, null)), event.partners());
    }

    @Test
    void anEventWithoutSubjectHasNone() {
        assertNull(ArticleRecords.event("a1", draft(EventType.MEET, null, List.of("ES"), Map.of(), 0)).subject());
    }

    @Test
    void theSameEventOfTheSameArticleHasTheSameId() {
        assertEquals(ArticleRecords.event("a1", draft(EventType.MEET, "PT", List.of("ES"), Map.of(), 0)).id(),
                ArticleRecords.event("a1", draft(EventType.MEET, "PT", List.of("ES"), Map.of(), 0)).id());
    }

    @Test
    void eventsDifferingInArticleKindPartnersOrEvidenceHaveDifferentIds() {
        String id = ArticleRecords.event("a1", draft(EventType.MEET, "PT", List.of("ES"), Map.of(), 0)).id();
        assertNotEquals(id, ArticleRecords.event("a2", draft(EventType.MEET, "PT", List.of("ES"), Map.of(), 0)).id());
        assertNotEquals(id, ArticleRecords.event("a1", draft(EventType.VISIT, "PT", List.of("ES"), Map.of(), 0)).id());
        assertNotEquals(id, ArticleRecords.event("a1", draft(EventType.MEET, "PT", List.of("FR"), Map.of(), 0)).id());
        assertNotEquals(id, ArticleRecords.event("a1", draft(EventType.MEET, "PT", List.of("ES"), Map.of(), 40)).id());
    }

    @Test
    void twoItemsOfOneSentenceHaveTheirOwnIds() {
        Staged s = Staged.of("عقد الوزير الفرنسي لقاء في مدريد، ثم اجتماعا في روما.");
        assertEquals(2, s.drafts.stream().map(d -> ArticleRecords.event("a1", d).id()).distinct().count());
    }

    @Test
    void anArticleMostlyInArabicLettersIsArabic() {
        assertEquals("ar", ArticleRecords.language(Staged.fold("التقى الوزير نظيره في مدريد يوم 12 ماي 2024 بحضور FBI.")));
    }

    @Test
    void anArticleMostlyInOtherLettersIsUndetermined() {
        assertEquals("und", ArticleRecords.language(Staged.fold("The minister met his counterpart in Madrid، اليوم.")));
    }

    @Test
    void halfArabicLettersIsEnough() {
        assertEquals("ar", ArticleRecords.language("abcd ابتث"));
        assertEquals("und", ArticleRecords.language("abcde ابتث"));
    }

    @Test
    void digitsAndPunctuationAreNoLetters() {
        assertEquals("ar", ArticleRecords.language("2024-05-12 ! ... وصل"));
        assertEquals("und", ArticleRecords.language("2024-05-12 ! ..."));
        assertEquals("und", ArticleRecords.language(""));
    }

    @Test
    void theFirstThousandLettersDecide() {
        assertEquals("und", ArticleRecords.language("a".repeat(1000) + " " + "ب".repeat(5000)));
        assertEquals("ar", ArticleRecords.language("ب".repeat(1000) + " " + "a".repeat(5000)));
    }
}

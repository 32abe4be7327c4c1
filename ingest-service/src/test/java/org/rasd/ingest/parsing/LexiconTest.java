package org.rasd.ingest.parsing;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The one automaton behind every lexicon: each category keeps its own matches and its own word rule. */
class LexiconTest {

    private static <V> List<V> values(Lexicon.Scan scan, Lexicon.Category<V> category) {
        return scan.matches(category).stream().map(Lexicon.Match::value).toList();
    }

    @Test
    void aPhraseListedInTwoCategoriesIsFoundInBoth() {
        Lexicon.Builder words = Lexicon.builder();
        Lexicon.Category<String> countries = words.add(Map.of("المغرب", "MA"), true);
        Lexicon.Category<String> places = words.add(Map.of("المغرب", "place"), true);
        Lexicon lexicon = words.build();

        Lexicon.Scan scan = lexicon.scan(NormalizedText.fold("زار الوفد المغرب"));
        assertEquals(List.of("MA"), values(scan, countries));
        assertEquals(List.of("place"), values(scan, places));
    }

    @Test
    void eachCategoryKeepsItsOwnWordRule() {
        Lexicon.Builder words = Lexicon.builder();
        Lexicon.Category<String> cues = words.add(Map.of("استقبل", "HOST"), false);
        Lexicon.Category<String> wholeWords = words.add(Map.of("استقبل", "exact"), true);
        Lexicon lexicon = words.build();

        Lexicon.Scan scan = lexicon.scan(NormalizedText.fold("واستقبلته الرباط"));
        assertEquals(List.of("HOST"), values(scan, cues), "a cue takes any ending and the clitic و");
        assertEquals(List.of(), values(scan, wholeWords), "a whole-word phrase does not match inside a longer word");
    }

    @Test
    void aPhraseEndingInDollarTakesNoEndingInACategoryThatAllowsThem() {
        Lexicon.Builder words = Lexicon.builder();
        Lexicon.Category<String> cues = words.add(Map.of("زار$", "VISIT", "استقبل", "HOST"), false);
        Lexicon lexicon = words.build();

        assertEquals(List.of("VISIT", "HOST"), values(lexicon.scan(NormalizedText.fold("وزار الرباط واستقبله الوزير")), cues));
        assertEquals(List.of(), values(lexicon.scan(NormalizedText.fold("أعلنت وزارة الداخلية")), cues),
                "وزارة is not و + زار with an ending");
    }

    @Test
    void theLongestPhraseWinsWithinACategoryOnly() {
        Lexicon.Builder words = Lexicon.builder();
        Lexicon.Category<String> countries = words.add(Map.of("المملكة المغربية", "MA", "المغربية", "MA-demonym"), true);
        Lexicon.Category<String> demonyms = words.add(Map.of("المغربية", "Moroccan"), true);
        Lexicon lexicon = words.build();

        Lexicon.Scan scan = lexicon.scan(NormalizedText.fold("في المملكة المغربية وللمغربية"));
        assertEquals(List.of("MA", "MA-demonym"), values(scan, countries));
        assertEquals(List.of("Moroccan", "Moroccan"), values(scan, demonyms), "another category still sees the shorter phrase");
    }

    @Test
    void aPhraseWithAGapNeedsItsWordLaterInTheSameSentence() {
        Lexicon.Builder words = Lexicon.builder();
        Lexicon.Category<String> cues = words.add(Map.of("بحث$ … مع", "MEET"), false);
        Lexicon lexicon = words.build();

        List<Lexicon.Match<String>> found = lexicon.scan(NormalizedText.fold("بحث الوزير، أمس، مع نظيره")).matches(cues);
        assertEquals(List.of(new Lexicon.Match<>(0, 3, "MEET")), found, "the match is the head alone");
        assertEquals(List.of(), values(lexicon.scan(NormalizedText.fold("بحث الوزير الملف. ومع ذلك")), cues), "«مع» of another sentence");
        assertEquals(List.of(), values(lexicon.scan(NormalizedText.fold("بحث الوزير ملف معالي السفير")), cues), "«مع» must stand alone");
    }

    @Test
    void rowsOfOnePhraseThatNeedDifferentWordsAfterItNeedEither() {
        Lexicon.Builder words = Lexicon.builder();
        Lexicon.Category<String> cues = words.add(Map.of("إشعار نظير … توقيف*", "INTEL_SHARING", "إشعار نظير … اعتقال*", "INTEL_SHARING"), false);
        Lexicon lexicon = words.build();

        assertEquals(List.of("INTEL_SHARING"), values(lexicon.scan(NormalizedText.fold("وتم إشعار نظيره الهولندي بعملية التوقيف")), cues));
        assertEquals(List.of("INTEL_SHARING"), values(lexicon.scan(NormalizedText.fold("وتم إشعار نظيره الهولندي بواقعة الاعتقال")), cues));
        assertEquals(List.of(), values(lexicon.scan(NormalizedText.fold("وتم إشعار نظيره الهولندي بموعد الاجتماع")), cues));
    }

    @Test
    void aRowOfAPhraseThatNeedsNoWordAfterItMakesTheOthersOfItsCategoryNeedNone() {
        Lexicon.Builder words = Lexicon.builder();
        Lexicon.Category<String> cues = words.add(Map.of("بحث … مع", "MEET", "بحث", "MEET"), false);
        Lexicon.Category<String> gapped = words.add(Map.of("بحث … مع", "MEET"), false);
        Lexicon lexicon = words.build();

        Lexicon.Scan scan = lexicon.scan(NormalizedText.fold("بحث الوزير الملف الأمني"));
        assertEquals(List.of("MEET"), values(scan, cues));
        assertEquals(List.of(), values(scan, gapped), "another category keeps its own condition");
    }

    @Test
    void rowsOfOnePhraseThatNeedWordsAfterItAndDisagreeAreRefused() {
        // which would win depends on the order rows are read in: neither silently
        Lexicon.Builder words = Lexicon.builder();
        assertThrows(IllegalStateException.class,
                () -> words.add(Map.of("بحث … مع", "MEET", "بحث … عن", "SEARCH"), false));
    }

    @Test
    void aGapWordWrittenWithAStarTakesAnyEndingAndTheArticle() {
        Lexicon.Builder words = Lexicon.builder();
        Lexicon.Category<String> cues = words.add(Map.of("سلمت … مطلوب*", "INTEL_SHARING"), false);
        Lexicon lexicon = words.build();

        assertEquals(List.of("INTEL_SHARING"), values(lexicon.scan(NormalizedText.fold("سلّمت الشرطة مطلوبَين إلى بلجيكا")), cues));
        assertEquals(List.of("INTEL_SHARING"), values(lexicon.scan(NormalizedText.fold("سلّمت الشرطة المطلوب إلى بلجيكا")), cues));
        assertEquals(List.of(), values(lexicon.scan(NormalizedText.fold("سلّمت الشرطة رسالة. وهو مطلوب")), cues), "a word of another sentence");
    }
}

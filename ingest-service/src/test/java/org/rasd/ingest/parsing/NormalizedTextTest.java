package org.rasd.ingest.parsing;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Folded text: what the stages ask of its chars. */
class NormalizedTextTest {

    @Test
    void aPhraseStandsAsWordsWhenNoLetterJoinsItOnEitherSide() {
        String text = NormalizedText.fold("وكان في استقبالهما، وفي استقباله");
        int first = text.indexOf(NormalizedText.fold("في استقباله"));
        assertFalse(NormalizedText.standsAsWords(text, first, first + NormalizedText.fold("في استقباله").length()), "the dual goes on");
        assertTrue(NormalizedText.standsAsWords(text, first, first + NormalizedText.fold("في استقبالهما").length()), "a comma ends it");
        int second = text.lastIndexOf(NormalizedText.fold("في استقباله"));
        assertFalse(NormalizedText.standsAsWords(text, second, text.length()), "و is written onto it");
        assertTrue(NormalizedText.standsAsWords(text, second - 1, text.length()), "at the text's end");
    }
}

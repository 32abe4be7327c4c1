package org.rasd.ingest.parsing;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
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

    @Test
    void textsJoinedByLineBreaksKeepTheirOffsets() {
        NormalizedText first = NormalizedText.of("وزيرُ الداخلية");
        NormalizedText second = NormalizedText.of("يستقبلُ  نظيره");
        NormalizedText lines = NormalizedText.lines(List.of(first, second));
        assertEquals("وزيرُ الداخلية\nيستقبلُ  نظيره", lines.original());
        assertEquals(first.folded() + "\n" + second.folded(), lines.folded());
        int verb = lines.folded().indexOf("يستقبل");
        assertEquals("يستقبلُ", lines.originalOf(new NormalizedText.Range(verb, verb + "يستقبل".length())), "the mark on its last letter kept");
        assertEquals("الداخلية", lines.originalOf(new NormalizedText.Range(5, 13)));
        assertEquals(lines.original().length(), lines.originalEnd(lines.folded().length()));
        assertEquals("", NormalizedText.lines(List.of()).original(), "no text: an empty one");
    }

    @Test
    void anySpaceFoldsToAPlainOneAndARunOfThemToOneWhileIdsReadThemAsWritten() {
        String written = "وزير\u00A0الداخلية  \tالمغربي \u200Bيستقبل";
        NormalizedText text = NormalizedText.of(written);
        assertEquals(NormalizedText.fold("وزير الداخلية المغربي يستقبل"), text.folded());
        int word = text.folded().indexOf(NormalizedText.fold("المغربي"));
        assertEquals("المغربي", text.originalOf(new NormalizedText.Range(word, word + 7)), "the run's left-out spaces are no part of it");
        NormalizedText marked = NormalizedText.of("قال  \u200F  \u200Fالوزير");
        int minister = marked.folded().indexOf(NormalizedText.fold("الوزير"));
        assertEquals("\u200Fالوزير", marked.originalOf(new NormalizedText.Range(minister, marked.folded().length())),
                "a mark on its first letter kept, the run of spaces and marks before it not");
        assertEquals(NormalizedText.fold("وزير") + "\u00A0" + NormalizedText.fold("الداخلية") + "  \t" + NormalizedText.fold("المغربي")
                + " \u200B" + NormalizedText.fold("يستقبل"), text.foldedForIds(), "as folded before: each space as written");
        assertTrue(NormalizedText.isWhitespace('\u00A0'));
        assertFalse(NormalizedText.isWhitespaceOfIds('\u00A0'), "as when the first ids were made");
        NormalizedText spaced = NormalizedText.of("وزير الداخلية المغربي");
        assertSame(spaced.folded(), spaced.foldedForIds(), "the common case, read as it is");
    }
}

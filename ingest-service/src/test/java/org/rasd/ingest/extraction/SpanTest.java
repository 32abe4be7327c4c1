package org.rasd.ingest.extraction;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.rasd.ingest.extraction.Staged.fold;

/** Spans: the words a stage reads a few at a time after a point. */
class SpanTest {

    private static List<String> words(String text, int count) {
        String folded = fold(text);
        return Span.words(folded, 0, folded.length(), count).stream().map(word -> word.of(folded)).toList();
    }

    @Test
    void wordsAreReadPastPunctuationAndDigitsUpToTheCountGiven() {
        assertEquals(List.of(fold("في"), fold("لقاء"), fold("اخر")), words("، في (لقاء) 12 آخر اللواء", 3));
    }

    @Test
    void wordsStopAtTheEndOfTheSentence() {
        assertEquals(List.of(fold("وصل"), fold("الوفد")), words("وصل الوفد. واستقبله الوزير", 4));
    }

    @Test
    void aDotBetweenDigitsEndsNoSentence() {
        assertEquals(List.of(fold("رصدت"), fold("مليون"), fold("درهم")), words("رصدت 2.5 مليون درهم", 4));
    }
}

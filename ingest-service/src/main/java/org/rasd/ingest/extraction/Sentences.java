package org.rasd.ingest.extraction;

import org.rasd.ingest.parsing.Lexicon.Match;
import org.rasd.ingest.parsing.NormalizedText;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** The sentence splitter: sentences, and the part of each that reports rather than announces. */
final class Sentences {

    private Sentences() {
    }

    /** The sentences of a folded text, in order, with their discourse markers. */
    static List<Sentence> split(String folded, List<Match<Marker>> markers) {
        return spans(folded).stream().map(whole -> sentence(folded, whole, markers)).toList();
    }

    private static Sentence sentence(String folded, Span whole, List<Match<Marker>> allMarkers) {
        List<Match<Marker>> markers = whole.inside(allMarkers);
        int reportedEnd = whole.end();
        for (Match<Marker> marker : markers) {
            if (marker.value() == Marker.SCHEDULED) {
                reportedEnd = NormalizedText.wordStart(folded, marker.start(), whole.start());
                break;
            }
        }
        return new Sentence(whole, new Span(whole.start(), reportedEnd), markers);
    }

    /** Sentences end at . ! ? ؟ ؛ … and at line ends; a dot between digits (2.5) does not end one. */
    private static List<Span> spans(String folded) {
        BitSet ends = new BitSet(folded.length());
        for (int k = 0; k < NormalizedText.SENTENCE_ENDS.length(); k++) { // one String.indexOf run per mark: it reads many chars at a time
            char mark = NormalizedText.SENTENCE_ENDS.charAt(k);
            for (int i = folded.indexOf(mark); i >= 0; i = folded.indexOf(mark, i + 1)) {
                if (NormalizedText.endsSentence(folded, i)) {
                    ends.set(i);
                }
            }
        }
        List<Span> spans = new ArrayList<>();
        int start = 0;
        for (int end = ends.nextSetBit(0); end >= 0; end = ends.nextSetBit(end + 1)) {
            if (!isBlank(folded, start, end + 1)) {
                spans.add(new Span(start, end + 1));
            }
            start = end + 1;
        }
        if (!isBlank(folded, start, folded.length())) {
            spans.add(new Span(start, folded.length()));
        }
        return spans;
    }

    private static boolean isBlank(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!NormalizedText.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The paragraph (line) a sentence is in. */
    static Span paragraphAround(String folded, Span sentence) {
        int start = folded.lastIndexOf('\n', Math.max(0, sentence.start() - 1)) + 1;
        int end = folded.indexOf('\n', sentence.start());
        return new Span(start, end < 0 ? folded.length() : end);
    }
}

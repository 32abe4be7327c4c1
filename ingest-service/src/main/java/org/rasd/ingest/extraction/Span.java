package org.rasd.ingest.extraction;

import org.rasd.ingest.parsing.Lexicon.Match;
import org.rasd.ingest.parsing.Located;
import org.rasd.ingest.parsing.NormalizedText;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A stretch of the folded text, {@code [start, end)}; and how the stages find what lies in one. */
record Span(int start, int end) {

    boolean contains(int offset) {
        return offset >= start && offset < end;
    }

    /**
     * The first {@code count} words (runs of letters) of {@code folded[from, to)}, read past punctuation and digits
     * but not past the end of a sentence: where the stages look for a title a few words on.
     */
    static List<Span> words(String folded, int from, int to, int count) {
        List<Span> words = new ArrayList<>(count);
        int at = from;
        while (words.size() < count) {
            while (at < to && !NormalizedText.isWordChar(folded.charAt(at))) {
                if (NormalizedText.endsSentence(folded, at)) {
                    return words;
                }
                at++;
            }
            if (at >= to) {
                break;
            }
            int end = NormalizedText.wordEnd(folded, at, to);
            words.add(new Span(at, end));
            at = end;
        }
        return words;
    }

    String of(String folded) {
        return folded.substring(start, end);
    }

    /** The items of {@code sorted} (in order of their start) that start inside this span, found by bisection. */
    <T extends Located> List<T> startingIn(List<T> sorted) {
        return sorted.subList(firstFrom(sorted, start), firstFrom(sorted, end));
    }

    /** Whether a match of one of the values starts inside this span: read without copying the matches. */
    <V> boolean holds(List<Match<V>> sorted, Set<V> values) {
        for (int i = firstFrom(sorted, start); i < sorted.size() && sorted.get(i).start() < end; i++) {
            if (values.contains(sorted.get(i).value())) {
                return true;
            }
        }
        return false;
    }

    /** Whether a match of the value starts inside this span. */
    <V> boolean holds(List<Match<V>> sorted, V value) {
        return holds(sorted, Set.of(value));
    }

    /** The matches that lie wholly inside this span. */
    <V> List<Match<V>> inside(List<Match<V>> sorted) {
        List<Match<V>> inside = new ArrayList<>();
        for (Match<V> match : startingIn(sorted)) {
            if (match.end() <= end) {
                inside.add(match);
            }
        }
        return inside;
    }

    private static int firstFrom(List<? extends Located> sorted, int offset) {
        int low = 0;
        int high = sorted.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted.get(middle).start() < offset) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}

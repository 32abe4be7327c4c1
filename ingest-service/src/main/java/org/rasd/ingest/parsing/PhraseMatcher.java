package org.rasd.ingest.parsing;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds lexicon phrases in folded text in one pass (Aho-Corasick), keeping leftmost-longest matches that stand
 * as words: a phrase may carry the Arabic clitics و ف ب ل ك and the article ال in front of it (لقاء matches
 * باللقاء), and, when the lexicon allows it, any ending after it (استقبل matches استقبلته).
 */
public final class PhraseMatcher<V> {

    private static final String CLITICS = "وفبلك";

    private final AhoCorasickDoubleArrayTrie<V> trie = new AhoCorasickDoubleArrayTrie<>();
    private final boolean wholeWordsOnly;

    /**
     * @param phrases phrase to value; phrases are folded here, and a definite phrase (ال…) also matches its
     *                form after the preposition ل (للمغرب)
     * @param wholeWordsOnly whether a match must end where a word ends
     */
    public PhraseMatcher(Map<String, V> phrases, boolean wholeWordsOnly) {
        TreeMap<String, V> keys = new TreeMap<>();
        phrases.forEach((phrase, value) -> {
            String folded = NormalizedText.fold(phrase.strip());
            if (!folded.isEmpty()) {
                keys.put(folded, value);
                if (folded.startsWith("ال") && folded.length() > 2) {
                    keys.put("لل" + folded.substring(2), value);
                }
            }
        });
        trie.build(keys);
        this.wholeWordsOnly = wholeWordsOnly;
    }

    public record Match<V>(int start, int end, V value) {
    }

    /** Non-overlapping matches in {@code folded}, in text order, with folded offsets. */
    public List<Match<V>> find(String folded) {
        List<Match<V>> candidates = new ArrayList<>();
        trie.parseText(folded, (begin, end, value) -> {
            if (startsWord(folded, begin) && (!wholeWordsOnly || endsWord(folded, end))) {
                candidates.add(new Match<>(begin, end, value));
            }
        });
        candidates.sort(Comparator.<Match<V>>comparingInt(Match::start).thenComparing(m -> -m.end()));
        List<Match<V>> kept = new ArrayList<>();
        int coveredUntil = 0;
        for (Match<V> match : candidates) {
            if (match.start() >= coveredUntil) {
                kept.add(match);
                coveredUntil = match.end();
            }
        }
        return kept;
    }

    private static boolean startsWord(String text, int begin) {
        int i = begin;
        if (i >= 2 && text.charAt(i - 2) == 'ا' && text.charAt(i - 1) == 'ل' && !text.startsWith("ال", begin)) {
            i -= 2;
        }
        // up to two clitics (وب، فل، ول …) may stand between the word boundary and the phrase
        for (int clitics = 0; clitics <= 2; clitics++) {
            if (i == 0 || !NormalizedText.isWordChar(text.charAt(i - 1))) {
                return true;
            }
            if (clitics == 2 || CLITICS.indexOf(text.charAt(i - 1)) < 0) {
                return false;
            }
            i--;
        }
        return false;
    }

    private static boolean endsWord(String text, int end) {
        return end == text.length() || !NormalizedText.isWordChar(text.charAt(end));
    }
}

package org.rasd.ingest.parsing;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every phrase list of the extractor (countries, themes, cues, month names …) in one Aho-Corasick automaton, so
 * that a text is read once for all of them. Each list is a {@link Category}; in each, the matches kept are the
 * leftmost-longest ones that stand as words: a phrase may carry the Arabic clitics و ف ب ل ك and the article ال
 * in front of it (لقاء matches باللقاء), and, when its category allows it, any ending after it (استقبل matches
 * استقبلته). A phrase written with a final {@code $} takes no ending even then: زار$ is the verb, not the start
 * of وزارة. A phrase written {@code head … word} is its head, matched only when the word stands on its own later in
 * the same sentence: «بحث … مع» is the verb of «بحث الوزير، أمس، مع نظيره», whatever stands between. Rows of one
 * head that need different words need any one of them; words of several words are read one by one (مع نظير*).
 */
public final class Lexicon {

    private static final String CLITICS = "وفبلك";

    /** Between a phrase's head and the words that must follow it in the same sentence: «بحث … مع». */
    private static final String GAP = "…";

    /** How far after its head the word a phrase needs may stand: a subject with titles, a name and a day. */
    private static final int GAP_REACH = 160;
    /** Ends a word after a gap that takes any ending. */
    private static final String STEM = "*";
    private static final String ARTICLE = "ال";

    /** One phrase list; its matches are read from a {@link Scan}. */
    public record Category<V>(int index) {
    }

    public record Match<V>(int start, int end, V value) implements Located {
    }

    /**
     * What a phrase is in each category that lists it, whether a match of it must end a word, and the words of which
     * one must follow it later in its sentence (none: it needs none).
     */
    private record Entry(int category, boolean endsWord, Object value, List<Following> followedBy) {

        /**
         * This entry and another row of its phrase in its category: rows that differ only in the word they need
         * after the phrase («إشعار نظير … توقيف*»، «إشعار نظير … اعتقال*») need either; one that needs none needs none.
         * Rows that need words and disagree on what the phrase is are refused, as the same phrase listed twice is; any
         * other later form (a derived one that is also a name) replaces the earlier.
         */
        Entry or(Entry later) {
            if (!value.equals(later.value) || endsWord != later.endsWord) {
                if (!followedBy.isEmpty() && !later.followedBy.isEmpty()) {
                    throw new IllegalStateException("two rows of one phrase need words after it and disagree: " + value + ", " + later.value);
                }
                return later;
            }
            if (followedBy.isEmpty() || later.followedBy.isEmpty()) {
                return new Entry(category, endsWord, value, List.of());
            }
            List<Following> either = new ArrayList<>(followedBy);
            either.addAll(later.followedBy);
            return new Entry(category, endsWord, value, List.copyOf(either));
        }

        boolean followedIn(String text, int end) {
            if (followedBy.isEmpty()) {
                return true;
            }
            for (Following words : followedBy) {
                if (words.followIn(text, end)) {
                    return true;
                }
            }
            return false;
        }
    }

    private final AhoCorasickDoubleArrayTrie<Entry[]> trie = new AhoCorasickDoubleArrayTrie<>();
    private final int categories;

    private Lexicon(Map<String, Entry[]> phrases, int categories) {
        trie.build(phrases);
        this.categories = categories;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        /** Folded phrase to what it is in each category that lists it, by category index. */
        private final TreeMap<String, TreeMap<Integer, Entry>> phrases = new TreeMap<>();
        private int categories;

        private Builder() {
        }

        /**
         * Adds a phrase list as a new category.
         *
         * @param phrases phrase to value; phrases are folded here, and a definite phrase (ال…) also matches its
         *                form after the preposition ل (للمغرب)
         * @param wholeWordsOnly whether a match must end where a word ends (else only phrases ending in $ must)
         */
        public <V> Category<V> add(Map<String, V> phrases, boolean wholeWordsOnly) {
            Category<V> category = new Category<>(categories++);
            phrases.forEach((phrase, value) -> {
                int gap = phrase.indexOf(GAP);
                String written = (gap < 0 ? phrase : phrase.substring(0, gap)).strip();
                List<Following> followedBy = gap < 0 ? List.of() : List.of(Following.of(NormalizedText.fold(phrase.substring(gap + GAP.length()).strip())));
                boolean takesNoEnding = written.endsWith("$");
                String folded = NormalizedText.fold(takesNoEnding ? written.substring(0, written.length() - 1) : written);
                Entry entry = new Entry(category.index(), wholeWordsOnly || takesNoEnding, value, followedBy);
                if (!folded.isEmpty()) {
                    put(folded, entry);
                    if (folded.startsWith("ال") && folded.length() > 2) {
                        put(AFTER_LI + folded.substring(2), entry);
                    }
                }
            });
            return category;
        }

        private void put(String folded, Entry entry) {
            phrases.computeIfAbsent(folded, key -> new TreeMap<>()).merge(entry.category(), entry, Entry::or);
        }

        public Lexicon build() {
            TreeMap<String, Entry[]> entries = new TreeMap<>();
            phrases.forEach((phrase, byCategory) -> entries.put(phrase, byCategory.values().toArray(Entry[]::new)));
            return new Lexicon(entries, categories);
        }
    }

    /** A folded text read once: the matches of every category in it. */
    public static final class Scan {
        private final String text;
        private final List<List<Match<?>>> matches;

        private Scan(String text, List<List<Match<?>>> matches) {
            this.text = text;
            this.matches = matches;
        }

        public String text() {
            return text;
        }

        /** The category's non-overlapping matches, in text order, with folded offsets. */
        @SuppressWarnings("unchecked")
        public <V> List<Match<V>> matches(Category<V> category) {
            List<?> found = matches.get(category.index());
            return (List<Match<V>>) found;
        }
    }

    /** A definite phrase after the preposition ل, whose article loses its alif: ل + المغرب is written للمغرب. */
    private static final String AFTER_LI = "لل";

    /**
     * A matched phrase as it reads on its own: a definite one written after ل (للأعرجي, «to al-Araji») takes its
     * article back (الأعرجي); any other text is returned as it is.
     */
    public static String withoutLi(String matched) {
        return matched.startsWith(AFTER_LI) && matched.length() > AFTER_LI.length() ? "ال" + matched.substring(AFTER_LI.length()) : matched;
    }

    public Scan scan(String folded) {
        List<List<Match<?>>> candidates = new ArrayList<>(categories);
        for (int i = 0; i < categories; i++) {
            candidates.add(new ArrayList<>());
        }
        trie.parseText(folded, (begin, end, entries) -> {
            if (startsWord(folded, begin)) {
                boolean atWordEnd = end == folded.length() || !NormalizedText.isWordChar(folded.charAt(end));
                for (Entry entry : entries) {
                    if ((atWordEnd || !entry.endsWord()) && entry.followedIn(folded, end)) {
                        candidates.get(entry.category()).add(new Match<>(begin, end, entry.value()));
                    }
                }
            }
            return true;
        });
        List<List<Match<?>>> kept = new ArrayList<>(categories);
        for (List<Match<?>> category : candidates) {
            kept.add(leftmostLongest(category));
        }
        return new Scan(folded, kept);
    }

    private static final Comparator<Match<?>> LEFTMOST_LONGEST_FIRST =
            Comparator.<Match<?>>comparingInt(Match::start).thenComparingInt(match -> -match.end());

    private static List<Match<?>> leftmostLongest(List<Match<?>> candidates) {
        if (candidates.size() < 2) {
            return candidates;
        }
        candidates.sort(LEFTMOST_LONGEST_FIRST);
        List<Match<?>> kept = new ArrayList<>();
        int coveredUntil = 0;
        for (Match<?> match : candidates) {
            if (match.start() >= coveredUntil) {
                kept.add(match);
                coveredUntil = match.end();
            }
        }
        return kept;
    }

    /**
     * Words that must stand on their own after a phrase's head, within reach and before its sentence ends, one after
     * another whatever the spaces between them (مع نظير*); written with a final * the last takes any ending
     * (مطلوبين), and the first may then take the article (المطلوب).
     */
    private record Following(String[] words, boolean stem) {

        static Following of(String written) {
            boolean stem = written.endsWith(STEM);
            return new Following((stem ? written.substring(0, written.length() - STEM.length()) : written).split(" "), stem);
        }

        boolean followIn(String text, int from) {
            int limit = Math.min(text.length(), from + GAP_REACH);
            for (int i = from; i < limit; i++) {
                char c = text.charAt(i);
                if (NormalizedText.isSentenceEnd(c)) {
                    return false;
                }
                if (NormalizedText.isWhitespace(c) && startAt(text, i + 1)) {
                    return true;
                }
            }
            return false;
        }

        private boolean startAt(String text, int at) {
            int start = stem && text.startsWith(ARTICLE, at) && text.startsWith(words[0], at + ARTICLE.length()) ? at + ARTICLE.length() : at;
            for (int w = 0; w < words.length; w++) {
                if (!text.startsWith(words[w], start)) {
                    return false;
                }
                int after = start + words[w].length();
                if (w == words.length - 1) {
                    return stem || after == text.length() || !NormalizedText.isWordChar(text.charAt(after));
                }
                if (after == text.length() || !NormalizedText.isWhitespace(text.charAt(after))) {
                    return false;
                }
                start = after;
                while (start < text.length() && NormalizedText.isWhitespace(text.charAt(start))) {
                    start++;
                }
            }
            return false;
        }
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
}

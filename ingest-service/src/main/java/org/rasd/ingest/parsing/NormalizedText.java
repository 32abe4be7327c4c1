package org.rasd.ingest.parsing;

import org.apache.lucene.analysis.ar.ArabicNormalizer;
import org.apache.lucene.analysis.fa.PersianNormalizer;

import java.util.List;
import java.util.function.Predicate;

/**
 * Text folded for matching (alef and ya forms, ta marbuta, diacritics, tatweel, Persian letters, bidi marks,
 * Eastern Arabic digits, Latin case), with a map back to the original, so that a match found here can be
 * reported as offsets into the text people read.
 */
public final class NormalizedText {

    /**
     * What each char folds to (0: dropped), looked up at once: the Arabic block as Lucene's Arabic and Persian
     * normalisers fold it (they fold char by char) with Eastern Arabic digits as ASCII ones, bidi and joiner
     * marks dropped, other chars in lower case.
     */
    private static final char[] FOLDED = new char[Character.MAX_VALUE + 1];
    /**
     * What stands between words besides the space: the tab; the no-break spaces, which {@link Character#isWhitespace}
     * does not count (U+00A0, HTML's {@code &nbsp;}; the figure space U+2007; the narrow one U+202F); Unicode's other
     * space separators (en, em, thin, hair, ideographic …); and the zero-width space U+200B. Each folds to a space,
     * and a run of spaces to one: «وزير الداخلية» is found however a page spaces its words.
     */
    private static final String SPACES = "\t\u00A0\u2007\u202F\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
            + "\u2008\u2009\u200A\u200B\u205F\u3000";

    private static final boolean[] WHITESPACE = new boolean[Character.MAX_VALUE + 1];

    static {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            WHITESPACE[c] = Character.isWhitespace(c) || SPACES.indexOf(c) >= 0;
        }
        ArabicNormalizer arabic = new ArabicNormalizer();
        PersianNormalizer persian = new PersianNormalizer();
        char[] one = new char[1];
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            if (c >= 0x0600 && c <= 0x06FF) {
                one[0] = (char) c;
                int length = persian.normalize(one, arabic.normalize(one, 1));
                FOLDED[c] = length == 0 ? 0 : one[0];
            } else {
                FOLDED[c] = isInvisibleFormatting((char) c) ? 0 : Character.toLowerCase((char) c);
            }
        }
        for (int digit = 0; digit <= 9; digit++) {
            FOLDED[0x0660 + digit] = (char) ('0' + digit); // Eastern Arabic digits
            FOLDED[0x06F0 + digit] = (char) ('0' + digit); // their Persian forms
        }
        FOLDED['\u061C'] = 0; // the Arabic letter mark, a bidi mark
        for (char space : SPACES.toCharArray()) {
            FOLDED[space] = ' '; // a space to every phrase, date and line rule (وزير&nbsp;الداخلية)
        }
    }

    private final String original;
    private final String folded;
    /** {@code originalIndex[i]} is where folded char {@code i} came from; one extra slot maps the end. */
    private final int[] originalIndex;
    /**
     * Whether folding made a space of nothing but a plain one and left none out: then the text folds as it did before
     * spaces were folded (rasd-rules/0.10.19 and earlier).
     */
    private final boolean spacedAsBefore;

    private NormalizedText(String original, String folded, int[] originalIndex, boolean spacedAsBefore) {
        this.original = original;
        this.folded = folded;
        this.originalIndex = originalIndex;
        this.spacedAsBefore = spacedAsBefore;
    }

    public static NormalizedText of(String text) {
        int length = text.length();
        char[] chars = text.toCharArray(); // a loop over an array runs without String's per-char checks
        char[] folded = new char[length];
        int[] index = new int[length + 1];
        int kept = 0;
        boolean spacedAsBefore = true;
        for (int i = 0; i < length; i++) {
            char c = FOLDED[chars[i]];
            if (c == ' ') {
                boolean inARun = kept > 0 && folded[kept - 1] == ' ';
                spacedAsBefore &= !inARun && chars[i] == ' ';
                if (inARun) {
                    continue; // a run of spaces is one
                }
            }
            if (c != 0) {
                index[kept] = i;
                folded[kept++] = c;
            }
        }
        index[kept] = length;
        return new NormalizedText(text, new String(folded, 0, kept), index, spacedAsBefore);
    }

    /** Folded offsets {@code [start, end)}. */
    public record Range(int start, int end) {
    }

    /**
     * The original text of a folded range, with the chars folding dropped (diacritics, bidi marks) that stand
     * between it and the folded chars around it: a line keeps the marks on its first and last letters.
     */
    public String originalOf(Range range) {
        return original.substring(originalRangeStart(range), originalRangeEnd(range));
    }

    private int originalRangeStart(Range range) {
        if (range.start() == 0) {
            return 0;
        }
        int start = originalIndex[range.start() - 1] + 1;
        for (int i = originalIndex[range.start()] - 1; i >= start; i--) {
            if (FOLDED[original.charAt(i)] == ' ') {
                return i + 1; // after the spaces of a run that folding left out, as when it kept every space
            }
        }
        return start;
    }

    private int originalRangeEnd(Range range) {
        return originalIndex[range.end()];
    }

    /**
     * Ranges of this text (in folded offsets, in order) joined by line breaks into a text of their own: the
     * same as folding the joined original ranges, without folding again.
     */
    public NormalizedText joined(List<Range> ranges) {
        int foldedLength = Math.max(0, ranges.size() - 1);
        int originalLength = foldedLength;
        for (Range range : ranges) {
            foldedLength += range.end() - range.start();
            originalLength += originalRangeEnd(range) - originalRangeStart(range);
        }
        char[] joinedOriginal = new char[originalLength];
        char[] joinedFolded = new char[foldedLength];
        int[] index = new int[foldedLength + 1];
        int originalAt = 0;
        int foldedAt = 0;
        for (int n = 0; n < ranges.size(); n++) {
            Range range = ranges.get(n);
            if (n > 0) {
                index[foldedAt] = originalAt;
                joinedOriginal[originalAt++] = '\n';
                joinedFolded[foldedAt++] = '\n';
            }
            int originalStart = originalRangeStart(range);
            int originalEnd = originalRangeEnd(range);
            original.getChars(originalStart, originalEnd, joinedOriginal, originalAt);
            folded.getChars(range.start(), range.end(), joinedFolded, foldedAt);
            int shift = originalAt - originalStart;
            for (int i = range.start(); i < range.end(); i++) {
                index[foldedAt++] = originalIndex[i] + shift;
            }
            originalAt += originalEnd - originalStart;
        }
        index[foldedLength] = originalLength;
        return new NormalizedText(new String(joinedOriginal), new String(joinedFolded), index, spacedAsBefore);
    }

    /** Texts joined by line breaks into one: the offsets of each move on by the length of those before it. */
    public static NormalizedText lines(List<NormalizedText> texts) {
        StringBuilder original = new StringBuilder();
        StringBuilder folded = new StringBuilder();
        int[] index = new int[texts.stream().mapToInt(text -> text.folded.length()).sum() + Math.max(0, texts.size() - 1) + 1];
        boolean spacedAsBefore = true;
        for (NormalizedText text : texts) {
            if (!original.isEmpty()) {
                index[folded.length()] = original.length();
                original.append('\n');
                folded.append('\n');
            }
            for (int i = 0; i < text.folded.length(); i++) {
                index[folded.length() + i] = text.originalIndex[i] + original.length();
            }
            original.append(text.original);
            folded.append(text.folded);
            spacedAsBefore &= text.spacedAsBefore;
        }
        index[folded.length()] = original.length();
        return new NormalizedText(original.toString(), folded.toString(), index, spacedAsBefore);
    }

    /** Folds one search key or word the same way as the text it is matched against. */
    public static String fold(String text) {
        return of(text).folded();
    }

    private static boolean isInvisibleFormatting(char c) {
        return c == '\u200C' || c == '\u200D' || c == '\u200E' || c == '\u200F'
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\uFEFF';
    }

    public String original() {
        return original;
    }

    /** The text with each run of spaces, whichever spaces they are, as one plain space: a headline as a reader sees it. */
    public static String spacedPlainly(String text) {
        StringBuilder plain = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (FOLDED[c] != ' ') {
                plain.append(c);
            } else if (plain.isEmpty() || plain.charAt(plain.length() - 1) != ' ') {
                plain.append(' ');
            }
        }
        return plain.toString();
    }

    /**
     * The text folded as it was before spaces were (rasd-rules/0.10.19 and earlier): each space as written, and as
     * many as are written. A posted text's article id is hashed from it, so that an article keeps the id it was
     * stored under.
     */
    public String foldedForIds() {
        if (spacedAsBefore) {
            return folded; // the common case
        }
        char[] asBefore = new char[original.length()];
        int kept = 0;
        for (int i = 0; i < original.length(); i++) {
            char written = original.charAt(i);
            char c = FOLDED[written];
            if (c != 0) {
                asBefore[kept++] = c == ' ' ? written : c; // only spaces fold to a space
            }
        }
        return new String(asBefore, 0, kept);
    }

    public String folded() {
        return folded;
    }

    /** The original offset of the folded char at {@code foldedIndex}. */
    public int originalStart(int foldedIndex) {
        return originalIndex[foldedIndex];
    }

    /** The original end offset (exclusive) of a folded span ending (exclusive) at {@code foldedEnd}. */
    public int originalEnd(int foldedEnd) {
        return foldedEnd == 0 ? 0 : originalIndex[foldedEnd - 1] + 1;
    }

    /** The original text from the folded char at {@code foldedStart} to the one before {@code foldedEnd}. */
    public String originalBetween(int foldedStart, int foldedEnd) {
        return original.substring(originalStart(foldedStart), originalEnd(foldedEnd));
    }

    /**
     * A control character no text of Rasd may hold: C0 but tab, line feed and carriage return (NUL cannot even
     * be stored in PostgreSQL; the others are no text).
     */
    public static boolean isForbiddenControl(char c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r';
    }

    /** The marks that end a sentence: a line break, ! ? ؟ ؛ . and the ellipsis. */
    public static final String SENTENCE_ENDS = "\n!?؟؛.…";

    public static boolean isSentenceEnd(char c) {
        return SENTENCE_ENDS.indexOf(c) >= 0;
    }

    /** Whether the char at {@code i} ends a sentence: a {@link #SENTENCE_ENDS} mark, but a dot between digits (2.5). */
    public static boolean endsSentence(String text, int i) {
        char c = text.charAt(i);
        boolean decimalPoint = c == '.' && i > 0 && i + 1 < text.length() && isDigit(text.charAt(i - 1)) && isDigit(text.charAt(i + 1));
        return isSentenceEnd(c) && !decimalPoint;
    }

    /**
     * The number of words (runs of non-whitespace) in {@code text[from, to)}, counted up to one more than
     * {@code atMost}: enough to tell a short line from a sentence without reading all of a long one.
     */
    public static int words(String text, int from, int to, int atMost) {
        int words = 0;
        boolean inWord = false;
        for (int i = from; i < to && words <= atMost; i++) {
            boolean space = isWhitespace(text.charAt(i));
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return words;
    }

    /** Whether {@code text[start, end)} stands as whole words: no letter joins it on either side. */
    public static boolean standsAsWords(String text, int start, int end) {
        return (start == 0 || !isWordChar(text.charAt(start - 1))) && (end == text.length() || !isWordChar(text.charAt(end)));
    }

    /** Whether every word (run of non-whitespace) of {@code text[from, to)} passes the test; read up to the first that fails. */
    public static boolean everyWord(String text, int from, int to, Predicate<String> test) {
        int i = from;
        while (i < to) {
            while (i < to && isWhitespace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < to && !isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i > start && !test.test(text.substring(start, i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@link Character#isWhitespace} or one of the other spaces folding knows (a no-break space, the zero-width space),
     * looked up at once: the JDK's own lookup is slow for Arabic, and every char of every article goes through here.
     */
    public static boolean isWhitespace(char c) {
        return WHITESPACE[c];
    }

    /**
     * {@link Character#isWhitespace} alone, no-break spaces not counted: the whitespace a posted text's article id
     * collapses ({@link #foldedForIds}), which must not change.
     */
    public static boolean isWhitespaceOfIds(char c) {
        if (c < 0x80) {
            return isAsciiWhitespace(c);
        }
        return (c < '\u0600' || c > '\u06FF') && Character.isWhitespace(c);
    }

    private static boolean isAsciiWhitespace(char c) {
        return c == ' ' || c >= '\t' && c <= '\r' || c >= '\u001C' && c <= '\u001F';
    }

    /** A digit of folded text, where Eastern Arabic digits are ASCII ones (and what {@code \\d} matches). */
    public static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * Where the word (letters and digits) right before {@code index} starts, when only spaces stand between it
     * and {@code index}; -1 when there is none, or punctuation comes first. The word starts no earlier than
     * {@code from}.
     */
    public static int previousWordStart(String text, int index, int from) {
        int end = index;
        while (end > from && isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        int start = end;
        while (start > from && (isWordChar(text.charAt(start - 1)) || isDigit(text.charAt(start - 1)))) {
            start--;
        }
        return end == index || start == end ? -1 : start;
    }

    /** Where the word (letters) holding {@code index} starts, its clitics and article included; no earlier than {@code from}. */
    public static int wordStart(String text, int index, int from) {
        int start = index;
        while (start > from && isWordChar(text.charAt(start - 1))) {
            start--;
        }
        return start;
    }

    /** Where the word (letters) holding or starting at {@code index} ends; no later than {@code to}. */
    public static int wordEnd(String text, int index, int to) {
        int end = index;
        while (end < to && isWordChar(text.charAt(end))) {
            end++;
        }
        return end;
    }

    /** Whether {@code c} is an Arabic letter: of the Arabic block, its supplement or its presentation forms. */
    public static boolean isArabicLetter(char c) {
        return c >= '\u0600' && c <= '\u06FF' || c >= '\u0750' && c <= '\u077F' || c >= '\uFB50' && c <= '\uFDFF'
                || c >= '\uFE70' && c <= '\uFEFF';
    }

    /** Whether {@code c} is a letter of a word (Arabic or Latin), as opposed to space, punctuation or digits. */
    public static boolean isWordChar(char c) {
        if (c < 0x80) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
        }
        return c >= '\u0621' && c <= '\u064A' || Character.isLetter(c); // the Arabic letters first: most text is Arabic
    }
}

package org.rasd.ingest.parsing;

import org.apache.lucene.analysis.ar.ArabicNormalizer;
import org.apache.lucene.analysis.fa.PersianNormalizer;

import java.util.List;

/**
 * Text folded for matching (alef and ya forms, ta marbuta, diacritics, tatweel, Persian letters, bidi marks,
 * Eastern Arabic digits, Latin case), with a map back to the original, so that a match found here can be
 * reported as offsets into the text people read.
 */
public final class NormalizedText {

    /**
     * What each char of the Arabic block folds to (0: dropped): as Lucene's Arabic and Persian normalisers fold
     * it, computed once since they fold char by char, with Eastern Arabic digits as ASCII ones.
     */
    private static final char[] ARABIC_BLOCK = new char[0x100];

    static {
        ArabicNormalizer arabic = new ArabicNormalizer();
        PersianNormalizer persian = new PersianNormalizer();
        char[] one = new char[1];
        for (int c = 0x0600; c <= 0x06FF; c++) {
            one[0] = (char) c;
            int length = persian.normalize(one, arabic.normalize(one, 1));
            ARABIC_BLOCK[c - 0x0600] = length == 0 ? 0 : one[0];
        }
        for (int digit = 0; digit <= 9; digit++) {
            ARABIC_BLOCK[0x0660 + digit - 0x0600] = (char) ('0' + digit); // Eastern Arabic digits
            ARABIC_BLOCK[0x06F0 + digit - 0x0600] = (char) ('0' + digit); // their Persian forms
        }
        ARABIC_BLOCK['\u061C' - 0x0600] = 0; // the Arabic letter mark, a bidi mark
    }

    private final String original;
    private final String folded;
    /** {@code originalIndex[i]} is where folded char {@code i} came from; one extra slot maps the end. */
    private final int[] originalIndex;

    private NormalizedText(String original, String folded, int[] originalIndex) {
        this.original = original;
        this.folded = folded;
        this.originalIndex = originalIndex;
    }

    public static NormalizedText of(String text) {
        int length = text.length();
        char[] folded = new char[length];
        int[] index = new int[length + 1];
        int kept = 0;
        for (int i = 0; i < length; i++) {
            char c = fold(text.charAt(i));
            if (c != 0) {
                index[kept] = i;
                folded[kept++] = c;
            }
        }
        index[kept] = length;
        return new NormalizedText(text, new String(folded, 0, kept), index);
    }

    /**
     * Lines joined by line breaks into one text: the same as folding the joined lines, without folding them
     * again (folding goes char by char).
     */
    public static NormalizedText joinedLines(List<NormalizedText> lines) {
        int originalLength = Math.max(0, lines.size() - 1);
        int foldedLength = originalLength;
        for (NormalizedText line : lines) {
            originalLength += line.original.length();
            foldedLength += line.folded.length();
        }
        StringBuilder original = new StringBuilder(originalLength);
        StringBuilder folded = new StringBuilder(foldedLength);
        int[] index = new int[foldedLength + 1];
        for (int n = 0; n < lines.size(); n++) {
            NormalizedText line = lines.get(n);
            if (n > 0) {
                index[folded.length()] = original.length();
                original.append('\n');
                folded.append('\n');
            }
            for (int i = 0; i < line.folded.length(); i++) {
                index[folded.length() + i] = original.length() + line.originalIndex[i];
            }
            original.append(line.original);
            folded.append(line.folded);
        }
        index[foldedLength] = originalLength;
        return new NormalizedText(original.toString(), folded.toString(), index);
    }

    /** Folds one search key or word the same way as the text it is matched against. */
    public static String fold(String text) {
        return of(text).folded();
    }

    private static char fold(char c) {
        if (c < 0x80) {
            return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        if (c >= 0x0600 && c <= 0x06FF) {
            return ARABIC_BLOCK[c - 0x0600];
        }
        if (isInvisibleFormatting(c)) {
            return 0;
        }
        return Character.toLowerCase(c);
    }

    private static boolean isInvisibleFormatting(char c) {
        return c == '\u200C' || c == '\u200D' || c == '\u200E' || c == '\u200F'
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\uFEFF';
    }

    public String original() {
        return original;
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

    /**
     * {@link Character#isWhitespace}, answered at once for ASCII and the Arabic block: the JDK's own lookup is
     * slow for Arabic, and every char of every article goes through here.
     */
    public static boolean isWhitespace(char c) {
        if (c < 0x80) {
            return c == ' ' || c >= '\t' && c <= '\r' || c >= '\u001C' && c <= '\u001F';
        }
        return (c < '\u0600' || c > '\u06FF') && Character.isWhitespace(c);
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

    /** Whether {@code c} is a letter of a word (Arabic or Latin), as opposed to space, punctuation or digits. */
    public static boolean isWordChar(char c) {
        if (c < 0x80) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
        }
        return c >= '\u0621' && c <= '\u064A' || Character.isLetter(c); // the Arabic letters first: most text is Arabic
    }
}

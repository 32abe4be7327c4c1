package org.rasd.ingest.parsing;

import org.apache.lucene.analysis.ar.ArabicNormalizer;
import org.apache.lucene.analysis.fa.PersianNormalizer;

/**
 * Text folded for matching (alef and ya forms, ta marbuta, diacritics, tatweel, Persian letters, bidi marks,
 * Eastern Arabic digits, Latin case), with a map back to the original, so that a match found here can be
 * reported as offsets into the text people read.
 */
public final class NormalizedText {

    /**
     * What each char of the Arabic block folds to (0: dropped), as Lucene's Arabic and Persian normalisers fold
     * it; computed once, since they fold char by char.
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
        StringBuilder folded = new StringBuilder(text.length());
        int[] index = new int[text.length() + 1];
        for (int i = 0; i < text.length(); i++) {
            char c = fold(text.charAt(i));
            if (c != 0) {
                index[folded.length()] = i;
                folded.append(c);
            }
        }
        index[folded.length()] = text.length();
        return new NormalizedText(text, folded.toString(), index);
    }

    /** Folds one search key or word the same way as the text it is matched against. */
    public static String fold(String text) {
        return of(text).folded();
    }

    private static char fold(char c) {
        if (c >= '\u0660' && c <= '\u0669') {
            return (char) ('0' + c - '\u0660');
        }
        if (c >= '\u06F0' && c <= '\u06F9') {
            return (char) ('0' + c - '\u06F0');
        }
        if (isInvisibleFormatting(c)) {
            return 0;
        }
        if (c < 0x0600 || c > 0x06FF) {
            return Character.toLowerCase(c);
        }
        return ARABIC_BLOCK[c - 0x0600];
    }

    private static boolean isInvisibleFormatting(char c) {
        return c == '\u200C' || c == '\u200D' || c == '\u200E' || c == '\u200F' || c == '\u061C'
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

    /** Whether {@code c} is a letter of a word (Arabic or Latin), as opposed to space, punctuation or digits. */
    public static boolean isWordChar(char c) {
        return Character.isLetter(c);
    }
}

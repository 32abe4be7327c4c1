package org.rasd.ingest.extraction;

import org.rasd.ingest.parsing.PhraseMatcher.Match;

import java.util.regex.Pattern;

/**
 * The part a country mention plays in its sentence, read from the words just before it: the place where
 * something happens (بالرباط، في مدريد، بالعاصمة النمساوية فيينا, or a dateline «مدريد –»), a counterpart
 * (نظيره الإسباني، مع إسبانيا، إلى إيطاليا), or neither, which is where the agent of the sentence is found.
 */
enum MentionRole {
    VENUE, COUNTERPART, OTHER;

    /** في or a clitic ب right before the place, optionally through مدينة / العاصمة and a demonym. */
    private static final Pattern VENUE_BEFORE = Pattern.compile(
            "(?:(?<![\\p{L}])في\\s+|(?<![\\p{L}])و?ب)(?:(?:ال)?(?:مدينه|عاصمه)\\s+(?:\\p{L}+\\s+)?)?$|"
                    + "(?<![\\p{L}])(?:مدينه|العاصمه)\\s+(?:\\p{L}+\\s+)?$");
    /** A counterpart marker within the three words before the mention, with no punctuation in between. */
    private static final Pattern COUNTERPART_BEFORE = Pattern.compile(
            "(?<![\\p{L}])(?:ب?نظير\\p{L}*|نظراء\\p{L}*|الي|مع|لدي|طرف|يزور)\\s+(?:[\\p{L}\\p{N}]+\\s+){0,3}$");
    private static final Pattern DATELINE_AFTER = Pattern.compile("^\\s*[-–—:]");

    static MentionRole of(Match<Gazetteer.CountryForm> mention, String folded, int sentenceStart) {
        String before = folded.substring(Math.max(sentenceStart, mention.start() - 40), mention.start());
        if (COUNTERPART_BEFORE.matcher(before).find()) {
            return COUNTERPART;
        }
        if (mention.value().namesPlace()) {
            boolean dateline = folded.substring(sentenceStart, mention.start()).isBlank()
                    && DATELINE_AFTER.matcher(folded.substring(mention.end(), Math.min(folded.length(), mention.end() + 3))).find();
            if (dateline || VENUE_BEFORE.matcher(before).find()) {
                return VENUE;
            }
        }
        return OTHER;
    }
}

package org.rasd.ingest.extraction;

import org.rasd.ingest.parsing.PhraseMatcher.Match;

import java.util.regex.Pattern;

/**
 * The part a country mention plays in its sentence, read from the words just before it: the place where
 * something happens (بالرباط، في مدريد، بالعاصمة النمساوية فيينا، بمقر المديرية العامة…, or a dateline «مدريد –»),
 * the place someone travels to (إلى الرباط), a counterpart (نظيره الإسباني، مع إسبانيا), or none of these, which
 * is where the agent of the sentence is found. The nearest marker decides: «مع لقاءات في السعودية» is a place.
 */
enum MentionRole {
    VENUE, DESTINATION, COUNTERPART, OTHER;

    /** An optional «(the) city / capital (demonym)» between a preposition and a place name. */
    private static final String CITY_OF = "(?:(?:ال)?(?:مدينه|عاصمه)\\s+(?:\\p{L}+\\s+)?)?$";
    /** في or a clitic ب right before the place. */
    private static final Pattern VENUE_BEFORE = Pattern.compile(
            "(?:(?<![\\p{L}])في\\s+|(?<![\\p{L}])و?ب)" + CITY_OF + "|(?<![\\p{L}])(?:مدينه|العاصمه)\\s+(?:\\p{L}+\\s+)?$");
    /** The seat of a national body is a place in its country. */
    private static final Pattern HEADQUARTERS_BEFORE = Pattern.compile("(?<![\\p{L}])(?:و?ب|في\\s+)مقر\\s+$");
    private static final Pattern DESTINATION_BEFORE = Pattern.compile("(?<![\\p{L}])الي\\s+" + CITY_OF);
    /** A counterpart marker within the three words before the mention, with no punctuation in between. */
    private static final Pattern COUNTERPART_BEFORE = Pattern.compile(
            "(?<![\\p{L}])(?:ب?نظير\\p{L}*|نظراء\\p{L}*|الي|مع|لدي|طرف|يزور)\\s+(?:[\\p{L}\\p{N}]+\\s+){0,3}$");
    private static final Pattern DATELINE_AFTER = Pattern.compile("^\\s*[-–—:]");

    /** Where the subject is, or goes: the roles that name a place rather than a party. */
    boolean place() {
        return this == VENUE || this == DESTINATION;
    }

    static MentionRole of(Match<Gazetteer.CountryForm> mention, String folded, int sentenceStart) {
        String before = folded.substring(Math.max(sentenceStart, mention.start() - 40), mention.start());
        if (mention.value().namesPlace()) {
            boolean dateline = folded.substring(sentenceStart, mention.start()).isBlank()
                    && DATELINE_AFTER.matcher(folded.substring(mention.end(), Math.min(folded.length(), mention.end() + 3))).find();
            if (dateline || VENUE_BEFORE.matcher(before).find()) {
                return VENUE;
            }
            if (DESTINATION_BEFORE.matcher(before).find()) {
                return DESTINATION;
            }
        } else if (mention.value().kind() == Gazetteer.Kind.BODY && HEADQUARTERS_BEFORE.matcher(before).find()) {
            return VENUE;
        }
        if (COUNTERPART_BEFORE.matcher(before).find()) {
            return COUNTERPART;
        }
        return OTHER;
    }
}

package org.rasd.ingest.extraction;

import org.rasd.ingest.parsing.Lexicon.Match;

/**
 * A country mention and the part it plays in its sentence; {@code joined} when only commas and و stand between it
 * and the mention before (فرنسا وألمانيا).
 */
record Mention(Match<Gazetteer.CountryForm> match, MentionRole role, boolean joined) {

    String code() {
        return match.value().code();
    }

    int start() {
        return match.start();
    }
}

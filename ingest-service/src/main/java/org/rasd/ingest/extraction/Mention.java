package org.rasd.ingest.extraction;

import org.rasd.ingest.parsing.Lexicon.Match;
import org.rasd.ingest.parsing.Located;

/**
 * A country mention and the part it plays in its sentence; {@code joined} when only commas and و stand between it
 * and the mention before (فرنسا وألمانيا).
 */
record Mention(Match<Gazetteer.CountryForm> match, MentionRole role, boolean joined) implements Located {

    String code() {
        return match.value().code();
    }

    @Override
    public int start() {
        return match.start();
    }
}

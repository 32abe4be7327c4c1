package org.rasd.ingest.extraction;

import org.rasd.ingest.parsing.Lexicon.Match;

/** A country mention and the part it plays in its sentence. */
record Mention(Match<Gazetteer.CountryForm> match, MentionRole role) {

    String code() {
        return match.value().code();
    }

    int start() {
        return match.start();
    }
}

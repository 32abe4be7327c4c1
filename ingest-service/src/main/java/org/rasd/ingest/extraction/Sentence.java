package org.rasd.ingest.extraction;

import org.rasd.ingest.parsing.Lexicon.Match;

import java.util.ArrayList;
import java.util.List;

/**
 * A sentence, its discourse markers, and the part of it that reports: all of it, or up to where it turns to
 * what is scheduled.
 */
record Sentence(Span whole, Span reported, List<Match<Marker>> markers) {

    /** The markers of a kind in the reported part. */
    List<Match<Marker>> markers(Marker kind) {
        if (markers.isEmpty()) {
            return markers; // most sentences hold none
        }
        List<Match<Marker>> ofKind = new ArrayList<>(2);
        for (Match<Marker> marker : markers) {
            if (marker.value() == kind && marker.start() < reported.end()) {
                ofKind.add(marker);
            }
        }
        return ofKind;
    }
}

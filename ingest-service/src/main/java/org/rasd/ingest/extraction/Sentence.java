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
        return markers(kind, reported.end());
    }

    /** The markers of a kind in the whole sentence, the part that turns to what is scheduled included. */
    List<Match<Marker>> markersInWhole(Marker kind) {
        return markers(kind, whole.end());
    }

    private List<Match<Marker>> markers(Marker kind, int before) {
        List<Match<Marker>> ofKind = List.of(); // most sentences hold none of a kind
        for (Match<Marker> marker : markers) {
            if (marker.value() == kind && marker.start() < before) {
                if (ofKind.isEmpty()) {
                    ofKind = new ArrayList<>(2);
                }
                ofKind.add(marker);
            }
        }
        return ofKind;
    }
}

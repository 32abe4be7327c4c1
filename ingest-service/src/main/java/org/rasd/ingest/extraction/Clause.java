package org.rasd.ingest.extraction;

import java.util.List;
import java.util.Optional;

/**
 * A stretch of a sentence that reports one act: the sentence itself, or one item when it lists several
 * («لقاءات في مدريد، ثم قمة في فيينا»). Its cue type (null for none) and its country mentions;
 * {@code sentence} is the whole sentence, the evidence, and {@code inSentence} every mention of its reported part.
 * {@code reMention} when every cue of it names an act already known (الزيارة، هذا اللقاء) rather than reporting one.
 * {@code occasion}: a second act the clause reports, the meeting its agreement was signed at (وقع خلال استقباله …) or
 * the conference its trip was made to take part in (وصل إلى الرياض للمشاركة في اجتماع وزاري); or null.
 */
record Clause(Span sentence, Span span, EventType type, List<Mention> mentions, List<Mention> inSentence,
              boolean reMention, EventType occasion) {

    /** Its sentence up to where the clause ends: what frames it, never the scheduled part after the reported one. */
    Span upToItsEnd() {
        return new Span(sentence.start(), span.end());
    }

    boolean reportsEvent() {
        return type != null;
    }

    Clause withType(EventType newType) {
        return new Clause(sentence, span, newType, mentions, inSentence, reMention, occasion);
    }

    Optional<Mention> first(MentionRole role) {
        for (Mention mention : mentions) {
            if (mention.role() == role) {
                return Optional.of(mention);
            }
        }
        return Optional.empty();
    }

    /** The mention, or the city it qualifies when it is a demonym (العاصمة الإسبانية مدريد): what names the place. */
    Mention naming(Mention mention) {
        if (mention.match().value().namesPlace()) {
            return mention;
        }
        for (Mention other : mentions) {
            if (other.code().equals(mention.code()) && other.role() == mention.role() && other.match().value().namesPlace()) {
                return other;
            }
        }
        return mention;
    }

    /** Where the subject goes or is: the destination of a trip, else the place named. */
    Optional<String> where() {
        return first(MentionRole.DESTINATION).or(this::venue).map(Mention::code);
    }

    /**
     * Where the clause's event is held: the place it names, else the dateline, else the one place its sentence
     * names elsewhere (… وقلده الوسام في الرياض places the whole sentence; a list of places places no other item).
     */
    Optional<Mention> venue() {
        return first(MentionRole.VENUE).or(() -> first(MentionRole.DATELINE)).or(this::theOneVenueOfTheSentence);
    }

    private Optional<Mention> theOneVenueOfTheSentence() {
        Mention venue = null;
        for (Mention mention : inSentence) {
            if (mention.role() == MentionRole.VENUE) {
                if (venue == null) {
                    venue = mention;
                } else if (!venue.code().equals(mention.code())) {
                    return Optional.empty();
                }
            }
        }
        return Optional.ofNullable(venue);
    }

    /** Whether a counterpart (نظيره، مع …) is named after {@code mention}. */
    boolean counterpartAfter(Mention mention) {
        return mentions.stream().anyMatch(m -> m.role() == MentionRole.COUNTERPART && m.start() > mention.start());
    }
}

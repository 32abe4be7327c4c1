package org.rasd.ingest.extraction;

import org.rasd.ingest.extraction.Recognisers.Recognised;
import org.rasd.ingest.parsing.Lexicon.Match;
import org.rasd.ingest.parsing.NormalizedText;
import org.rasd.ingest.record.Event;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One invented text run through the stages of {@link ArticleExtractor} after page cleaning, each stage's output
 * kept for the tests of that stage. The recognisers are built once for all tests: building them reads the
 * language data.
 */
final class Staged {

    static final Recognisers RECOGNISERS = new Recognisers();

    final LocalDate published;
    final NormalizedText text;
    final String folded;
    final Recognised found;
    final List<Sentence> sentences;
    final List<Clause> clauses;
    final String protagonist;
    final EventDating dating;
    final Optional<EventDating.LeadDay> lead;
    final List<Draft> drafts;

    private Staged(String original, LocalDate published) {
        this.published = published;
        text = NormalizedText.of(original);
        folded = text.folded();
        found = RECOGNISERS.recognise(text, published);
        sentences = Sentences.split(folded, found.markers());
        clauses = ClauseSplitter.split(folded, sentences, found);
        protagonist = Protagonist.RULES.of(folded, null, clauses, found, List.of(), null);
        dating = new EventDating(folded, sentences, found.dates(), found.durations());
        lead = dating.leadDay(clauses, null, published);
        drafts = EventDrafts.of(text, clauses, protagonist, Dateline.NONE, found, dating, lead);
    }

    /** {@code text} through every stage, with {@code published} (yyyy-mm-dd, or null) the day relative dates count from. */
    static Staged of(String text, String published) {
        return new Staged(text, published == null ? null : LocalDate.parse(published));
    }

    static Staged of(String text) {
        return of(text, null);
    }

    /** How the text reads once folded: what a span or match is compared with. */
    static String fold(String text) {
        return NormalizedText.fold(text);
    }

    /** The folded text a span covers, without the spaces at its ends. */
    String covered(Span span) {
        return folded.substring(span.start(), span.end()).strip();
    }

    /** The folded text a match covers. */
    String covered(Match<?> match) {
        return folded.substring(match.start(), match.end());
    }

    /** The folded text each of the matches covers, in order. */
    List<String> covered(List<? extends Match<?>> matches) {
        return matches.stream().map(this::covered).toList();
    }

    /** The drafts the clauses give when {@code protagonist} is the article's protagonist. */
    List<Draft> draftsFor(String protagonist) {
        return EventDrafts.of(text, clauses, protagonist, Dateline.NONE, found, dating, lead);
    }

    /** The drafts the clauses give when the article was filed in {@code country} (its dateline's). */
    List<Draft> draftsFiledIn(String country) {
        return EventDrafts.of(text, clauses, protagonist, new Dateline(country, published), found, dating, lead);
    }

    /** The officials a clause names, by country. */
    Map<String, Event.Actor> named(Clause clause) {
        return NamedActors.of(text, clause, found);
    }

    /** The dates of a clause's act, looked for in its paragraph. */
    List<Event.EventDate> datesOf(Clause clause) {
        return dating.of(clause, Sentences.paragraphAround(folded, clause.sentence()));
    }

    /** The clauses that report an act. */
    List<Clause> eventClauses() {
        return clauses.stream().filter(Clause::reportsEvent).toList();
    }

    /** Each mention as «code ROLE», in order. */
    static List<String> roles(List<Mention> mentions) {
        return mentions.stream().map(m -> m.code() + " " + m.role()).toList();
    }

    /** All mentions of all clauses as «code ROLE». */
    List<String> roles() {
        return roles(clauses.stream().flatMap(c -> c.mentions().stream()).toList());
    }
}

package org.rasd.ingest.extraction;

import org.rasd.ingest.extraction.Recognisers.Recognised;
import org.rasd.ingest.parsing.Lexicon.Match;
import org.rasd.ingest.parsing.Lexicons;
import org.rasd.ingest.parsing.NormalizedText;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Who gives a praise: the first official or body a praise clause names before what it praises, by its nationality
 * (أشاد الوزير الإيطالي بجهود المغرب، أعرب السفير الصومالي عن تقدير بلاده، أشادت وزارة الخارجية الأمريكية) or as a
 * known official (أثنى الحجار على ما تقوم به سلطنة عمان، شدد خطاب على …، منوها بالدور الذي يؤديه الأردن). The object
 * opens with the first word after the praise's cue that {@code praise-objects.tsv} lists (ب، على، ل): whoever is
 * named in it is praised, not praising.
 * An official named by his full title alone (وعبّر وزير الداخلية عن تقديره) is the subject's own, as national news
 * names its own; an envoy so named (السفير) serves a foreign state, and a bare word (الوزير، الوزارة) says nothing.
 */
final class PraiseGiver {

    private static final List<Lexicons.Row> OBJECT_OPENERS = Lexicons.table("praise-objects.tsv");
    private static final Set<String> WORDS = forms("word");
    private static final Set<String> ATTACHED = forms("attached");

    /** How far after a title the official's name may start, his ranks between (وزير الداخلية الفريق أول …). */
    private static final int NAME_REACH = 40;

    private PraiseGiver() {
    }

    private static Set<String> forms(String written) {
        return OBJECT_OPENERS.stream().filter(row -> row.get("written").equals(written))
                .map(row -> NormalizedText.fold(row.get("form"))).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The countries of the officials who give the clause's praises, one per praise cue, in text order; empty for a cue
     * whose giver the clause does not name. Each is named before what he praises and after the turn of the report
     * his praise follows (… فيما أعرب حفتر عن تقديره لمصر), if any.
     *
     * @param subject the article's protagonist, whose officials news names by title alone
     */
    static List<Optional<String>> of(String folded, Clause clause, Recognised found, String subject) {
        List<Match<Person>> persons = clause.span().startingIn(found.persons());
        List<Match<Marker>> turns = turns(clause.span(), found);
        record Named(int start, String country) {
        }
        Stream<Named> byName = persons.stream().map(person -> new Named(person.start(), person.value().country()));
        // an official's nationality, or a body's (أشادت وزارة الخارجية الأمريكية): a demonym that names no place or
        // counterpart
        Stream<Named> byNationality = clause.mentions().stream().filter(mention -> mention.role().nationality()
                        || mention.role() == MentionRole.OTHER
                        && mention.match().value().kind() == Gazetteer.Kind.DEMONYM)
                .map(mention -> new Named(mention.start(), mention.code()));
        // an official named by his title alone (وزير الداخلية) is the subject's own, as national news names its own,
        // unless his name says otherwise; an envoy so named (السفير) is a foreign state's, where he serves
        Stream<Named> byTitleAlone = found.titles().stream().filter(title -> clause.span().contains(title.start()))
                .filter(title -> NamedActors.countryOfTitle(folded, title, clause).isEmpty())
                .filter(title -> !MentionRole.namesAnEnvoy(firstWord(folded, title)))
                .filter(title -> persons.stream().noneMatch(person -> person.start() >= title.end()
                        && person.start() - title.end() <= NAME_REACH))
                .map(title -> new Named(title.start(), subject));
        List<Named> named = Stream.of(byName, byNationality, byTitleAlone).flatMap(stream -> stream)
                .sorted(Comparator.comparingInt(Named::start)).toList();
        List<Optional<String>> givers = new ArrayList<>();
        for (Match<EventType> cue : clause.span().startingIn(found.cues())) {
            if (cue.value() != EventType.PRAISE) {
                continue;
            }
            int from = turnBefore(turns, cue).orElse(clause.span().start());
            int objectStart = objectStart(folded, cue.end(), clause.span().end(), persons, clause.mentions());
            givers.add(named.stream().filter(one -> one.start() >= from && one.start() < objectStart).findFirst()
                    .map(Named::country));
        }
        return givers;
    }

    /** Where the last turn of the report before the cue ends (… فيما أعرب, من جهته، أشاد), if there is one. */
    private static OptionalInt turnBefore(List<Match<Marker>> turns, Match<EventType> cue) {
        return turns.stream().filter(turn -> turn.end() <= cue.start()).mapToInt(Match::end).max();
    }

    /**
     * Whether the clause's first praise turns to the other side of the act just reported, after a turn in the clause
     * or earlier in its sentence (من جهته، أشاد الجنرال أندرسون بالدور …؛ من جانبه، جدد …، وأشاد بالدور …), and names
     * no body: a body's official (مدير العمليات في الإنتربول، أشاد الريسي بما قام به
     * لتوثيق الصلات بالإنتربول) praises for the body, no state, and news names the body around his praise.
     */
    static boolean turnsToTheOtherSide(Clause clause, Recognised found) {
        List<Match<Marker>> turns = turns(clause.upToItsEnd(), found);
        return clause.span().startingIn(found.organisations()).isEmpty()
                && clause.span().startingIn(found.cues()).stream().filter(cue -> cue.value() == EventType.PRAISE).findFirst()
                .filter(cue -> turnBefore(turns, cue).isPresent()).isPresent();
    }

    /** The turns of the report in the span (فيما، من جهته، بدوره), in text order. */
    private static List<Match<Marker>> turns(Span span, Recognised found) {
        return span.startingIn(found.markers()).stream().filter(marker -> marker.value() == Marker.TURN).toList();
    }

    /**
     * Where the praise's object starts: the first word after the cue's word that opens one, not a name or country
     * that merely begins with the same letter (بسام مولوي، ليبيا); the clause's end when none does.
     */
    private static int objectStart(String folded, int cueEnd, int clauseEnd, List<Match<Person>> persons,
                                   List<Mention> mentions) {
        int at = NormalizedText.wordEnd(folded, cueEnd, clauseEnd);
        while (at < clauseEnd) {
            if (!NormalizedText.isWordChar(folded.charAt(at))) {
                at++;
                continue;
            }
            int start = at;
            int end = NormalizedText.wordEnd(folded, start, clauseEnd);
            String word = folded.substring(start, end);
            boolean named = persons.stream().anyMatch(person -> person.start() <= start && start < person.end())
                    || mentions.stream().anyMatch(mention -> mention.start() <= start && start < mention.match().end());
            if (!named && (WORDS.contains(word) || ATTACHED.stream().anyMatch(form -> opens(word, form)))) {
                return start;
            }
            at = end;
        }
        return clauseEnd;
    }

    private static String firstWord(String folded, Match<String> title) {
        return folded.substring(title.start(), NormalizedText.wordEnd(folded, title.start(), title.end()));
    }

    /** Whether the preposition {@code form} is written onto {@code word}, a word of its own after it (بجهود، لموقف). */
    private static boolean opens(String word, String form) {
        return word.length() > form.length() + 1 && word.startsWith(form);
    }
}

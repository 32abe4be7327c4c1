package org.rasd.ingest.extraction;

import org.rasd.ingest.extraction.Recognisers.Recognised;
import org.rasd.ingest.parsing.Lexicon.Match;
import org.rasd.ingest.parsing.NormalizedText;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Sentences to clauses: the country mentions of each sentence with the part each plays, its event cues, and
 * where a sentence that lists several acts (لقاءات في مدريد، ثم قمة في فيينا) splits into one clause per act.
 */
final class ClauseSplitter {

    private static final Pattern ARTICLE_ONLY = Pattern.compile("\\s+(?:ال)?");

    private ClauseSplitter() {
    }

    /** Every clause of the reported part of every sentence, in text order. */
    static List<Clause> split(String folded, List<Sentence> sentences, Recognised found) {
        List<Match<Gazetteer.CountryForm>> countries = found.countries();
        List<Clause> clauses = new ArrayList<>();
        int next = 0;
        for (Sentence sentence : sentences) {
            Span part = sentence.reported();
            while (next < countries.size() && countries.get(next).start() < part.start()) {
                next++;
            }
            List<Mention> mentions = new ArrayList<>();
            for (; next < countries.size() && part.contains(countries.get(next).start()); next++) {
                Match<Gazetteer.CountryForm> match = countries.get(next);
                boolean coordinated = !mentions.isEmpty() && (coordinated(folded, mentions.getLast().match().end(), match.start())
                        || qualifiesTheMentionBefore(folded, mentions.getLast().match(), match));
                if (!mentions.isEmpty() && mentions.getLast().role() == MentionRole.DATELINE
                        && !mentions.getLast().code().equals(match.value().code())
                        && dashOnlyBetween(folded, mentions.getLast().match().end(), match.start())) {
                    // «تونس – روما: …» names the two sides of a relation, not where the news was filed
                    Mention first = mentions.removeLast();
                    mentions.add(new Mention(first.match(), MentionRole.OTHER, first.joined()));
                    mentions.add(new Mention(match, MentionRole.OTHER, false));
                    continue;
                }
                mentions.add(new Mention(match, coordinated ? mentions.getLast().role() : MentionRole.of(match, folded, part.start()), coordinated));
            }
            // the cues of acts the sentence reports; a sentence saying what always holds reports none
            List<Match<EventType>> cues = part.inside(found.cues());
            cues = withoutNonEvents(cues, sentence.markers(Marker.NO_EVENT));
            cues = withoutBackReferences(folded, cues, sentence.markers(Marker.TOPIC));
            cues = withoutPlans(folded, cues, sentence.markersInWhole(Marker.SCHEDULED));
            cues = withoutCourtesies(folded, cues, sentence.markers(Marker.COURTESY));
            cues = withoutVisitsNamedAsObject(folded, cues, sentence.markers(Marker.INVITATION), 'ل', TO); // invited to
            cues = withoutVisitsNamedAsObject(folded, cues, sentence.markers(Marker.WELCOMING), 'ب', null); // welcomed
            int firstAct = cues.isEmpty() ? part.end() : cues.getFirst().start();
            if (!sentence.markers(Marker.GENERIC).isEmpty()
                    || sentence.markers(Marker.COMPOSITION).stream().anyMatch(composition -> composition.start() < firstAct)) {
                cues = List.of();
            }
            Optional<Match<Marker>> turn = contextBreak(folded, part, sentence);
            boolean setInContext = turn.isPresent();
            // «وتأتي الزيارة قبل أيام من اجتماع …»: what follows is still to come; «ويأتي التكريم بعد أشهر من تولي
            // الحكومة مهامها في أيار 2020»: what follows reports no act. Either way no act, party or date of it counts
            boolean later = turn.isPresent() && (turn.get().value() == Marker.LATER_TIME || noActAfter(turn.get(), cues));
            Span reported = later ? new Span(part.start(), NormalizedText.wordStart(folded, turn.get().start(), part.start())) : part;
            if (later) {
                cues = reported.inside(cues);
                mentions.removeIf(mention -> !reported.contains(mention.start()));
                turn = Optional.empty();
            }
            Optional<Integer> turnInContext = turn.map(t -> NormalizedText.wordStart(folded, t.start(), part.start()));
            List<Integer> breaks = itemBreaks(folded, reported, cues, sentence, turnInContext);
            List<Match<Marker>> aroundNouns = sentence.markers().stream().filter(m -> m.value() == Marker.DEMONSTRATIVE
                    || m.value() == Marker.IN_CONTEXT || m.value() == Marker.QUANTIFIER || m.value() == Marker.RELATIVE).toList();
            List<Clause> items = new ArrayList<>();
            for (int i = 0; i < breaks.size(); i++) {
                Span span = new Span(breaks.get(i), i + 1 < breaks.size() ? breaks.get(i + 1) : reported.end());
                EventType type = null;
                EventType meeting = null;
                boolean reMention = true;
                List<Match<EventType>> spanCues = span.startingIn(cues);
                List<Match<Marker>> sidelines = sentence.markers(Marker.SIDELINES);
                boolean namesADestination = span.startingIn(mentions).stream()
                        .anyMatch(mention -> mention.role() == MentionRole.DESTINATION);
                for (Match<EventType> cue : spanCues) {
                    if (spanCues.size() > 1 && cue.value() == EventType.VISIT && !namesADestination
                            && sidelines.stream().anyMatch(marker -> marker.end() <= cue.start()
                            && ARTICLE_ONLY.matcher(folded).region(marker.end(), cue.start()).matches())) {
                        // «وعلى هامش الزيارة، عقد لقاء مع …»: the visit already told frames the talks the clause
                        // reports; a visit told there with where it went («على هامش زيارة العمل التي أجراها
                        // للولايات المتحدة») is reported by it
                        continue;
                    }
                    boolean named = reMention(folded, cue, aroundNouns);
                    EventType act = guestsVisit(folded, cue, spanCues.getFirst(), aroundNouns, mentions) ? EventType.HOST
                            : cue.value() == EventType.HOST && namesItsCountry(cue, mentions) ? EventType.VISIT : cue.value();
                    type = EventType.mostSpecific(type, act);
                    if (act.meeting() && !named) {
                        meeting = EventType.mostSpecific(meeting, act);
                    }
                    reMention &= named;
                }
                EventType occasion = type == EventType.VISIT && takesPartInAConference(span, cues, sentence) ? EventType.CONFERENCE : meeting;
                if (type == EventType.CONFERENCE && meeting != null && onTheSidelines(span, sentence)
                        && takesPartInAConference(span, cues, sentence)) {
                    // talks held on the sidelines of a conference the subject took part in (التقى … على هامش مشاركته في
                    // أعمال المنتدى): the talks, and the conference as their occasion
                    type = meeting;
                    occasion = EventType.CONFERENCE;
                }
                items.add(new Clause(sentence.whole(), span, type, span.startingIn(mentions), mentions,
                        type != null && (reMention || setInContext && i == 0), occasionOf(type, occasion)));
            }
            clauses.addAll(joinedUntilEachNamesACountry(items));
        }
        return clauses;
    }

    /**
     * The second act a clause of {@code type} reports, of the kind {@code candidate}, if it can be one: the meeting an
     * agreement was signed or a praise was said at (وقع خلال استقباله …، أشاد … لدى لقائه سفير المملكة), the conference
     * a trip was made to take part in (وصل إلى الرياض للمشاركة في اجتماع وزاري); else null.
     */
    private static EventType occasionOf(EventType type, EventType candidate) {
        if (candidate == null) {
            return null;
        }
        boolean fits = type == EventType.AGREEMENT || type == EventType.PRAISE ? candidate.meeting()
                : type.meeting() && candidate == EventType.CONFERENCE;
        return fits ? candidate : null;
    }

    /** How far after a word of taking part the conference is named: «للمشاركة في أعمال الاجتماع الرابع لوزراء الداخلية». */
    private static final int PARTICIPATION_REACH = 80;

    /** Whether the clause says its subject came to take part in a conference (للمشاركة في الدورة …، لحضور القمة). */
    private static boolean takesPartInAConference(Span span, List<Match<EventType>> cues, Sentence sentence) {
        List<Match<EventType>> conferences = span.startingIn(cues).stream().filter(cue -> cue.value() == EventType.CONFERENCE).toList();
        return sentence.markers(Marker.PARTICIPATION).stream().filter(m -> span.contains(m.start())).anyMatch(m -> conferences.stream()
                .anyMatch(cue -> cue.start() >= m.end() && cue.start() - m.end() <= PARTICIPATION_REACH));
    }

    private static boolean onTheSidelines(Span span, Sentence sentence) {
        return sentence.markers(Marker.SIDELINES).stream().anyMatch(m -> span.contains(m.start()));
    }

    /**
     * Whether only a dash and spaces stand between two places: «تونس – روما», the two sides of a relation, where
     * they are of two countries («مسقط - العُمانية» is a dateline and the agency that filed it).
     */
    private static boolean dashOnlyBetween(String folded, int from, int to) {
        String between = folded.substring(from, to).strip();
        return between.length() == 1 && "-–—".indexOf(between.charAt(0)) >= 0;
    }

    /**
     * Whether only commas or one و (and spaces) stand between {@code from} and {@code to}: mentions joined so
     * share the role of the first (في السعودية، الإمارات، وقطر).
     */
    private static boolean coordinated(String folded, int from, int to) {
        int i = from;
        boolean joined = false; // by a comma or و: two mentions side by side (الوزير اليمني القاهرة) are two parts
        while (i < to && (NormalizedText.isWhitespace(folded.charAt(i)) || folded.charAt(i) == '،' || folded.charAt(i) == ',')) {
            joined |= !NormalizedText.isWhitespace(folded.charAt(i));
            i++;
        }
        if (i < to && folded.charAt(i) == 'و') {
            joined = true;
            i++;
            while (i < to && NormalizedText.isWhitespace(folded.charAt(i))) {
                i++;
            }
        }
        return joined && i == to;
    }

    /**
     * Whether a demonym qualifies the mention right before it, with nothing but a space between: another demonym,
     * adjectives of one noun (اجتماع أردني سوري أميركي), its parties together; or a city of its own country, which
     * it only places (في مدينة ليون الفرنسية).
     */
    private static boolean qualifiesTheMentionBefore(String folded, Match<Gazetteer.CountryForm> previous, Match<Gazetteer.CountryForm> next) {
        if (next.value().kind() != Gazetteer.Kind.DEMONYM || !folded.substring(previous.end(), next.start()).isBlank()) {
            return false;
        }
        return previous.value().kind() == Gazetteer.Kind.DEMONYM
                || previous.value().kind() == Gazetteer.Kind.CITY && previous.value().code().equals(next.value().code());
    }

    /** Cues inside a phrase that names no act of diplomacy (مؤتمر صحفي: a press conference). */
    private static List<Match<EventType>> withoutNonEvents(List<Match<EventType>> cues, List<Match<Marker>> nonEvents) {
        if (nonEvents.isEmpty()) {
            return cues;
        }
        return cues.stream().filter(cue -> nonEvents.stream().noneMatch(phrase -> phrase.start() <= cue.start() && cue.start() < phrase.end())).toList();
    }

    /** Cues that name an event already reported, as the subject of a verb saying what it was about (تناولت المباحثات). */
    private static List<Match<EventType>> withoutBackReferences(String folded, List<Match<EventType>> cues,
                                                                List<Match<Marker>> topicVerbs) {
        if (topicVerbs.isEmpty()) {
            return cues;
        }
        return cues.stream().filter(cue -> topicVerbs.stream().noneMatch(verb -> {
            int wordEnd = NormalizedText.wordEnd(folded, verb.end(), folded.length());
            return wordEnd <= cue.start() && ARTICLE_ONLY.matcher(folded).region(wordEnd, cue.start()).matches();
        })).toList();
    }

    /**
     * How many words a qualifying word may stand after the cue's word: a plan's after the event noun it qualifies
     * («مؤتمر دولي تنوي باريس ترؤسه»), a welcome after the thanks for it («عن تقديره البالغ لحفاوة الاستقبال»).
     */
    private static final int QUALIFIER_REACH_WORDS = 2;

    /**
     * Cues qualified by a word of what is to come, written right after them (القمة المقبلة، مؤتمر دولي تنوي باريس
     * ترؤسه): a plan, no act. The reported part of a sentence ends before such a word, not before the noun it follows.
     */
    private static List<Match<EventType>> withoutPlans(String folded, List<Match<EventType>> cues, List<Match<Marker>> plans) {
        if (plans.isEmpty()) {
            return cues;
        }
        return cues.stream().filter(cue -> plans.stream().noneMatch(plan -> writtenRightAfter(folded, cue, plan))).toList();
    }

    /**
     * Praise cues whose object is the welcome a guest was given (أعرب عن امتنانه لحفاوة الاستقبال، مثمنا الحفاوة التي
     * لقيها) or the ties between the two sides (منوها بالروابط الأخوية، أشاد بمتانة العلاقات): a courtesy, no praise
     * of the subject.
     */
    private static List<Match<EventType>> withoutCourtesies(String folded, List<Match<EventType>> cues, List<Match<Marker>> courtesies) {
        if (courtesies.isEmpty()) {
            return cues;
        }
        return cues.stream().filter(cue -> cue.value() != EventType.PRAISE
                || courtesies.stream().noneMatch(courtesy -> writtenRightAfter(folded, cue, courtesy))).toList();
    }

    /** Whether {@code qualifier} stands at most {@value #QUALIFIER_REACH_WORDS} words after the cue's word, no punctuation between. */
    private static boolean writtenRightAfter(String folded, Match<EventType> cue, Match<Marker> qualifier) {
        int from = NormalizedText.wordEnd(folded, cue.end(), folded.length());
        int words = qualifier.start() < from ? -1 : wordsBetween(folded, from, qualifier.start());
        return words >= 0 && words <= QUALIFIER_REACH_WORDS;
    }

    /**
     * How many words an invitation or a welcome may stand before the visit it names: «دعوة رسمية من نظيره السعودي
     * لزيارة», «رحب وزير الداخلية المصري بزيارة».
     */
    private static final int OBJECT_REACH_WORDS = 5;
    /** The preposition that makes a visit the purpose of what comes before it: «دعوة … إلى زيارة». */
    private static final String TO = NormalizedText.fold("إلى");

    /**
     * Visit cues named, shortly after one of the {@code governors} and with its preposition, as what it is about: a
     * visit an invitation is for (تلقى دعوة رسمية من نظيره لزيارة المملكة، وجه الدعوة إلى الوفد لزيارة مصراتة) is
     * invited to, not made; one a host welcomes (رحب وزير الداخلية بزيارة ضيفه) is the guest's, told already.
     *
     * @param attached    the preposition written onto the visit's word (لزيارة، بزيارة)
     * @param preposition the preposition written as a word before it (إلى زيارة), or null when none serves
     */
    private static List<Match<EventType>> withoutVisitsNamedAsObject(String folded, List<Match<EventType>> cues,
                                                                     List<Match<Marker>> governors, char attached, String preposition) {
        if (governors.isEmpty()) {
            return cues;
        }
        return cues.stream().filter(cue -> {
            if (cue.value() != EventType.VISIT) {
                return true;
            }
            int word = NormalizedText.wordStart(folded, cue.start(), 0);
            int before = NormalizedText.wordStart(folded, Math.max(0, word - 1), 0);
            boolean governed = cue.start() > word && folded.charAt(cue.start() - 1) == attached
                    || preposition != null && word - 1 - before == preposition.length() && folded.startsWith(preposition, before);
            return !governed || governors.stream().noneMatch(governor -> {
                int from = NormalizedText.wordEnd(folded, governor.end(), folded.length());
                int words = from > word ? -1 : wordsBetween(folded, from, word);
                return words >= 0 && words <= OBJECT_REACH_WORDS;
            });
        }).toList();
    }

    /** How many words stand between {@code from} and {@code to}; -1 when punctuation does, which ends a phrase. */
    private static int wordsBetween(String folded, int from, int to) {
        int words = 0;
        for (int i = from; i < to; i++) {
            char c = folded.charAt(i);
            if (!NormalizedText.isWordChar(c) && !NormalizedText.isWhitespace(c)) {
                return -1;
            }
            if (NormalizedText.isWhitespace(c) && i + 1 < to && NormalizedText.isWordChar(folded.charAt(i + 1))) {
                words++;
            }
        }
        return words;
    }

    /**
     * Whether a country is named inside the cue: «زيارة عمل إلى المملكة» is a visit to the subject's kingdom, a
     * reception, unless the kingdom is named (… إلى المملكة العربية السعودية), when it is a visit there like any other.
     */
    private static boolean namesItsCountry(Match<EventType> cue, List<Mention> mentions) {
        return mentions.stream().anyMatch(m -> m.start() < cue.end() && m.match().end() > cue.start());
    }

    /** The most words between a relative pronoun and the visit it tells of: «الذي يقوم بزيارة»، «التي تزور». */
    private static final int GUEST_VISIT_WORDS = 2;

    /**
     * Whether a visit cue tells why a guest is here rather than what the subject did: it opens a relative clause
     * after a party named past the act's first cue (عقد … مباحثات مع وزير الداخلية اللبناني، الذي يقوم بزيارة رسمية
     * إلى المملكة): the guest visits, so the act is a reception.
     */
    private static boolean guestsVisit(String folded, Match<EventType> cue, Match<EventType> firstCue,
                                       List<Match<Marker>> aroundNouns, List<Mention> mentions) {
        if (cue.value() != EventType.VISIT || cue == firstCue) {
            return false;
        }
        int word = NormalizedText.wordStart(folded, cue.start(), firstCue.end());
        Optional<Match<Marker>> relative = aroundNouns.stream()
                .filter(m -> m.value() == Marker.RELATIVE && m.start() > firstCue.end() && m.end() <= word).reduce((first, last) -> last);
        if (relative.isEmpty()) {
            return false;
        }
        if (NormalizedText.words(folded, relative.get().end(), word, GUEST_VISIT_WORDS) > GUEST_VISIT_WORDS) {
            return false;
        }
        int pronoun = relative.get().start();
        return mentions.stream().anyMatch(m -> m.start() > firstCue.end() && m.start() < pronoun && !m.role().place());
    }

    /** An event noun written with the article (الزيارة، والمباحثات، للقاء). */
    private static final Pattern DEFINITE = Pattern.compile("[وفبك]{0,2}ال|[وف]?لل");

    /**
     * Whether a cue names an act already known rather than reporting one: an event noun with the article, or after
     * a demonstrative (وتأتي الزيارة، هذا اللقاء) or a verb of coming that sets it in context (وتأتي زيارة قائد القوة
     * في وقت …), unless a relative clause reports it (المباحثات التي أجراها …) or a
     * quantifier makes it acts of their own (في بعض الزيارات). Verbs never take the article.
     */
    private static boolean reMention(String folded, Match<EventType> cue, List<Match<Marker>> aroundNouns) {
        int nextWord = NormalizedText.wordEnd(folded, cue.end(), folded.length());
        while (nextWord < folded.length() && NormalizedText.isWhitespace(folded.charAt(nextWord))) {
            nextWord++;
        }
        int relativeAt = nextWord;
        if (aroundNouns.stream().anyMatch(m -> m.value() == Marker.RELATIVE && m.start() == relativeAt)) {
            return false;
        }
        int wordStart = NormalizedText.wordStart(folded, cue.start(), 0);
        int before = NormalizedText.previousWordStart(folded, wordStart, 0);
        Marker determiner = before < 0 ? null : aroundNouns.stream().filter(d -> d.value() != Marker.RELATIVE)
                .filter(d -> d.start() >= before && d.end() <= wordStart)
                .map(Match::value).findFirst().orElse(null);
        if (determiner != null) {
            return determiner == Marker.DEMONSTRATIVE || determiner == Marker.IN_CONTEXT;
        }
        return DEFINITE.matcher(folded).region(wordStart, cue.start()).matches();
    }

    /** Whether no act is named after the turn to another time: the sentence only relates its act to that time. */
    private static boolean noActAfter(Match<Marker> turn, List<Match<EventType>> cues) {
        return cues.stream().noneMatch(cue -> cue.start() > turn.end());
    }

    /**
     * The marker where a sentence that sets an act already reported in its context turns to another time, earlier
     * («وتأتي الزيارة بعد أشهر من زيارة أجراها …»، «ويأتي لقاء مسقط غداة استقبال …»: an act named there is a clause of
     * its own, and the one named first only a re-mention) or later (قبل: still to come).
     */
    private static Optional<Match<Marker>> contextBreak(String folded, Span part, Sentence sentence) {
        Optional<Match<Marker>> opening = sentence.markers(Marker.IN_CONTEXT).stream().findFirst()
                .filter(m -> folded.substring(part.start(), NormalizedText.wordStart(folded, m.start(), part.start())).isBlank());
        return opening.flatMap(o -> sentence.markers().stream()
                .filter(m -> (m.value() == Marker.ANOTHER_TIME || m.value() == Marker.LATER_TIME) && m.start() > o.end()).findFirst());
    }

    /**
     * Where the items of the reported part of a listing sentence start: at its start, at each addition, before
     * each cue that opens an item, and where a sentence that sets an act in context turns to another.
     */
    private static List<Integer> itemBreaks(String folded, Span part, List<Match<EventType>> cues, Sentence sentence,
                                            Optional<Integer> turnInContext) {
        List<Integer> breaks = new ArrayList<>(List.of(part.start()));
        List<Match<Marker>> thens = sentence.markers(Marker.THEN);
        for (Match<EventType> cue : cues) {
            int wordStart = NormalizedText.wordStart(folded, cue.start(), 0);
            boolean linked = wordStart < cue.start() && folded.charAt(wordStart) == 'و';
            if (linked || opensListItem(folded, part.start(), wordStart, thens)) {
                breaks.add(wordStart);
            }
        }
        sentence.markers(Marker.ADDITION).forEach(addition -> breaks.add(NormalizedText.wordStart(folded, addition.start(), 0)));
        turnInContext.ifPresent(breaks::add);
        if (breaks.size() == 1) {
            return breaks; // not a list: the common case
        }
        return breaks.stream().filter(b -> b < part.end()).distinct().sorted().toList();
    }

    /**
     * A comma and a linking word (، وأخيرا، وكذلك), or a word that opens an item on its own (ثم), right before
     * the word at {@code wordStart}: a cue there opens another item of a list. A comma alone does not: it often
     * closes an aside (عقد حموشي، يوم الاثنين بالرباط، لقاء …).
     */
    private static boolean opensListItem(String folded, int partStart, int wordStart, List<Match<Marker>> thens) {
        int start = NormalizedText.previousWordStart(folded, wordStart, partStart);
        if (start < 0) {
            return false;
        }
        int wordLength = 0; // the word read, without the spaces after it
        while (!NormalizedText.isWhitespace(folded.charAt(start + wordLength))) {
            wordLength++;
        }
        int wordEnd = start + wordLength;
        if (thens.stream().anyMatch(then -> then.start() >= start && then.end() == wordEnd)) {
            return true;
        }
        int comma = start;
        while (comma > partStart && NormalizedText.isWhitespace(folded.charAt(comma - 1))) {
            comma--;
        }
        return wordLength >= 2 && folded.charAt(start) == 'و' && comma > partStart
                && (folded.charAt(comma - 1) == '،' || folded.charAt(comma - 1) == ',');
    }

    /**
     * An item that names no country belongs to the next one (or, last, to the one before): a list is only split
     * where each item has its own country. An item without a cue reports what the item before it reports.
     */
    private static List<Clause> joinedUntilEachNamesACountry(List<Clause> items) {
        List<Clause> joined = new ArrayList<>();
        Clause pending = null;
        for (Clause item : items) {
            Clause current = pending == null ? item : joined(pending, item);
            if (current.mentions().isEmpty()) {
                pending = current;
            } else {
                joined.add(current);
                pending = null;
            }
        }
        if (pending != null) {
            if (joined.isEmpty()) {
                joined.add(pending);
            } else {
                joined.set(joined.size() - 1, joined(joined.getLast(), pending));
            }
        }
        for (int i = 1; i < joined.size(); i++) {
            if (joined.get(i).type() == null) {
                joined.set(i, joined.get(i).withType(joined.get(i - 1).type()));
            }
        }
        return joined;
    }

    private static Clause joined(Clause first, Clause second) {
        List<Mention> mentions = new ArrayList<>(first.mentions());
        mentions.addAll(second.mentions());
        EventType type = EventType.mostSpecific(first.type(), second.type());
        boolean reMention = Stream.of(first, second).filter(Clause::reportsEvent).allMatch(Clause::reMention);
        EventType occasion = occasionOf(type, EventType.mostSpecific(occasionOf(type, first.occasion()), occasionOf(type, second.occasion())));
        return new Clause(first.sentence(), new Span(first.span().start(), second.span().end()), type, mentions, first.inSentence(),
                type != null && reMention, occasion);
    }
}

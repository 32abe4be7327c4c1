package org.rasd.ingest.extraction;

import org.rasd.ingest.extraction.Recognisers.Recognised;
import org.rasd.ingest.parsing.Lexicon.Match;
import org.rasd.ingest.parsing.Lexicons;
import org.rasd.ingest.parsing.NormalizedText;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The article's protagonist: the country that acts in it, the one whose parts in the article weigh most. Each
 * part is a {@link Signal}, weighed in protagonist-weights.tsv (language data, not code). A plain mention counts,
 * and the agent of an event sentence (its first plain mention) more; counterparts (نظيره، مع) and places count
 * nothing, except the city of a dateline (news is mostly filed at home) and in a reception: its place, or the one
 * who receives a counterpart (نظيره), names the host, and a guest named alone counts nothing; told in the passive
 * (استُقبل … من طرف), the guest's own news, it counts for no one. Praise and honours are given by the counterpart: their first plain mention is
 * the giver. Officials named without their country count for it (persons.tsv): once each, however often named (a
 * guest named in every paragraph is one guest), and again each time they act, named before an act's cue.
 * <p>
 * National news names its own officials by title alone (وزير الداخلية، عبد الوافي لفتيت) and gives foreign ones
 * their nationality (وزيرة الداخلية البلجيكية). When an article names an official by title alone, a nationality
 * given to an official marks a foreign country, which counts against it, unless it is the country of a known
 * official so named, or of the visitor the headline places abroad, whom every outlet but his hosts' own names so;
 * otherwise (news about two foreign countries qualifies both) a nationality counts as a plain
 * mention. The outlet says whose news it is: the national outlet the article is from (named on a short line of
 * the text, as the page's own name or the source posted, or by the national domain of its page) weighs most, once.
 * And who acts in the headline (رئيس المخابرات المصرية في بنغازي) counts too: a report of a visit names the
 * visitor's country there even when the host's is named more often below; an official it places in another country
 * weighs as much as the outlet, since a host's own outlet reports the guest's trip too (وزير الداخلية الأردني يوقع في
 * الدوحة, in a Qatari paper). An official the headline names without his country and places in the one country it
 * names (مدير حرس الحدود يبحث في الكويت مع …) is national news of a trip: that country is the one visited, and
 * counts against itself as much.
 */
final class Protagonist {

    /** The parts a country plays in an article that count towards its acting in it; weighed in protagonist-weights.tsv. */
    enum Signal {
        MENTION, AGENT, PARTY, HOST_PLACE, RECEIVER, PRAISED, FOREIGN_NATIONALITY, OUTLET, ACTING_PERSON, PERSON,
        HEADLINE_AGENT, HEADLINE_VISITOR, HEADLINE_VISITED, DATELINE
    }

    /** The weights of the language data. */
    static final Protagonist RULES = new Protagonist(Lexicons.table("protagonist-weights.tsv").stream().collect(Collectors.toMap(
            row -> Signal.valueOf(row.get("signal")), row -> Integer.parseInt(row.get("weight")), Integer::sum, () -> new EnumMap<>(Signal.class))));

    /** How far after a title its nationality may be written (وزير الداخلية والجماعات المحلية الجزائري). */
    private static final int TITLE_REACH = 40;
    /** The most words a line naming an outlet has: a masthead or a byline, no sentence. */
    private static final int SHORT_LINE_WORDS = 6;

    private final Map<Signal, Integer> weights;

    private Protagonist(Map<Signal, Integer> weights) {
        this.weights = Map.copyOf(weights);
    }

    /**
     * The protagonist's country code, or null when the article names no country.
     *
     * @param headline the folded headline, null when the article has none
     * @param outlet the countries the national outlet that published the article may be of, as its page names it
     *               or its national domain (.sa, .ma) gives it; empty when unknown
     * @param filedIn the country of the dateline's place, null when the article has none
     */
    String of(String folded, String headline, List<Clause> clauses, Recognised found, List<String> outlet, String filedIn) {
        return choose(signals(folded, headline, clauses, found, outlet, filedIn));
    }

    /** The country whose signals weigh most, if any weighs more than nothing; the first named of equals. */
    private String choose(Map<String, Map<Signal, Integer>> signals) {
        String chosen = null;
        int most = 0;
        for (Map.Entry<String, Map<Signal, Integer>> country : signals.entrySet()) {
            int score = score(country.getValue());
            if (score > most) {
                chosen = country.getKey();
                most = score;
            }
        }
        return chosen;
    }

    private int score(Map<Signal, Integer> signals) {
        return signals == null ? 0 : signals.entrySet().stream().mapToInt(e -> e.getValue() * weights.getOrDefault(e.getKey(), 0)).sum();
    }

    /** How often each country plays each part, the countries in the order they are first met. */
    Map<String, Map<Signal, Integer>> signals(String folded, String headline, List<Clause> clauses, Recognised found,
                                              List<String> outlet, String filedIn) {
        int headlineStart = headline == null || headline.isBlank() ? -1 : folded.indexOf(headline);
        Span headlineInText = headlineStart < 0 ? null : new Span(headlineStart, headlineStart + headline.length());
        Optional<String> headlineAgent = headlineInText == null ? Optional.empty() : headlineAgent(folded, headlineInText, found);
        Optional<String> visitor = headlineAgent.filter(country -> placedAbroad(headlineInText, clauses, found, country));
        List<List<String>> outlets = new ArrayList<>(List.of(outlet));
        found.outlets().stream().filter(named -> onAShortLine(folded, named)).forEach(named -> outlets.add(named.value()));
        // the visitor the headline reports is named by his nationality in any outlet but his hosts' own: there it
        // still marks him foreign, and the host's news
        boolean hostsOutlet = visitor.isPresent() && outlets.stream().flatMap(List::stream)
                .anyMatch(country -> placesOf(headlineInText, clauses).contains(country));
        NationalNews national = NationalNews.of(folded, found).withHome(hostsOutlet ? Optional.empty() : visitor);
        Map<String, Map<Signal, Integer>> signals = new LinkedHashMap<>();
        Map<Span, Mention> agents = new HashMap<>();
        for (Clause clause : clauses) {
            clause.mentions().stream().filter(m -> plain(m, national)).findFirst()
                    .ifPresent(plain -> agents.putIfAbsent(clause.sentence(), plain));
        }
        for (Clause clause : clauses) {
            Mention agent = agents.get(clause.sentence());
            boolean passive = receivedByAnAgent(clause, found);
            for (Mention mention : clause.mentions()) {
                signals.computeIfAbsent(mention.code(), code -> new EnumMap<>(Signal.class)); // met, whatever it counts
                (national.marksForeign(mention) ? Optional.of(Signal.FOREIGN_NATIONALITY)
                        : signal(clause, mention, agent, plain(mention, NationalNews.NONE), passive))
                        .ifPresent(signal -> count(signals, mention.code(), signal));
            }
        }
        // the outlet is one fact, however often its name is written (a masthead, a byline, the page's name); it says
        // whose news the article is when the text names its country, or leaves unnamed the country of one who meets a
        // counterpart, as national news does (استقبل الوزير نظيره الفرنسي): a Jordanian outlet reports Syrian talks too
        boolean counterpartOfTheUnnamed = clauses.stream().filter(Clause::reportsEvent).anyMatch(Protagonist::counterpartOfTheUnnamed);
        Set<String> foreign = clauses.stream().flatMap(clause -> clause.mentions().stream()).filter(national::marksForeign)
                .map(Mention::code).collect(Collectors.toSet());
        outlets.stream().flatMap(countries -> ofOutlet(countries, signals::containsKey, foreign, filedIn).stream()).distinct()
                .filter(country -> signals.containsKey(country) || counterpartOfTheUnnamed)
                .forEach(country -> count(signals, country, Signal.OUTLET));
        Set<Person> named = new HashSet<>();
        for (Match<Person> person : found.persons()) {
            if (actsIn(person, clauses, found, folded)) {
                count(signals, person.value().country(), Signal.ACTING_PERSON);
            } else if (named.add(person.value())) {
                count(signals, person.value().country(), Signal.PERSON);
            }
        }
        headlineAgent.ifPresent(country -> count(signals, country, Signal.HEADLINE_AGENT));
        visitor.ifPresent(country -> count(signals, country, Signal.HEADLINE_VISITOR));
        if (headlineInText != null && headlineAgent.isEmpty()) {
            visitedByTheUnnamed(folded, headlineInText, clauses, found).ifPresent(country -> count(signals, country, Signal.HEADLINE_VISITED));
        }
        return signals;
    }

    private static void count(Map<String, Map<Signal, Integer>> signals, String country, Signal signal) {
        signals.computeIfAbsent(country, code -> new EnumMap<>(Signal.class)).merge(signal, 1, Integer::sum);
    }

    /**
     * Who acts in the headline (its span in the text): the first country it names before its first act's cue, as a country, by a known
     * official or by a title's nationality (رئيس المخابرات المصرية في بنغازي). None when the first actor is a title
     * with no country after it (national news naming its own), or when the act's verb is a dual (الأمن العام ووزارة
     * الداخلية العراقية يوقعان): two agents, neither the one.
     */
    private static Optional<String> headlineAgent(String folded, Span span, Recognised found) {
        int start = span.start();
        Optional<Match<EventType>> cue = span.startingIn(found.cues()).stream().findFirst();
        int actAt = cue.map(Match::start).orElse(span.end());
        if (namesTwoAgents(folded, new Span(start, cue.map(match -> NormalizedText.wordEnd(folded, match.start(), folded.length())).orElse(actAt)), found)) {
            return Optional.empty();
        }
        Span beforeTheAct = new Span(start, actAt);
        Optional<Match<Gazetteer.CountryForm>> country = beforeTheAct.startingIn(found.countries()).stream().findFirst();
        Optional<Match<Person>> person = beforeTheAct.startingIn(found.persons()).stream().findFirst();
        Optional<Match<String>> title = beforeTheAct.startingIn(found.titles()).stream().findFirst();
        int countryAt = country.map(Match::start).orElse(Integer.MAX_VALUE);
        int personAt = person.map(Match::start).orElse(Integer.MAX_VALUE);
        int titleAt = title.map(Match::start).orElse(Integer.MAX_VALUE);
        if (personAt < countryAt && personAt <= titleAt) {
            return Optional.of(person.get().value().country());
        }
        if (titleAt < countryAt && countryOf(folded, title.get(), found).isEmpty()) {
            return Optional.empty();
        }
        return country.map(match -> match.value().code());
    }

    /**
     * Whether the headline places its agent, an official it names by his nationality or his name, in another country
     * (رئيس المخابرات المصرية في بيروت، وزير الداخلية الأردني يوقع في الدوحة): the article reports his trip, whoever
     * hosts it and whoever publishes it.
     */
    private static boolean placedAbroad(Span span, List<Clause> clauses, Recognised found, String agent) {
        boolean official = span.startingIn(found.persons()).stream().anyMatch(person -> person.value().country().equals(agent))
                || mentionsIn(span, clauses).stream().findFirst().filter(first -> first.code().equals(agent) && first.role().nationality()).isPresent();
        List<String> places = placesOf(span, clauses);
        return official && !places.isEmpty() && !places.contains(agent);
    }

    /**
     * The country a headline places an act of an official it names without his country in, when it names no other
     * (قائد أركان الدرك الوطني يبحث في أنقرة مع نظيره التركي، المندوب العام للأمن المدني يبدأ زيارة عمل إلى تونس):
     * national news naming its own official on a trip, so the country is the one visited. Not a reception (يستقبل في
     * الرباط), held at home.
     */
    private static Optional<String> visitedByTheUnnamed(String folded, Span span, List<Clause> clauses, Recognised found) {
        Optional<Match<EventType>> act = span.startingIn(found.cues()).stream().findFirst();
        // someone named before the act, one agent and no country (a headline opening on its act names no one, and a
        // dual verb two agents)
        boolean oneNamed = act.isPresent() && NormalizedText.words(folded, span.start(), act.get().start(), 1) > 0
                && !namesTwoAgents(folded, new Span(span.start(), NormalizedText.wordEnd(folded, act.get().start(), folded.length())), found);
        List<Mention> mentions = mentionsIn(span, clauses);
        Optional<Mention> place = mentions.stream().filter(m -> m.role().place()).findFirst();
        // any other country named there may be the one met at home (يبحث في الرباط مع نظيره الإسباني)
        boolean onlyThePlace = place.isPresent() && mentions.stream().allMatch(m -> m.code().equals(place.get().code()));
        boolean abroad = oneNamed && act.get().value() != EventType.HOST && onlyThePlace
                && place.get().start() > act.get().start();
        return abroad ? Optional.of(place.get().code()) : Optional.empty();
    }

    private static List<Mention> mentionsIn(Span span, List<Clause> clauses) {
        return clauses.stream().flatMap(clause -> clause.mentions().stream()).filter(m -> span.contains(m.start())).toList();
    }

    /** The countries the span names as places: where its acts happen, or the traveller goes. */
    private static List<String> placesOf(Span span, List<Clause> clauses) {
        return mentionsIn(span, clauses).stream().filter(m -> m.role().place()).map(Mention::code).toList();
    }

    /** A verb in the dual of the present (يوقعان، تكثفان، يبحثان): a word of ي or ت, then at least two letters, then ان. */
    private static final Pattern DUAL_VERB = Pattern.compile("(?<!\\p{L})[يت]\\p{L}{2,}ان(?!\\p{L})");

    /**
     * Whether a word of the span, up to the act's verb, is a verb in the dual: two agents. Place names that read so
     * (تطوان، تلمسان) are countries' forms, not verbs.
     */
    private static boolean namesTwoAgents(String folded, Span span, Recognised found) {
        List<Match<Gazetteer.CountryForm>> places = span.startingIn(found.countries());
        return DUAL_VERB.matcher(folded).region(span.start(), span.end()).useTransparentBounds(true).results()
                .anyMatch(word -> places.stream().noneMatch(place -> place.start() <= word.start() && word.start() < place.end()));
    }

    /**
     * The country of an outlet: its only one, or, for a name common to outlets of several (الرأي، الوطن), the one
     * whose city the dateline files from, unless the article marks that country foreign (a paper's reporter travels
     * with his minister: «الرياض» above a Qatari «الشرق»'s report of talks with «وزير الداخلية بالمملكة العربية
     * السعودية» files no Saudi news), else the one the article names, when it names one only.
     *
     * @param foreign the countries the article marks foreign (national news gives only others' officials their
     *                nationality)
     */
    private static Optional<String> ofOutlet(List<String> countries, Predicate<String> mentioned, Set<String> foreign, String filedIn) {
        if (filedIn != null && countries.size() > 1 && countries.contains(filedIn) && !foreign.contains(filedIn)) {
            return Optional.of(filedIn);
        }
        List<String> named = countries.size() == 1 ? countries : countries.stream().filter(mentioned).toList();
        return named.size() == 1 ? Optional.of(named.getFirst()) : Optional.empty();
    }

    private static boolean plain(Mention mention, NationalNews national) {
        return mention.role() == MentionRole.OTHER || mention.role().nationality() && !national.marksForeign(mention);
    }

    /**
     * Whether the clause reports a reception in the passive, its doer named after «من طرف» or «من قبل» (استُقبل الوزير
     * … بالقاهرة من طرف نظيره المصري): told from the guest's side, as his own country's news tells it.
     */
    private static boolean receivedByAnAgent(Clause clause, Recognised found) {
        return clause.type() == EventType.HOST && clause.span().startingIn(found.cues()).stream().findFirst()
                .filter(cue -> clause.span().startingIn(found.markers()).stream()
                        .anyMatch(marker -> marker.value() == Marker.AGENT && marker.start() > cue.end())).isPresent();
    }

    /** @param passive whether the clause is a reception told in the passive: its place is the host's, who does not act in it */
    private static Optional<Signal> signal(Clause clause, Mention mention, Mention agent, boolean plain, boolean passive) {
        MentionRole role = mention.role();
        if (role == MentionRole.DATELINE) {
            return Optional.of(Signal.DATELINE);
        }
        if (!clause.reportsEvent()) {
            return plain ? Optional.of(Signal.MENTION) : Optional.empty();
        }
        if (clause.type() == EventType.HOST) {
            // the host: where it is held, or who receives «نظيره»; a guest named alone counts nothing
            if (passive) {
                return Optional.empty();
            }
            return role.place() ? Optional.of(Signal.HOST_PLACE)
                    : mention == agent && clause.counterpartAfter(mention) ? Optional.of(Signal.RECEIVER) : Optional.empty();
        }
        if (clause.type() == EventType.PRAISE || clause.type() == EventType.HONOR) {
            return mention == agent ? Optional.empty() : Optional.of(Signal.PRAISED);
        }
        if (plain) {
            return Optional.of(mention == agent ? Signal.AGENT : Signal.PARTY);
        }
        return Optional.empty();
    }

    /**
     * Whether {@code person} is the agent of an event clause: named before its first cue, as headlines name him
     * (حموشي يتسلم …), or right after a verb of it, with nothing but words of address between (شارك جلالة الملك
     * عبدالله الثاني …), as news writes the agent first. Named after a title he may be the object (استقبل الوزير
     * حموشي), and after a noun with its owner written onto it too (خلال استقباله الملك …).
     */
    private static boolean actsIn(Match<Person> person, List<Clause> clauses, Recognised found, String folded) {
        for (Clause clause : clauses) {
            if (clause.reportsEvent() && clause.span().contains(person.start())) {
                List<Match<EventType>> cues = clause.span().startingIn(found.cues());
                return cues.stream().findFirst().filter(cue -> person.start() < cue.start()).isPresent()
                        || cues.stream().anyMatch(cue -> cue.end() <= person.start() && agentRightAfter(folded, cue, person.start()));
            }
        }
        return false;
    }

    /** Endings of a verb that leave its agent to be named after it: «شارك», «شاركت», «شاركوا». */
    private static final Set<String> VERB_ENDINGS = Set.of("", "ت", "وا");

    /** Whether the cue is a verb and only words of address stand between it and {@code at}. */
    private static boolean agentRightAfter(String folded, Match<EventType> cue, int at) {
        int wordEnd = NormalizedText.wordEnd(folded, cue.end(), folded.length());
        if (wordEnd > at || !VERB_ENDINGS.contains(folded.substring(cue.end(), wordEnd))) {
            return false;
        }
        return NormalizedText.everyWord(folded, wordEnd, at, Receiver.HONORIFICS::contains);
    }

    /** Country-code domains sold to anyone, which name no country (.tv, .io, .fm). */
    private static final Set<String> OPEN_DOMAINS = Set.of("tv", "io", "me", "co", "ai", "fm", "cc", "ws", "to", "gg");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /** The country whose domain the host is in: spa.gov.sa → SA, hespress.ma → MA; none for .com or an open domain. */
    static Optional<String> countryOfDomain(String host) {
        if (host == null) {
            return Optional.empty();
        }
        String domain = host.substring(host.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        String code = domain.equals("uk") ? "GB" : domain.toUpperCase(Locale.ROOT);
        return domain.length() == 2 && !OPEN_DOMAINS.contains(domain) && COUNTRIES.contains(code) ? Optional.of(code) : Optional.empty();
    }

    /** Whether the match stands on a line of a few words: a masthead, a byline or a dateline, not a sentence. */
    private static boolean onAShortLine(String folded, Match<?> match) {
        int start = folded.lastIndexOf('\n', match.start()) + 1;
        int end = folded.indexOf('\n', match.end());
        int words = NormalizedText.words(folded, start, end < 0 ? folded.length() : end, SHORT_LINE_WORDS);
        return words > 0 && words <= SHORT_LINE_WORDS;
    }

    /** Whether the clause names a counterpart and no country before it: whoever met him goes unnamed. */
    private static boolean counterpartOfTheUnnamed(Clause clause) {
        return clause.first(MentionRole.COUNTERPART).filter(counterpart -> clause.mentions().stream()
                .noneMatch(m -> m.start() < counterpart.start() && (m.role().nationality() || m.role() == MentionRole.OTHER))).isPresent();
    }

    /**
     * Whether the article names an official by title alone (a title followed by no country within {@value #TITLE_REACH}
     * chars of words), as national news names its own; and the countries of the known officials so named (وزير
     * الداخلية، عبد الوافي لفتيت): home, whose nationality given to another official marks no foreign country.
     */
    private record NationalNews(boolean byTitleAlone, Set<String> home) {

        static final NationalNews NONE = new NationalNews(false, Set.of());

        static NationalNews of(String folded, Recognised found) {
            List<Match<String>> alone = found.titles().stream().filter(title -> countryOf(folded, title, found).isEmpty()).toList();
            Set<String> home = alone.stream().flatMap(title -> new Span(title.end(), title.end() + TITLE_REACH).startingIn(found.persons()).stream())
                    .map(person -> person.value().country()).collect(Collectors.toSet());
            return new NationalNews(!alone.isEmpty(), home);
        }

        NationalNews withHome(Optional<String> country) {
            return country.filter(code -> !home.contains(code)).map(code -> {
                Set<String> more = new HashSet<>(home);
                more.add(code);
                return new NationalNews(byTitleAlone, Set.copyOf(more));
            }).orElse(this);
        }

        /** Whether the mention is a nationality that marks a foreign country: the article's news is another's. */
        boolean marksForeign(Mention mention) {
            return byTitleAlone && mention.role().nationality() && !home.contains(mention.code());
        }
    }

    /** The country named right after a title, within {@value #TITLE_REACH} chars of words: its nationality. */
    private static Optional<Match<Gazetteer.CountryForm>> countryOf(String folded, Match<String> title, Recognised found) {
        int reach = title.end();
        while (reach < folded.length() && reach < title.end() + TITLE_REACH
                && (NormalizedText.isWordChar(folded.charAt(reach)) || folded.charAt(reach) == ' ')) {
            reach++;
        }
        return new Span(title.end(), reach).startingIn(found.countries()).stream().findFirst();
    }
}

package org.rasd.ingest.extraction;

import org.rasd.ingest.extraction.Recognisers.Recognised;
import org.rasd.ingest.parsing.Lexicon.Match;
import org.rasd.ingest.parsing.Lexicons;
import org.rasd.ingest.parsing.NormalizedText;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The article's protagonist: the country that acts in it. Each plain mention counts once and the agent of an
 * event sentence (its first plain mention) twice more; counterparts (نظيره، مع) and places count nothing,
 * except in a reception: its place, or the one who receives a counterpart (نظيره), names the host, and a
 * guest named alone counts nothing. Praise and honours are given by the counterpart: their first plain
 * mention is the giver. Officials named without their country count for it (persons.tsv), five times when they
 * act, named before an act's cue.
 * <p>
 * National news names its own officials by title alone (وزير الداخلية، عبد الوافي لفتيت) and gives foreign ones
 * their nationality (وزيرة الداخلية البلجيكية). When an article names an official by title alone, a nationality
 * given to an official marks a foreign country, which counts against it; otherwise (news about two foreign
 * countries qualifies both) a nationality counts as a plain mention. The outlet says whose news it is: the
 * national outlet the article is from (named on a short line of the text, as the page's own name or the source
 * posted, or by the national domain of its page) counts twelve for its country, once.
 */
final class Protagonist {

    /** How far after a title its nationality may be written (وزير الداخلية والجماعات المحلية الجزائري). */
    private static final int TITLE_REACH = 40;
    private static final int FOREIGN = -2;
    /** A known official who acts in an event clause, named before its cue (حموشي يتسلم …): his country acts. */
    private static final int ACTING_PERSON = 5;
    /**
     * The national outlet the article is from: its news is its country's unless the text gives another clearly more
     * weight (as much as the agents of four event sentences).
     */
    private static final int OUTLET = 12;
    /** The most words a line naming an outlet has: a masthead or a byline, no sentence. */
    private static final int SHORT_LINE_WORDS = 6;

    private Protagonist() {
    }

    /**
     * The protagonist's country code, or null when the article names no country.
     *
     * @param outlet the countries the national outlet that published the article may be of, as its page names it
     *               or its national domain (.sa, .ma) gives it; empty when unknown
     */
    static String of(String folded, List<Clause> clauses, Recognised found, List<String> outlet) {
        boolean nationalityMarksForeign = namesAnOfficialByTitleAlone(folded, found);
        Map<String, Integer> score = new LinkedHashMap<>();
        Map<Span, Mention> agents = new HashMap<>();
        for (Clause clause : clauses) {
            clause.mentions().stream().filter(m -> plain(m, nationalityMarksForeign)).findFirst()
                    .ifPresent(plain -> agents.putIfAbsent(clause.sentence(), plain));
        }
        for (Clause clause : clauses) {
            Mention agent = agents.get(clause.sentence());
            for (Mention mention : clause.mentions()) {
                int weight = nationalityMarksForeign && mention.role().nationality()
                        ? FOREIGN : weight(clause, mention, agent, plain(mention, false));
                score.merge(mention.code(), weight, Integer::sum);
            }
        }
        List<List<String>> outlets = new ArrayList<>(List.of(outlet));
        found.outlets().stream().filter(named -> onAShortLine(folded, named)).forEach(named -> outlets.add(named.value()));
        // the outlet is one fact, however often its name is written (a masthead, a byline, the page's name); it says
        // whose news the article is when the text names its country, or leaves unnamed the country of one who meets a
        // counterpart, as national news does (استقبل الوزير نظيره الفرنسي): a Jordanian outlet reports Syrian talks too
        boolean counterpartOfTheUnnamed = clauses.stream().filter(Clause::reportsEvent).anyMatch(Protagonist::counterpartOfTheUnnamed);
        outlets.stream().flatMap(countries -> ofOutlet(countries, score).stream()).distinct()
                .filter(country -> score.containsKey(country) || counterpartOfTheUnnamed)
                .forEach(country -> score.merge(country, OUTLET, Integer::sum));
        for (Match<Person> person : found.persons()) {
            score.merge(person.value().country(), actsIn(person, clauses, found, folded) ? ACTING_PERSON : 1, Integer::sum);
        }
        // a country that only counted against itself (a foreign official's nationality) acts in nothing
        return score.entrySet().stream().filter(e -> e.getValue() > 0).max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    /**
     * The country of an outlet: its only one, or, for a name common to outlets of several (الرأي), the one of them
     * the article names, when it names one only.
     */
    private static Optional<String> ofOutlet(List<String> countries, Map<String, Integer> mentioned) {
        List<String> named = countries.size() == 1 ? countries
                : countries.stream().filter(country -> mentioned.getOrDefault(country, 0) > 0).toList();
        return named.size() == 1 ? Optional.of(named.getFirst()) : Optional.empty();
    }

    private static boolean plain(Mention mention, boolean nationalityMarksForeign) {
        return mention.role() == MentionRole.OTHER || mention.role().nationality() && !nationalityMarksForeign;
    }

    private static int weight(Clause clause, Mention mention, Mention agent, boolean plain) {
        MentionRole role = mention.role();
        if (!clause.reportsEvent()) {
            return plain ? 1 : 0;
        }
        if (clause.type() == EventType.HOST) {
            // the host: where it is held, or who receives «نظيره»; a guest named alone counts nothing
            return role.place() ? 2 : mention == agent && clause.counterpartAfter(mention) ? 3 : 0;
        }
        if (clause.type() == EventType.PRAISE || clause.type() == EventType.HONOR) {
            return mention == agent ? 0 : 1;
        }
        if (plain) {
            return mention == agent ? 3 : 1;
        }
        return 0;
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
                List<Match<EventType>> cues = clause.span().matchesIn(found.cues());
                return cues.stream().findFirst().filter(cue -> person.start() < cue.start()).isPresent()
                        || cues.stream().anyMatch(cue -> cue.end() <= person.start() && agentRightAfter(folded, cue, person.start()));
            }
        }
        return false;
    }

    /** Endings of a verb that leave its agent to be named after it: «شارك», «شاركت», «شاركوا». */
    private static final Set<String> VERB_ENDINGS = Set.of("", "ت", "وا");
    private static final Set<String> HONORIFICS = Lexicons.table("honorifics.tsv").stream()
            .map(row -> NormalizedText.fold(row.get("word"))).collect(Collectors.toUnmodifiableSet());

    /** Whether the cue is a verb and only words of address stand between it and {@code at}. */
    private static boolean agentRightAfter(String folded, Match<EventType> cue, int at) {
        int wordEnd = NormalizedText.wordEnd(folded, cue.end(), folded.length());
        if (wordEnd > at || !VERB_ENDINGS.contains(folded.substring(cue.end(), wordEnd))) {
            return false;
        }
        String between = folded.substring(wordEnd, at).strip();
        return between.isEmpty() || Arrays.stream(between.split("\\s+")).allMatch(HONORIFICS::contains);
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
        String line = folded.substring(start, end < 0 ? folded.length() : end).strip();
        return !line.isEmpty() && line.split("\\s+").length <= SHORT_LINE_WORDS;
    }

    /** Whether the clause names a counterpart and no country before it: whoever met him goes unnamed. */
    private static boolean counterpartOfTheUnnamed(Clause clause) {
        return clause.first(MentionRole.COUNTERPART).filter(counterpart -> clause.mentions().stream()
                .noneMatch(m -> m.start() < counterpart.start() && (m.role().nationality() || m.role() == MentionRole.OTHER))).isPresent();
    }

    /** Whether some official's title is followed by no country within {@value #TITLE_REACH} chars of words. */
    private static boolean namesAnOfficialByTitleAlone(String folded, Recognised found) {
        List<Match<Gazetteer.CountryForm>> countries = found.countries();
        for (Match<String> title : found.titles()) {
            int reach = title.end();
            while (reach < folded.length() && reach < title.end() + TITLE_REACH
                    && (NormalizedText.isWordChar(folded.charAt(reach)) || folded.charAt(reach) == ' ')) {
                reach++;
            }
            List<Match<Gazetteer.CountryForm>> after = new Span(title.end(), reach).matchesIn(countries);
            if (after.isEmpty()) {
                return true;
            }
        }
        return false;
    }
}

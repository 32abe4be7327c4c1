package org.rasd.ingest.extraction;

import org.rasd.ingest.parsing.Lexicon.Match;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The article's protagonist: the country that acts in it. Each plain mention counts once and the agent of an
 * event sentence (its first plain mention) twice more; counterparts (نظيره، مع) and places count nothing,
 * except in a reception: its place, or the one who receives a counterpart (نظيره), names the host, and a
 * guest named alone counts nothing. Praise and honours are given by the counterpart: their first plain
 * mention is the giver. Officials named without their country count for it.
 */
final class Protagonist {

    private Protagonist() {
    }

    /** The protagonist's country code, or null when the article names no country. */
    static String of(List<Clause> clauses, List<Match<Person>> persons) {
        Map<String, Integer> score = new LinkedHashMap<>();
        Map<Span, Mention> agents = new HashMap<>();
        for (Clause clause : clauses) {
            clause.first(MentionRole.OTHER).ifPresent(plain -> agents.putIfAbsent(clause.sentence(), plain));
        }
        for (Clause clause : clauses) {
            Mention agent = agents.get(clause.sentence());
            for (Mention mention : clause.mentions()) {
                score.merge(mention.code(), weight(clause, mention, agent), Integer::sum);
            }
        }
        persons.forEach(person -> score.merge(person.value().country(), 1, Integer::sum));
        return score.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    private static int weight(Clause clause, Mention mention, Mention agent) {
        MentionRole role = mention.role();
        if (!clause.reportsEvent()) {
            return role == MentionRole.OTHER ? 1 : 0;
        }
        if (clause.type() == EventType.HOST) {
            // the host: where it is held, or who receives «نظيره»; a guest named alone counts nothing
            return role.place() ? 2 : mention == agent && clause.counterpartAfter(mention) ? 3 : 0;
        }
        if (clause.type() == EventType.PRAISE || clause.type() == EventType.HONOR) {
            return mention == agent ? 0 : 1;
        }
        if (role == MentionRole.OTHER) {
            return mention == agent ? 3 : 1;
        }
        return 0;
    }
}

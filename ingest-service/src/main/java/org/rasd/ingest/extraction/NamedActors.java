package org.rasd.ingest.extraction;

import org.rasd.ingest.extraction.Recognisers.Recognised;
import org.rasd.ingest.parsing.Lexicon;
import org.rasd.ingest.parsing.Lexicon.Match;
import org.rasd.ingest.parsing.NormalizedText;
import org.rasd.ingest.record.Event.Actor;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The officials a clause names, by country: people of {@code persons.tsv}, and officials named by title and
 * nationality (وزير العدل البلجيكي), the first of each country.
 */
final class NamedActors {

    private NamedActors() {
    }

    static Map<String, Actor> of(NormalizedText text, Clause clause, Recognised found) {
        Map<String, Actor> named = new HashMap<>();
        for (Match<Person> person : clause.span().startingIn(found.persons())) {
            named.putIfAbsent(person.value().country(), new Actor(person.value().country(),
                    Lexicon.withoutLi(text.originalBetween(person.start(), person.end())), person.value().role()));
        }
        for (Match<String> title : clause.span().startingIn(found.titles())) {
            countryOfTitle(text.folded(), title, clause)
                    .ifPresent(code -> named.putIfAbsent(code, new Actor(code, null, text.originalBetween(title.start(), title.end()))));
        }
        return named;
    }

    /**
     * The country of an official named by title: the demonym or country name right after the title (وزير العدل
     * البلجيكي، سفير المغرب), or the country name after في or ب (مديرة أجهزة الاستخبارات الوطنية بالولايات المتحدة).
     */
    static Optional<String> countryOfTitle(String folded, Match<String> title, Clause clause) {
        for (Mention mention : clause.mentions()) {
            int start = mention.start();
            if (start < title.end()) {
                continue;
            }
            String between = folded.substring(title.end(), start).strip();
            Gazetteer.Kind kind = mention.match().value().kind();
            boolean adjacent = between.isEmpty() && (kind == Gazetteer.Kind.DEMONYM || kind == Gazetteer.Kind.NAME);
            boolean ofCountry = MentionRole.isPlacePreposition(between) && kind == Gazetteer.Kind.NAME;
            return adjacent || ofCountry ? Optional.of(mention.code()) : Optional.empty();
        }
        return Optional.empty();
    }
}

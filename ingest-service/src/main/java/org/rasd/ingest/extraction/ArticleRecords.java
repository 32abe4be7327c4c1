package org.rasd.ingest.extraction;

import org.rasd.ingest.extraction.Recognisers.Recognised;
import org.rasd.ingest.parsing.Lexicon.Match;
import org.rasd.ingest.parsing.NormalizedText;
import org.rasd.ingest.record.ArticleRecord.CountryMention;
import org.rasd.ingest.record.ArticleRecord.ThemeScore;
import org.rasd.ingest.record.Event;
import org.rasd.ingest.record.Event.Actor;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The record's article-level fields: countries by mentions, themes by score, events with their ids, language. */
final class ArticleRecords {

    private static final int LANGUAGE_SAMPLE = 1000;

    private ArticleRecords() {
    }

    /**
     * The countries the text names, with how often, and the subjects of its events: a subject is always
     * mentioned (the annotation guide), also when only its official's name or the outlet gives it; such a
     * country counts the times its officials are named, and once when only the outlet gives it.
     */
    static List<CountryMention> countries(Recognised found, List<Draft> acts) {
        Map<String, Integer> named = countByFirstSeen(found.countries(), m -> m.value().code());
        for (Draft act : acts) {
            if (act.subject() != null && !named.containsKey(act.subject())) {
                long officials = found.persons().stream().filter(p -> p.value().country().equals(act.subject())).count();
                named.put(act.subject(), (int) Math.max(1, officials));
            }
        }
        return named.entrySet().stream()
                .map(e -> new CountryMention(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingInt(CountryMention::mentions).reversed())
                .toList();
    }

    /** A theme named n times scores 1 − 0.5ⁿ: the first mention says most. */
    static List<ThemeScore> themes(Recognised found) {
        return countByFirstSeen(found.themes(), Match::value).entrySet().stream()
                .map(e -> new ThemeScore(e.getKey(), Math.round((1 - Math.pow(0.5, e.getValue())) * 100) / 100.0))
                .sorted(Comparator.comparingDouble(ThemeScore::score).reversed())
                .toList();
    }

    private static <T> Map<String, Integer> countByFirstSeen(List<T> matches, Function<T, String> key) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (T match : matches) {
            counts.merge(key.apply(match), 1, Integer::sum);
        }
        return counts;
    }

    static Event event(String articleId, Draft draft) {
        String partners = String.join(",", draft.partners());
        // two events of one sentence (items of a list) differ at least in kind, partners, date or place
        String id = StableIds.event(articleId, draft.type().name(), partners,
                draft.date() == null ? "" : draft.date().value(), draft.location() == null ? "" : draft.location().country(),
                Integer.toString(draft.evidence().start()));
        Function<String, Actor> actor = code -> draft.named().getOrDefault(code, new Actor(code, null, null));
        return new Event(id, draft.type().name(), draft.type().cameo(), draft.subject() == null ? null : actor.apply(draft.subject()),
                draft.partners().stream().map(actor).toList(), draft.organisations(), draft.date(), draft.location(),
                draft.themes(), draft.evidence(), draft.confidence());
    }

    /**
     * "ar" when Arabic letters are most of the letters, else "und": the article is kept and says so. The first
     * {@value #LANGUAGE_SAMPLE} letters decide: the language of a news article shows long before that.
     */
    static String language(String folded) {
        int arabic = 0;
        int letters = 0;
        for (int i = 0; i < folded.length() && letters < LANGUAGE_SAMPLE; i++) {
            char c = folded.charAt(i);
            if (NormalizedText.isWordChar(c)) {
                letters++;
                if (NormalizedText.isArabicLetter(c)) {
                    arabic++;
                }
            }
        }
        return letters > 0 && arabic * 2 >= letters ? "ar" : "und";
    }
}

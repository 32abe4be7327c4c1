package org.rasd.ingest.extraction;

import org.rasd.ingest.parsing.ArticleParser;
import org.rasd.ingest.parsing.ArticleParser.ParsedArticle;
import org.rasd.ingest.parsing.ArticleParser.RawArticle;
import org.rasd.ingest.parsing.DateFinder;
import org.rasd.ingest.parsing.DateFinder.DateMention;
import org.rasd.ingest.parsing.Lexicons;
import org.rasd.ingest.parsing.NormalizedText;
import org.rasd.ingest.parsing.PhraseMatcher;
import org.rasd.ingest.parsing.PhraseMatcher.Match;
import org.rasd.ingest.record.ArticleRecord;
import org.rasd.ingest.record.ArticleRecord.CountryMention;
import org.rasd.ingest.record.ArticleRecord.ThemeScore;
import org.rasd.ingest.record.Event;
import org.rasd.ingest.record.Event.Actor;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Rule-based extraction from clean Arabic text to the article record: countries, organisations and themes from
 * curated lexicons, and one event per sentence cue and partner country, with the sentence as evidence.
 * Thread-safe once built; building it reads the language data, so build it once.
 */
public final class ArticleExtractor {

    public static final String NAME = "rasd-rules/0.1.0";

    private final ArticleParser parser;
    private final DateFinder dates;
    private final Gazetteer gazetteer;
    private final PhraseMatcher<String> themes;
    private final PhraseMatcher<String> organisations;
    private final PhraseMatcher<EventType> cues;

    public ArticleExtractor() {
        dates = new DateFinder();
        gazetteer = new Gazetteer();
        parser = new ArticleParser(dates, gazetteer.matcher());
        themes = new PhraseMatcher<>(lexicon("themes.tsv", Function.identity()), false);
        organisations = new PhraseMatcher<>(lexicon("organisations.tsv", Function.identity()), false);
        cues = new PhraseMatcher<>(lexicon("event-cues.tsv", EventType::valueOf), false);
    }

    private static <V> Map<String, V> lexicon(String resource, Function<String, V> value) {
        Map<String, V> phrases = new HashMap<>();
        for (String[] row : Lexicons.rows(resource)) {
            phrases.put(row[1], value.apply(row[0]));
        }
        return phrases;
    }

    public ArticleRecord extract(RawArticle raw, String postedLanguage) {
        ParsedArticle parsed = parser.parse(raw);
        NormalizedText text = NormalizedText.of(parsed.text());
        String folded = text.folded();
        String id = StableIds.article(raw.url(), folded);

        List<Match<Gazetteer.CountryForm>> countryMatches = gazetteer.find(folded);
        List<Match<String>> themeMatches = themes.find(folded);
        List<Match<String>> organisationMatches = organisations.find(folded);
        List<DateMention> dateMentions = dates.find(folded, parsed.publishedDate().orElse(null));

        List<CountryMention> countries = countByFirstSeen(countryMatches, m -> m.value().code()).entrySet().stream()
                .map(e -> new CountryMention(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingInt(CountryMention::mentions).reversed())
                .toList();
        List<ThemeScore> themeScores = countByFirstSeen(themeMatches, Match::value).entrySet().stream()
                .map(e -> new ThemeScore(e.getKey(), Math.round((1 - Math.pow(0.5, e.getValue())) * 100) / 100.0))
                .sorted(Comparator.comparingDouble(ThemeScore::score).reversed())
                .toList();
        String subject = countries.isEmpty() ? null : countries.getFirst().code();

        Matches all = new Matches(countryMatches, themeMatches, organisationMatches, dateMentions);
        List<Event> events = events(id, text, subject, all);

        String source = raw.source() != null ? raw.source() : raw.url() != null ? StableIds.hostOf(raw.url()) : null;
        String language = postedLanguage != null && !postedLanguage.isBlank() ? postedLanguage : detectLanguage(folded);
        return new ArticleRecord(id, raw.url(), source, parsed.title(), parsed.publishedAt(), language,
                parsed.text(), countries, themeScores, events, NAME);
    }

    private record Matches(List<Match<Gazetteer.CountryForm>> countries, List<Match<String>> themes,
                           List<Match<String>> organisations, List<DateMention> dates) {
    }

    private record Span(int start, int end) {
        boolean contains(int offset) {
            return offset >= start && offset < end;
        }
    }

    private List<Event> events(String articleId, NormalizedText text, String subject, Matches all) {
        String folded = text.folded();
        Map<String, Event> events = new LinkedHashMap<>();
        for (Span sentence : sentences(folded)) {
            EventType type = cues.find(folded.substring(sentence.start(), sentence.end())).stream()
                    .map(Match::value).min(Comparator.naturalOrder()).orElse(null);
            if (type == null) {
                continue;
            }
            List<Match<Gazetteer.CountryForm>> inSentence = all.countries().stream()
                    .filter(m -> sentence.contains(m.start())).toList();
            Set<String> partners = inSentence.stream().map(m -> m.value().code())
                    .filter(code -> !code.equals(subject))
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            Span paragraph = paragraphAround(folded, sentence);
            Event.EventDate date = dateOf(sentence, paragraph, all.dates());
            List<String> eventThemes = within(all.themes(), sentence);
            if (eventThemes.isEmpty()) {
                eventThemes = within(all.themes(), paragraph);
            }
            List<String> organisations = within(all.organisations(), sentence);
            Event.Evidence evidence = evidence(text, sentence);
            if (type.multilateral()) {
                Event.Location location = inSentence.stream().filter(m -> m.value().namesPlace()).findFirst()
                        .map(m -> new Event.Location(m.value().code(), text.original().substring(
                                text.originalStart(m.start()), text.originalEnd(m.end()))))
                        .orElse(null);
                add(events, event(articleId, type, subject, List.of(), organisations, date, location, eventThemes, evidence));
            } else {
                for (String partner : partners) {
                    Event.Location location = switch (type) {
                        case VISIT, INTEL_SHARING -> new Event.Location(partner, null);
                        case HOST -> subject == null ? null : new Event.Location(subject, null);
                        default -> null;
                    };
                    add(events, event(articleId, type, subject, List.of(partner), organisations, date, location, eventThemes, evidence));
                }
            }
        }
        return List.copyOf(events.values());
    }

    /** The same event reported twice (a headline and its paragraph) is kept once, with its first evidence. */
    private static void add(Map<String, Event> events, Event event) {
        String key = event.type() + "|" + event.partners().stream().map(Actor::country).sorted().toList()
                + "|" + (event.date() == null ? "" : event.date().value());
        events.putIfAbsent(key, event);
    }

    private static Event event(String articleId, EventType type, String subject, List<String> partners,
                               List<String> organisations, Event.EventDate date, Event.Location location,
                               List<String> themes, Event.Evidence evidence) {
        String id = StableIds.event(articleId, type.name(), String.join(",", partners),
                date == null ? "" : date.value(), Integer.toString(evidence.start()));
        double confidence = 0.6 + (date != null ? 0.1 : 0) + (subject != null ? 0.1 : 0) + (!partners.isEmpty() ? 0.1 : 0);
        return new Event(id, type.name(), type.cameo(), subject == null ? null : new Actor(subject, null, null),
                partners.stream().map(code -> new Actor(code, null, null)).toList(), organisations, date, location,
                themes, evidence, Math.round(confidence * 100) / 100.0);
    }

    /** The date written in the sentence, else the last one written before it in its paragraph. */
    private static Event.EventDate dateOf(Span sentence, Span paragraph, List<DateMention> dates) {
        DateMention chosen = dates.stream().filter(d -> sentence.contains(d.start())).findFirst()
                .orElseGet(() -> dates.stream()
                        .filter(d -> paragraph.contains(d.start()) && d.start() < sentence.start())
                        .reduce((first, second) -> second).orElse(null));
        return chosen == null ? null : new Event.EventDate(chosen.value(), chosen.precision().name().toLowerCase());
    }

    private static List<String> within(List<Match<String>> matches, Span span) {
        return matches.stream().filter(m -> span.contains(m.start())).map(Match::value).distinct().toList();
    }

    private static Event.Evidence evidence(NormalizedText text, Span sentence) {
        int start = text.originalStart(sentence.start());
        int end = text.originalEnd(sentence.end());
        String original = text.original();
        while (start < end && Character.isWhitespace(original.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(original.charAt(end - 1))) {
            end--;
        }
        return new Event.Evidence(start, end);
    }

    /** Sentences end at . ! ? ؟ ؛ and at line ends; a dot between digits (2.5) does not end one. */
    private static List<Span> sentences(String folded) {
        List<Span> spans = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            boolean decimalPoint = c == '.' && i > 0 && i + 1 < folded.length()
                    && Character.isDigit(folded.charAt(i - 1)) && Character.isDigit(folded.charAt(i + 1));
            if ((c == '\n' || c == '!' || c == '?' || c == '؟' || c == '؛' || c == '.' || c == '…') && !decimalPoint) {
                if (i + 1 > start && !folded.substring(start, i + 1).isBlank()) {
                    spans.add(new Span(start, i + 1));
                }
                start = i + 1;
            }
        }
        if (start < folded.length() && !folded.substring(start).isBlank()) {
            spans.add(new Span(start, folded.length()));
        }
        return spans;
    }

    private static Span paragraphAround(String folded, Span sentence) {
        int start = folded.lastIndexOf('\n', Math.max(0, sentence.start() - 1)) + 1;
        int end = folded.indexOf('\n', sentence.start());
        return new Span(start, end < 0 ? folded.length() : end);
    }

    private static <T> Map<String, Integer> countByFirstSeen(List<T> matches, Function<T, String> key) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (T match : matches) {
            counts.merge(key.apply(match), 1, Integer::sum);
        }
        return counts;
    }

    /** "ar" when Arabic letters are most of the letters, else "und": the article is kept and says so. */
    private static String detectLanguage(String folded) {
        int arabic = 0;
        int letters = 0;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.UnicodeBlock.of(c) == Character.UnicodeBlock.ARABIC) {
                    arabic++;
                }
            }
        }
        return letters > 0 && arabic * 2 >= letters ? "ar" : "und";
    }
}

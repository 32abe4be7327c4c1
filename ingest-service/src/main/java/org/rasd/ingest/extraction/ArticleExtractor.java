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

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    /** «على هامش»: talks on the sidelines of a conference. */
    private static final String SIDELINES = NormalizedText.fold("على هامش");

    private final ArticleParser parser;
    private final DateFinder dates;
    private final Gazetteer gazetteer;
    private final PhraseMatcher<String> themes;
    private final PhraseMatcher<String> organisations;
    private final PhraseMatcher<EventType> cues;
    private final PhraseMatcher<Person> persons;

    /** An official from {@code persons.tsv}: who is named without a country still belongs to one. */
    private record Person(String country, String role) {
    }

    public ArticleExtractor() {
        dates = new DateFinder();
        gazetteer = new Gazetteer();
        parser = new ArticleParser(dates, gazetteer.matcher());
        themes = new PhraseMatcher<>(lexicon("themes.tsv", Function.identity()), false);
        organisations = new PhraseMatcher<>(lexicon("organisations.tsv", Function.identity()), false);
        cues = new PhraseMatcher<>(lexicon("event-cues.tsv", EventType::valueOf), false);
        Map<String, Person> people = new HashMap<>();
        for (String[] row : Lexicons.rows("persons.tsv")) {
            people.put(row[2], new Person(row[0], row[1]));
        }
        persons = new PhraseMatcher<>(people, true);
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
        Matches all = new Matches(countryMatches, themeMatches, organisationMatches, dateMentions, persons.find(folded));
        List<Event> events = events(id, text, all);

        String source = raw.source() != null ? raw.source() : raw.url() != null ? StableIds.hostOf(raw.url()) : null;
        String language = postedLanguage != null && !postedLanguage.isBlank() ? postedLanguage : detectLanguage(folded);
        return new ArticleRecord(id, raw.url(), source, parsed.title(), parsed.publishedAt(), language,
                parsed.text(), countries, themeScores, events, NAME);
    }

    private record Matches(List<Match<Gazetteer.CountryForm>> countries, List<Match<String>> themes,
                           List<Match<String>> organisations, List<DateMention> dates, List<Match<Person>> persons) {
    }

    private record Span(int start, int end) {
        boolean contains(int offset) {
            return offset >= start && offset < end;
        }
    }

    /** A sentence, the event type it reports (null for none), and its country mentions with the role each plays. */
    private record Sentence(Span span, EventType type, List<Match<Gazetteer.CountryForm>> mentions,
                            List<MentionRole> roles) {
        boolean reportsEvent() {
            return type != null;
        }

        Optional<String> venue() {
            for (int i = 0; i < mentions.size(); i++) {
                if (roles.get(i) == MentionRole.VENUE) {
                    return Optional.of(mentions.get(i).value().code());
                }
            }
            return Optional.empty();
        }

        /** The first mention that is neither a place nor a counterpart: the agent of a verb-first sentence. */
        Optional<Match<Gazetteer.CountryForm>> firstPlain() {
            for (int i = 0; i < mentions.size(); i++) {
                if (roles.get(i) == MentionRole.OTHER) {
                    return Optional.of(mentions.get(i));
                }
            }
            return Optional.empty();
        }
    }

    /** Every sentence with its cue type and its mentions; mentions and sentences are both in text order. */
    private List<Sentence> sentencesOf(String folded, List<Match<Gazetteer.CountryForm>> countries) {
        List<Sentence> found = new ArrayList<>();
        int next = 0;
        for (Span span : sentences(folded)) {
            while (next < countries.size() && countries.get(next).start() < span.start()) {
                next++;
            }
            List<Match<Gazetteer.CountryForm>> mentions = new ArrayList<>();
            List<MentionRole> roles = new ArrayList<>();
            for (; next < countries.size() && span.contains(countries.get(next).start()); next++) {
                mentions.add(countries.get(next));
                roles.add(MentionRole.of(countries.get(next), folded, span.start()));
            }
            EventType type = cues.find(folded.substring(span.start(), span.end())).stream()
                    .map(Match::value).min(Comparator.naturalOrder()).orElse(null);
            found.add(new Sentence(span, type, mentions, roles));
        }
        return found;
    }

    /**
     * The article's protagonist: the country that acts in it. Each plain mention counts once and the agent of an
     * event sentence (its first plain mention) twice more; counterparts (نظيره، مع، إلى) and places count
     * nothing, except the place of a reception, which names the host, while its guests count nothing. Praise and
     * honours are given by the counterpart: their first plain mention is the giver. Officials named without
     * their country count for it.
     */
    private static String protagonist(List<Sentence> sentences, List<Match<Person>> persons) {
        Map<String, Integer> score = new LinkedHashMap<>();
        for (Sentence sentence : sentences) {
            Match<Gazetteer.CountryForm> agent = sentence.firstPlain().orElse(null);
            for (int i = 0; i < sentence.mentions().size(); i++) {
                Match<Gazetteer.CountryForm> mention = sentence.mentions().get(i);
                MentionRole role = sentence.roles().get(i);
                int weight;
                if (!sentence.reportsEvent()) {
                    weight = role == MentionRole.OTHER ? 1 : 0;
                } else if (sentence.type() == EventType.HOST) {
                    weight = role == MentionRole.VENUE ? 2 : 0;
                } else if (sentence.type() == EventType.PRAISE || sentence.type() == EventType.HONOR) {
                    weight = mention == agent ? 0 : 1;
                } else if (role == MentionRole.OTHER) {
                    weight = mention == agent ? 3 : 1;
                } else {
                    weight = 0;
                }
                score.merge(mention.value().code(), weight, Integer::sum);
            }
        }
        persons.forEach(person -> score.merge(person.value().country(), 1, Integer::sum));
        return score.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    private List<Event> events(String articleId, NormalizedText text, Matches all) {
        String folded = text.folded();
        List<Sentence> sentences = sentencesOf(folded, all.countries());
        String protagonist = protagonist(sentences, all.persons());
        Map<String, Event> events = new LinkedHashMap<>();
        Event lastMultilateral = null;
        for (Sentence sentence : sentences.stream().filter(Sentence::reportsEvent).toList()) {
            Span span = sentence.span();
            boolean sideline = folded.substring(span.start(), span.end()).contains(SIDELINES);
            // talks "on the sidelines of" a conference are a meeting; the conference is only their frame
            EventType type = sideline && sentence.type() == EventType.CONFERENCE ? EventType.MEET : sentence.type();
            // A reception happens at home: the place named decides who hosts.
            String subject = type == EventType.HOST ? sentence.venue().orElse(protagonist) : protagonist;
            Set<String> partners = new LinkedHashSet<>();
            for (int i = 0; i < sentence.mentions().size(); i++) {
                String code = sentence.mentions().get(i).value().code();
                boolean placeOnly = sentence.roles().get(i) == MentionRole.VENUE && type != EventType.VISIT;
                if (!code.equals(subject) && !placeOnly) {
                    partners.add(code);
                }
            }
            Span paragraph = paragraphAround(folded, span);
            Event.EventDate date = dateOf(span, paragraph, all.dates());
            if (date == null && sideline && lastMultilateral != null) {
                date = lastMultilateral.date();
            }
            List<String> eventThemes = within(all.themes(), span);
            if (eventThemes.isEmpty()) {
                eventThemes = within(all.themes(), paragraph);
            }
            List<String> organisations = within(all.organisations(), span);
            Map<String, Actor> named = new HashMap<>();
            all.persons().stream().filter(p -> span.contains(p.start())).forEach(p -> named.putIfAbsent(p.value().country(),
                    new Actor(p.value().country(), original(text, p), p.value().role())));
            Event.Evidence evidence = evidence(text, span);
            double confidence = confidence(sentence, subject, date, all.dates());
            Optional<Event.Location> venue = sentence.venue().map(code -> new Event.Location(code, placeName(text, sentence)));
            if (type.multilateral()) {
                Event.Location location = venue.orElseGet(() -> sentence.mentions().stream()
                        .filter(m -> m.value().namesPlace()).findFirst()
                        .map(m -> new Event.Location(m.value().code(), original(text, m))).orElse(null));
                Event event = event(articleId, type, subject, List.of(), named, organisations, date, location, eventThemes, evidence, confidence);
                add(events, event);
                lastMultilateral = event;
                continue;
            }
            if (partners.isEmpty() && !organisations.isEmpty()) {
                // the counterpart is an international body (a reception of Interpol's secretary general)
                Event.Location location = type == EventType.HOST && subject != null ? new Event.Location(subject, null) : null;
                add(events, event(articleId, type, subject, List.of(), named, organisations, date, location, eventThemes, evidence, confidence));
            }
            for (String partner : partners) {
                Event.Location location = switch (type) {
                    case VISIT, INTEL_SHARING -> new Event.Location(partner, venue.filter(v -> v.country().equals(partner))
                            .map(Event.Location::place).orElse(null));
                    case HOST -> subject == null ? null : venue.orElse(new Event.Location(subject, null));
                    case PRAISE -> null;
                    case MEET -> venue.orElse(sideline && lastMultilateral != null ? lastMultilateral.location() : null);
                    default -> venue.orElse(null);
                };
                add(events, event(articleId, type, subject, List.of(partner), named, organisations, date, location, eventThemes, evidence, confidence));
            }
        }
        return withoutUndatedRepeats(events.values());
    }

    /** The same event reported twice (a headline and its paragraph) is kept once, with its first evidence. */
    private static void add(Map<String, Event> events, Event event) {
        events.putIfAbsent(repeatKey(event) + "|" + (event.date() == null ? "" : event.date().value()), event);
    }

    /**
     * A headline or a recollection that gives no date retells a dated report of the same act with the same
     * partners: the same type, or any two of the meeting family (a visit is also a meeting and a reception).
     */
    private static List<Event> withoutUndatedRepeats(Collection<Event> events) {
        Set<String> dated = events.stream().filter(e -> e.date() != null).map(ArticleExtractor::actKey)
                .collect(Collectors.toSet());
        return events.stream().filter(e -> e.date() != null || !dated.contains(actKey(e))).toList();
    }

    private static String repeatKey(Event event) {
        return event.type() + "|" + event.partners().stream().map(Actor::country).sorted().toList();
    }

    private static String actKey(Event event) {
        String act = EventType.valueOf(event.type()).meeting() ? "MEETING" : event.type();
        return act + "|" + event.partners().stream().map(Actor::country).sorted().toList();
    }

    /** Higher when the date, the subject and the partners are known, lower when a named weekday contradicts the date. */
    private static double confidence(Sentence sentence, String subject, Event.EventDate date, List<DateMention> dates) {
        boolean weekdayConflict = dates.stream().anyMatch(d -> sentence.span().contains(d.start()) && d.weekdayConflict());
        double confidence = 0.6 + (date != null ? 0.1 : 0) + (subject != null ? 0.1 : 0)
                + (!sentence.mentions().isEmpty() ? 0.1 : 0) - (weekdayConflict ? 0.3 : 0);
        return Math.round(confidence * 100) / 100.0;
    }

    private static String placeName(NormalizedText text, Sentence sentence) {
        for (int i = 0; i < sentence.mentions().size(); i++) {
            if (sentence.roles().get(i) == MentionRole.VENUE) {
                return original(text, sentence.mentions().get(i));
            }
        }
        return null;
    }

    private static String original(NormalizedText text, Match<?> match) {
        return text.original().substring(text.originalStart(match.start()), text.originalEnd(match.end()));
    }

    private static Event event(String articleId, EventType type, String subject, List<String> partners,
                               Map<String, Actor> named, List<String> organisations, Event.EventDate date, Event.Location location,
                               List<String> themes, Event.Evidence evidence, double confidence) {
        String id = StableIds.event(articleId, type.name(), String.join(",", partners),
                date == null ? "" : date.value(), Integer.toString(evidence.start()));
        return new Event(id, type.name(), type.cameo(), subject == null ? null : named.getOrDefault(subject, new Actor(subject, null, null)),
                partners.stream().map(code -> named.getOrDefault(code, new Actor(code, null, null))).toList(), organisations, date, location,
                themes, evidence, confidence);
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

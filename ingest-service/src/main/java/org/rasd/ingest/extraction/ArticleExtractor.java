package org.rasd.ingest.extraction;

import org.rasd.ingest.parsing.ArticleParser;
import org.rasd.ingest.parsing.ArticleParser.ParsedArticle;
import org.rasd.ingest.parsing.ArticleParser.RawArticle;
import org.rasd.ingest.parsing.DateFinder;
import org.rasd.ingest.parsing.DateFinder.DateMention;
import org.rasd.ingest.parsing.Lexicon;
import org.rasd.ingest.parsing.Lexicon.Category;
import org.rasd.ingest.parsing.Lexicon.Match;
import org.rasd.ingest.parsing.Lexicons;
import org.rasd.ingest.parsing.NormalizedText;
import org.rasd.ingest.record.ArticleRecord;
import org.rasd.ingest.record.ArticleRecord.CountryMention;
import org.rasd.ingest.record.ArticleRecord.ThemeScore;
import org.rasd.ingest.record.Event;
import org.rasd.ingest.record.Event.Actor;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Rule-based extraction from clean Arabic text to the article record: countries, organisations and themes from
 * curated lexicons, and one event per sentence cue and partner country, with the sentence as evidence.
 * Thread-safe once built; building it reads the language data, so build it once.
 */
public final class ArticleExtractor {

    public static final String NAME = "rasd-rules/0.3.1";

    private final ArticleParser parser;
    private final DateFinder dates;
    private final Gazetteer gazetteer;
    private final Lexicon lexicon;
    private final Category<String> themes;
    private final Category<String> organisations;
    private final Category<EventType> cues;
    private final Category<Person> persons;
    /** Officials' titles (وزير العدل), each its own value. */
    private final Category<String> titles;
    private final Category<Marker> discourseMarkers;

    /** The kinds of {@code discourse-markers.tsv}: words that shape how a sentence reports. */
    private enum Marker { TOPIC, SCHEDULED, ADDITION, SIDELINES }

    /** An official from {@code persons.tsv}: who is named without a country still belongs to one. */
    private record Person(String country, String role) {
    }

    public ArticleExtractor() {
        Lexicon.Builder words = Lexicon.builder();
        dates = new DateFinder(words);
        gazetteer = new Gazetteer(words);
        themes = words.add(lexicon("themes.tsv", "cue", row -> row.get("theme")), false);
        organisations = words.add(lexicon("organisations.tsv", "form", row -> row.get("code")), false);
        cues = words.add(lexicon("event-cues.tsv", "cue", row -> EventType.valueOf(row.get("type"))), false);
        persons = words.add(lexicon("persons.tsv", "name", row -> new Person(row.get("country"), row.get("role"))), true);
        titles = words.add(lexicon("official-titles.tsv", "title", row -> row.get("title")), true);
        discourseMarkers = words.add(lexicon("discourse-markers.tsv", "word", row -> Marker.valueOf(row.get("kind"))), false);
        lexicon = words.build();
        parser = new ArticleParser(lexicon, dates, gazetteer.places());
    }

    /** A resource table as phrase (the {@code phrase} column) to value. */
    private static <V> Map<String, V> lexicon(String resource, String phrase, Function<Lexicons.Row, V> value) {
        Map<String, V> phrases = new HashMap<>();
        for (Lexicons.Row row : Lexicons.table(resource)) {
            phrases.put(row.get(phrase), value.apply(row));
        }
        return phrases;
    }

    public ArticleRecord extract(RawArticle raw, String postedLanguage) {
        ParsedArticle parsed = parser.parse(raw);
        NormalizedText text = parsed.text();
        String folded = text.folded();
        String id = StableIds.article(raw.url(), folded);

        Lexicon.Scan scan = lexicon.scan(folded);
        List<Match<Gazetteer.CountryForm>> countryMatches = gazetteer.find(scan);
        List<Match<String>> themeMatches = scan.matches(themes);
        List<DateMention> dateMentions = dates.find(scan, parsed.publishedDate().orElse(null));

        List<CountryMention> countries = countByFirstSeen(countryMatches, m -> m.value().code()).entrySet().stream()
                .map(e -> new CountryMention(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingInt(CountryMention::mentions).reversed())
                .toList();
        List<ThemeScore> themeScores = countByFirstSeen(themeMatches, Match::value).entrySet().stream()
                .map(e -> new ThemeScore(e.getKey(), Math.round((1 - Math.pow(0.5, e.getValue())) * 100) / 100.0))
                .sorted(Comparator.comparingDouble(ThemeScore::score).reversed())
                .toList();
        Matches all = new Matches(countryMatches, themeMatches, scan.matches(organisations), dateMentions,
                scan.matches(persons), scan.matches(titles), scan.matches(cues), scan.matches(discourseMarkers));
        List<Event> events = events(id, text, all);

        String source = raw.source() != null ? raw.source() : raw.url() != null ? StableIds.hostOf(raw.url()) : null;
        String language = postedLanguage != null && !postedLanguage.isBlank() ? postedLanguage : detectLanguage(folded);
        return new ArticleRecord(id, raw.url(), source, parsed.title(), parsed.publishedAt(), language,
                text.original(), countries, themeScores, events, NAME);
    }

    private record Matches(List<Match<Gazetteer.CountryForm>> countries, List<Match<String>> themes,
                           List<Match<String>> organisations, List<DateMention> dates, List<Match<Person>> persons,
                           List<Match<String>> titles, List<Match<EventType>> cues, List<Match<Marker>> markers) {
    }

    private record Span(int start, int end) {
        boolean contains(int offset) {
            return offset >= start && offset < end;
        }
    }

    /**
     * A sentence, its discourse markers, and the part of it that reports: all of it, or up to where it turns to
     * what is scheduled.
     */
    private record Sentence(Span whole, Span reported, List<Match<Marker>> markers) {
        List<Match<Marker>> markers(Marker kind) {
            if (markers.isEmpty()) {
                return markers; // most sentences hold none
            }
            return markers.stream().filter(m -> m.value() == kind && m.start() < reported.end()).toList();
        }
    }

    /** A country mention and the part it plays in its sentence. */
    private record Mention(Match<Gazetteer.CountryForm> match, MentionRole role) {
        String code() {
            return match.value().code();
        }
    }

    /**
     * A stretch of a sentence that reports one act: the sentence itself, or one item when it lists several
     * («لقاءات في مدريد، ثم قمة في فيينا»). Its cue type (null for none) and its country mentions;
     * {@code sentence} is the whole sentence, the evidence.
     */
    private record Clause(Span sentence, Span span, EventType type, List<Mention> mentions) {
        boolean reportsEvent() {
            return type != null;
        }

        Clause withType(EventType newType) {
            return new Clause(sentence, span, newType, mentions);
        }

        Optional<Mention> first(MentionRole role) {
            for (Mention mention : mentions) {
                if (mention.role() == role) {
                    return Optional.of(mention);
                }
            }
            return Optional.empty();
        }

        /** The mention, or the city it qualifies when it is a demonym (العاصمة الإسبانية مدريد): what names the place. */
        Mention naming(Mention mention) {
            if (mention.match().value().namesPlace()) {
                return mention;
            }
            for (Mention other : mentions) {
                if (other.code().equals(mention.code()) && other.role() == mention.role() && other.match().value().namesPlace()) {
                    return other;
                }
            }
            return mention;
        }

        /** Where the subject goes or is: the destination of a trip, else the place named. */
        Optional<String> where() {
            return first(MentionRole.DESTINATION).or(() -> venue()).map(Mention::code);
        }

        /** Where the clause's event is held: the place named, else the dateline. */
        Optional<Mention> venue() {
            return first(MentionRole.VENUE).or(() -> first(MentionRole.DATELINE));
        }
    }

    private static final Pattern ARTICLE_ONLY = Pattern.compile("\\s+(?:ال)?");

    private static Sentence sentence(String folded, Span whole, List<Match<Marker>> allMarkers) {
        List<Match<Marker>> markers = inside(allMarkers, whole);
        int reportedEnd = whole.end();
        for (Match<Marker> marker : markers) {
            int start = NormalizedText.wordStart(folded, marker.start(), 0);
            if (marker.value() == Marker.SCHEDULED && start > whole.start()) {
                reportedEnd = start;
                break;
            }
        }
        return new Sentence(whole, new Span(whole.start(), reportedEnd), markers);
    }

    /** The matches that lie wholly inside {@code span}. */
    private static <V> List<Match<V>> inside(List<Match<V>> matches, Span span) {
        List<Match<V>> inside = new ArrayList<>();
        for (Match<V> match : startingIn(matches, Match::start, span)) {
            if (match.end() <= span.end()) {
                inside.add(match);
            }
        }
        return inside;
    }

    /** The items of {@code sorted} (in order of their start) that start inside {@code span}, found by bisection. */
    private static <T> List<T> startingIn(List<T> sorted, ToIntFunction<T> start, Span span) {
        return sorted.subList(firstFrom(sorted, start, span.start()), firstFrom(sorted, start, span.end()));
    }

    private static <T> int firstFrom(List<T> sorted, ToIntFunction<T> start, int offset) {
        int low = 0;
        int high = sorted.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (start.applyAsInt(sorted.get(middle)) < offset) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /**
     * Whether nothing but spaces, commas and one و stand between {@code from} and {@code to}: mentions joined so
     * share the role of the first (في السعودية، الإمارات، وقطر).
     */
    private static boolean coordinated(String folded, int from, int to) {
        int i = from;
        while (i < to && (NormalizedText.isWhitespace(folded.charAt(i)) || folded.charAt(i) == '،' || folded.charAt(i) == ',')) {
            i++;
        }
        if (i < to && folded.charAt(i) == 'و') {
            i++;
            while (i < to && NormalizedText.isWhitespace(folded.charAt(i))) {
                i++;
            }
        }
        return i == to;
    }

    /** Every clause of the reported part of every sentence, in text order. */
    private static List<Clause> clausesOf(String folded, List<Sentence> sentences, Matches all) {
        List<Match<Gazetteer.CountryForm>> countries = all.countries();
        List<Clause> found = new ArrayList<>();
        int next = 0;
        for (Sentence sentence : sentences) {
            Span part = sentence.reported();
            while (next < countries.size() && countries.get(next).start() < part.start()) {
                next++;
            }
            List<Mention> mentions = new ArrayList<>();
            for (; next < countries.size() && part.contains(countries.get(next).start()); next++) {
                Match<Gazetteer.CountryForm> match = countries.get(next);
                boolean coordinated = !mentions.isEmpty() && coordinated(folded, mentions.getLast().match().end(), match.start());
                mentions.add(new Mention(match, coordinated ? mentions.getLast().role() : MentionRole.of(match, folded, part.start())));
            }
            List<Match<EventType>> sentenceCues = withoutBackReferences(folded, inside(all.cues(), part), sentence.markers(Marker.TOPIC));
            List<Integer> breaks = itemBreaks(folded, part, sentenceCues, sentence.markers(Marker.ADDITION));
            List<Clause> items = new ArrayList<>();
            for (int i = 0; i < breaks.size(); i++) {
                Span span = new Span(breaks.get(i), i + 1 < breaks.size() ? breaks.get(i + 1) : part.end());
                EventType type = null;
                for (Match<EventType> cue : startingIn(sentenceCues, Match::start, span)) {
                    type = type == null || cue.value().compareTo(type) < 0 ? cue.value() : type;
                }
                items.add(new Clause(sentence.whole(), span, type, startingIn(mentions, m -> m.match().start(), span)));
            }
            found.addAll(joinedUntilEachNamesACountry(items));
        }
        return found;
    }

    /** Cues that name an event already reported, as the subject of a verb saying what it was about (تناولت المباحثات). */
    private static List<Match<EventType>> withoutBackReferences(String folded, List<Match<EventType>> sentenceCues,
                                                                List<Match<Marker>> topicVerbs) {
        if (topicVerbs.isEmpty()) {
            return sentenceCues;
        }
        return sentenceCues.stream().filter(cue -> topicVerbs.stream().noneMatch(verb -> {
            int wordEnd = verb.end();
            while (wordEnd < folded.length() && NormalizedText.isWordChar(folded.charAt(wordEnd))) {
                wordEnd++;
            }
            return wordEnd <= cue.start() && ARTICLE_ONLY.matcher(folded).region(wordEnd, cue.start()).matches();
        })).toList();
    }

    /**
     * Where the items of the reported part of a listing sentence start: at its start, at each addition, and
     * before each cue that opens an item.
     */
    private static List<Integer> itemBreaks(String folded, Span part, List<Match<EventType>> sentenceCues,
                                            List<Match<Marker>> additions) {
        List<Integer> breaks = new ArrayList<>(List.of(part.start()));
        for (Match<EventType> cue : sentenceCues) {
            int wordStart = NormalizedText.wordStart(folded, cue.start(), 0);
            boolean linked = wordStart < cue.start() && folded.charAt(wordStart) == 'و';
            if (linked || opensListItem(folded, part.start(), wordStart)) {
                breaks.add(wordStart);
            }
        }
        additions.forEach(addition -> breaks.add(NormalizedText.wordStart(folded, addition.start(), 0)));
        if (breaks.size() == 1) {
            return breaks; // not a list: the common case
        }
        return breaks.stream().filter(b -> b < part.end()).distinct().sorted().toList();
    }

    /**
     * A comma and a linking word (، وأخيرا، وكذلك) or ثم right before the word at {@code wordStart}: a cue there
     * opens another item of a list. A comma alone does not: it often closes an aside (عقد حموشي، يوم الاثنين
     * بالرباط، لقاء …).
     */
    private static boolean opensListItem(String folded, int partStart, int wordStart) {
        int start = NormalizedText.previousWordStart(folded, wordStart, partStart);
        if (start < 0) {
            return false;
        }
        int wordLength = 0; // the word read, without the spaces after it
        while (!NormalizedText.isWhitespace(folded.charAt(start + wordLength))) {
            wordLength++;
        }
        if (wordLength == 2 && folded.startsWith("ثم", start)) {
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
        EventType type = Stream.of(first.type(), second.type()).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
        return new Clause(first.sentence(), new Span(first.span().start(), second.span().end()), type, mentions);
    }

    /**
     * The article's protagonist: the country that acts in it. Each plain mention counts once and the agent of an
     * event sentence (its first plain mention) twice more; counterparts (نظيره، مع) and places count nothing,
     * except in a reception: its place, or the one who receives a counterpart (نظيره), names the host, and a
     * guest named alone counts nothing. Praise and honours
     * are given by the counterpart: their first plain mention is the giver. Officials named without their
     * country count for it.
     */
    private static String protagonist(List<Clause> clauses, List<Match<Person>> persons) {
        Map<String, Integer> score = new LinkedHashMap<>();
        Map<Span, Mention> agents = new HashMap<>();
        for (Clause clause : clauses) {
            clause.first(MentionRole.OTHER).ifPresent(plain -> agents.putIfAbsent(clause.sentence(), plain));
        }
        for (Clause clause : clauses) {
            Mention agent = agents.get(clause.sentence());
            for (Mention mention : clause.mentions()) {
                MentionRole role = mention.role();
                int weight;
                if (!clause.reportsEvent()) {
                    weight = role == MentionRole.OTHER ? 1 : 0;
                } else if (clause.type() == EventType.HOST) {
                    // the host: where it is held, or who receives «نظيره»; a guest named alone counts nothing
                    weight = role.place() ? 2 : mention == agent && counterpartAfter(clause, mention) ? 3 : 0;
                } else if (clause.type() == EventType.PRAISE || clause.type() == EventType.HONOR) {
                    weight = mention == agent ? 0 : 1;
                } else if (role == MentionRole.OTHER) {
                    weight = mention == agent ? 3 : 1;
                } else {
                    weight = 0;
                }
                score.merge(mention.code(), weight, Integer::sum);
            }
        }
        persons.forEach(person -> score.merge(person.value().country(), 1, Integer::sum));
        return score.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    /**
     * The country of an official named by title: the demonym or country name right after the title (وزير العدل
     * البلجيكي، سفير المغرب), or the country name after في or ب (مديرة أجهزة الاستخبارات الوطنية بالولايات المتحدة).
     */
    private static Optional<String> countryOfTitle(String folded, Match<String> title, Clause clause) {
        for (Mention mention : clause.mentions()) {
            int start = mention.match().start();
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

    private static boolean counterpartAfter(Clause clause, Mention mention) {
        return clause.mentions().stream()
                .anyMatch(m -> m.role() == MentionRole.COUNTERPART && m.match().start() > mention.match().start());
    }

    /** An event before the repeats of its act are merged into it: the record's fields without the id. */
    private record Draft(EventType type, String subject, List<String> partners, Map<String, Actor> named,
                         List<String> organisations, Event.EventDate date, Event.Location location, List<String> themes,
                         Event.Evidence evidence, double confidence) {

        Draft withDate(Event.EventDate newDate) {
            return new Draft(type, subject, partners, named, organisations, newDate, location, themes, evidence, confidence);
        }

        /**
         * The same act with the same partners, where neither the dates nor the places differ: the same type, or a meeting and
         * one of its kinds (a visit or a reception is also a meeting; a visit is never a reception).
         */
        boolean sameActAs(Draft other) {
            boolean sameKind = type == other.type
                    || type.meeting() && other.type.meeting() && (type == EventType.MEET || other.type == EventType.MEET);
            // partners hold no repeats: the same size and all of the other's is the same set
            return sameKind && partners.size() == other.partners.size() && partners.containsAll(other.partners)
                    && (date == null || other.date == null || date.equals(other.date))
                    && (location == null || other.location == null || location.country().equals(other.location.country()));
        }

        /** One event from two reports of it: the dated report's evidence, the more specific kind, every detail. */
        Draft mergedWith(Draft other) {
            Draft main = date == null && other.date != null ? other : this;
            Draft second = main == this ? other : this;
            Draft kind = main.type == EventType.MEET ? second : main;
            Map<String, Actor> allNamed = new HashMap<>(second.named);
            allNamed.putAll(main.named);
            return new Draft(kind.type, kind.subject, main.partners, allNamed, union(main.organisations, second.organisations),
                    main.date != null ? main.date : second.date,
                    kind.location != null ? kind.location : main.location != null ? main.location : second.location,
                    union(main.themes, second.themes), main.evidence, Math.max(main.confidence, second.confidence));
        }

        private static List<String> union(List<String> first, List<String> second) {
            LinkedHashSet<String> all = new LinkedHashSet<>(first);
            all.addAll(second);
            return List.copyOf(all);
        }
    }

    private List<Event> events(String articleId, NormalizedText text, Matches all) {
        String folded = text.folded();
        List<Sentence> sentences = sentences(folded).stream().map(whole -> sentence(folded, whole, all.markers())).toList();
        List<DateMention> reportedDates = new ArrayList<>();
        sentences.forEach(sentence -> reportedDates.addAll(startingIn(all.dates(), DateMention::start, sentence.reported())));
        List<Clause> clauses = clausesOf(folded, sentences, all);
        String protagonist = protagonist(clauses, all.persons());
        List<Draft> drafts = new ArrayList<>();
        Draft lastMultilateral = null;
        for (Clause clause : clauses.stream().filter(Clause::reportsEvent).toList()) {
            Span sentence = clause.sentence();
            boolean sideline = startingIn(all.markers(), Match::start, sentence).stream().anyMatch(m -> m.value() == Marker.SIDELINES);
            // talks "on the sidelines of" a conference are a meeting; the conference is only their frame
            EventType type = sideline && clause.type() == EventType.CONFERENCE ? EventType.MEET : clause.type();
            // a reception happens at home: the place a guest comes to, or where it is held, names the host
            String subject = type == EventType.HOST ? clause.where().orElse(protagonist) : protagonist;
            Set<String> partners = new LinkedHashSet<>();
            Set<String> places = new LinkedHashSet<>();
            for (Mention mention : clause.mentions()) {
                if (!mention.code().equals(subject)) {
                    (mention.role().place() ? places : partners).add(mention.code());
                }
            }
            if (type.meeting() && subject != null && !sideline) {
                // where the talks are held tells a reception at home from a visit abroad
                if (clause.where().filter(subject::equals).isPresent()) {
                    type = EventType.HOST;
                } else if (type == EventType.MEET && partners.isEmpty() && !places.isEmpty()) {
                    type = EventType.VISIT;
                }
            }
            if (type == EventType.VISIT || type == EventType.HOST || type == EventType.INTEL_SHARING) {
                // the country visited, or where the attack was foiled; at a reception at home, a foreign place
                // only says where the guest is from
                partners.addAll(places);
            }
            Span paragraph = paragraphAround(folded, sentence);
            List<Event.EventDate> dates = datesOf(folded, clause.span(), paragraph, reportedDates);
            if (dates.getFirst() == null && sideline && lastMultilateral != null) {
                dates = Collections.singletonList(lastMultilateral.date());
            }
            List<String> eventThemes = within(all.themes(), sentence);
            if (eventThemes.isEmpty()) {
                eventThemes = within(all.themes(), paragraph);
            }
            List<String> organisations = within(all.organisations(), clause.span());
            Map<String, Actor> named = new HashMap<>();
            startingIn(all.persons(), Match::start, clause.span()).forEach(p -> named.putIfAbsent(p.value().country(),
                    new Actor(p.value().country(), original(text, p), p.value().role())));
            for (Match<String> title : startingIn(all.titles(), Match::start, clause.span())) {
                countryOfTitle(folded, title, clause).ifPresent(code -> named.putIfAbsent(code, new Actor(code, null, original(text, title))));
            }
            Event.Evidence evidence = evidence(text, sentence);
            Optional<Event.Location> venue = clause.venue().map(m -> location(text, clause.naming(m)));
            for (Event.EventDate date : dates) {
                double confidence = confidence(clause, subject, date, all.dates());
                if (type.multilateral()) {
                    // a conference is where its host is (احتضنت الجزائر اجتماع …); an election, where the body met
                    Optional<Event.Location> held = venue.or(() -> clause.first(MentionRole.DESTINATION).map(m -> location(text, clause.naming(m))));
                    if (held.isEmpty() && type == EventType.CONFERENCE) {
                        held = clause.mentions().stream().filter(m -> m.match().value().namesPlace()).findFirst().map(m -> location(text, m));
                    }
                    Event.Location location = held.orElse(null);
                    Draft draft = new Draft(type, subject, List.of(), named, organisations, date, location, eventThemes, evidence, confidence);
                    drafts.add(draft);
                    lastMultilateral = draft;
                    continue;
                }
                Event.Location home = subject == null ? null : placeOf(text, clause, subject);
                if (partners.isEmpty() && !organisations.isEmpty()) {
                    // the counterpart is an international body (a reception of Interpol's secretary general)
                    Event.Location location = type == EventType.HOST ? home : null;
                    drafts.add(new Draft(type, subject, List.of(), named, organisations, date, location, eventThemes, evidence, confidence));
                }
                for (String partner : partners) {
                    Event.Location location = switch (type) {
                        case VISIT, INTEL_SHARING -> placeOf(text, clause, partner);
                        case HOST -> home;
                        case PRAISE -> null;
                        case MEET -> venue.orElse(sideline && lastMultilateral != null ? lastMultilateral.location() : null);
                        default -> venue.orElse(null);
                    };
                    drafts.add(new Draft(type, subject, List.of(partner), named, organisations, date, location, eventThemes, evidence, confidence));
                }
            }
        }
        List<Draft> merged = withRepeatsMerged(withReactionDates(withRepeatsMerged(drafts)));
        Optional<Event.EventDate> frame = yearFrame(folded, reportedDates);
        return merged.stream()
                .map(draft -> draft.date() == null && frame.isPresent() ? draft.withDate(frame.get()) : draft)
                .map(draft -> event(articleId, draft)).toList();
    }

    /** An act reported twice (a headline and its paragraph, a reception recalled later) is one event. */
    private static List<Draft> withRepeatsMerged(List<Draft> drafts) {
        List<Draft> kept = new ArrayList<>();
        for (Draft draft : drafts) {
            int same = -1;
            for (int i = 0; i < kept.size() && same < 0; i++) {
                if (kept.get(i).sameActAs(draft)) {
                    same = i;
                }
            }
            if (same < 0) {
                kept.add(draft);
            } else {
                kept.set(same, kept.get(same).mergedWith(draft));
            }
        }
        return kept;
    }

    /**
     * Praise that gives no date of its own is the partner's reaction to the meeting the article reports with it:
     * it takes the date of the nearest dated meeting with the same partners, the one before it first.
     */
    private static List<Draft> withReactionDates(List<Draft> drafts) {
        return drafts.stream().map(draft -> {
            if (draft.type() != EventType.PRAISE || draft.date() != null || draft.partners().isEmpty()) {
                return draft;
            }
            int at = draft.evidence().start();
            return drafts.stream()
                    .filter(other -> other.type().meeting() && other.date() != null && other.partners().equals(draft.partners()))
                    .min(Comparator.comparingInt((Draft other) -> other.evidence().start() <= at ? 0 : 1)
                            .thenComparingInt(other -> Math.abs(other.evidence().start() - at)))
                    .map(meeting -> draft.withDate(meeting.date())).orElse(draft);
        }).toList();
    }

    /** «في سنة 2024» / «خلال سنة 2024» written near the top: the period an article that looks back covers. */
    private static final Pattern FRAME_BEFORE = Pattern.compile("(?<![\\p{L}])(?:خلال|في)\\s+(?:ال)?(?:سنه|عام)\\s+$");
    /** How far into the text the frame of a look-back article is set: its title and lead. */
    private static final int LEAD = 900;

    /** The year a look-back article covers, which its undated events took place in. */
    private static Optional<Event.EventDate> yearFrame(String folded, List<DateMention> dates) {
        return dates.stream()
                .filter(d -> d.start() < LEAD && d.precision() == DateFinder.Precision.YEAR)
                .filter(d -> FRAME_BEFORE.matcher(folded).region(Math.max(0, d.start() - 16), d.start()).find())
                .findFirst().map(d -> new Event.EventDate(d.value(), "year"));
    }

    /** Higher when the date, the subject and the partners are known, lower when a named weekday contradicts the date. */
    private static double confidence(Clause clause, String subject, Event.EventDate date, List<DateMention> dates) {
        boolean weekdayConflict = startingIn(dates, DateMention::start, clause.sentence()).stream().anyMatch(DateMention::weekdayConflict);
        double confidence = 0.6 + (date != null ? 0.1 : 0) + (subject != null ? 0.1 : 0)
                + (!clause.mentions().isEmpty() ? 0.1 : 0) - (weekdayConflict ? 0.3 : 0);
        return Math.round(confidence * 100) / 100.0;
    }

    private static Event.Location location(NormalizedText text, Mention mention) {
        return new Event.Location(mention.code(), mention.match().value().namesPlace() ? original(text, mention.match()) : null);
    }

    /** The country {@code code} as a location, with the place the clause names in it (a city) when it names one. */
    private static Event.Location placeOf(NormalizedText text, Clause clause, String code) {
        return clause.mentions().stream().filter(m -> m.role().place() && m.code().equals(code)).findFirst()
                .map(m -> location(text, clause.naming(m))).orElseGet(() -> new Event.Location(code, null));
    }

    private static String original(NormalizedText text, Match<?> match) {
        return text.original().substring(text.originalStart(match.start()), text.originalEnd(match.end()));
    }

    private static Event event(String articleId, Draft draft) {
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
     * The date written in the clause, else the last one written before it in its paragraph (null when none).
     * Dates coordinated in the clause (سنتي 2014 و2018) are one act each.
     */
    private static List<Event.EventDate> datesOf(String folded, Span clause, Span paragraph, List<DateMention> dates) {
        List<DateMention> inClause = startingIn(dates, DateMention::start, clause);
        List<DateMention> chosen = new ArrayList<>();
        if (!inClause.isEmpty()) {
            chosen.add(inClause.getFirst());
            for (int i = 1; i < inClause.size() && DATE_AND.matcher(folded)
                    .region(inClause.get(i - 1).end(), inClause.get(i).start()).matches(); i++) {
                chosen.add(inClause.get(i));
            }
        } else {
            List<DateMention> before = startingIn(dates, DateMention::start, new Span(paragraph.start(), clause.start()));
            if (!before.isEmpty()) {
                chosen.add(before.getLast());
            }
        }
        if (chosen.isEmpty()) {
            return Collections.singletonList(null);
        }
        return chosen.stream().map(d -> new Event.EventDate(d.value(), d.precision().name().toLowerCase())).toList();
    }

    private static final Pattern DATE_AND = Pattern.compile("\\s*و\\s*");

    private static List<String> within(List<Match<String>> matches, Span span) {
        LinkedHashSet<String> values = new LinkedHashSet<>();
        startingIn(matches, Match::start, span).forEach(match -> values.add(match.value()));
        return List.copyOf(values);
    }

    private static Event.Evidence evidence(NormalizedText text, Span sentence) {
        int start = text.originalStart(sentence.start());
        int end = text.originalEnd(sentence.end());
        String original = text.original();
        while (start < end && NormalizedText.isWhitespace(original.charAt(start))) {
            start++;
        }
        while (end > start && NormalizedText.isWhitespace(original.charAt(end - 1))) {
            end--;
        }
        return new Event.Evidence(start, end);
    }

    private static final String SENTENCE_ENDS = "\n!?؟؛.…";

    /** Sentences end at . ! ? ؟ ؛ … and at line ends; a dot between digits (2.5) does not end one. */
    private static List<Span> sentences(String folded) {
        BitSet ends = new BitSet(folded.length());
        for (int k = 0; k < SENTENCE_ENDS.length(); k++) { // one String.indexOf run per mark: it reads many chars at a time
            char mark = SENTENCE_ENDS.charAt(k);
            for (int i = folded.indexOf(mark); i >= 0; i = folded.indexOf(mark, i + 1)) {
                boolean decimalPoint = mark == '.' && i > 0 && i + 1 < folded.length()
                        && NormalizedText.isDigit(folded.charAt(i - 1)) && NormalizedText.isDigit(folded.charAt(i + 1));
                if (!decimalPoint) {
                    ends.set(i);
                }
            }
        }
        List<Span> spans = new ArrayList<>();
        int start = 0;
        for (int end = ends.nextSetBit(0); end >= 0; end = ends.nextSetBit(end + 1)) {
            if (!isBlank(folded, start, end + 1)) {
                spans.add(new Span(start, end + 1));
            }
            start = end + 1;
        }
        if (!isBlank(folded, start, folded.length())) {
            spans.add(new Span(start, folded.length()));
        }
        return spans;
    }

    private static boolean isBlank(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!NormalizedText.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
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

    private static final int LANGUAGE_SAMPLE = 1000;

    /**
     * "ar" when Arabic letters are most of the letters, else "und": the article is kept and says so. The first
     * {@value #LANGUAGE_SAMPLE} letters decide: the language of a news article shows long before that.
     */
    private static String detectLanguage(String folded) {
        int arabic = 0;
        int letters = 0;
        for (int i = 0; i < folded.length() && letters < LANGUAGE_SAMPLE; i++) {
            char c = folded.charAt(i);
            if (NormalizedText.isWordChar(c)) {
                letters++;
                if (c >= '\u0600' && c <= '\u06FF' || c >= '\u0750' && c <= '\u077F' || c >= '\uFB50' && c <= '\uFDFF'
                        || c >= '\uFE70' && c <= '\uFEFF') { // Arabic, its supplement and its presentation forms
                    arabic++;
                }
            }
        }
        return letters > 0 && arabic * 2 >= letters ? "ar" : "und";
    }
}

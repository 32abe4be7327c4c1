package org.rasd.ingest.extraction;

import org.rasd.ingest.parsing.ArticleParser;
import org.rasd.ingest.parsing.DateFinder;
import org.rasd.ingest.parsing.DateFinder.DateMention;
import org.rasd.ingest.parsing.Lexicon;
import org.rasd.ingest.parsing.Lexicon.Category;
import org.rasd.ingest.parsing.Lexicon.Match;
import org.rasd.ingest.parsing.Lexicons;
import org.rasd.ingest.parsing.NormalizedText;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The recognisers: every phrase list of the language data (countries, themes, organisations, event cues,
 * officials, titles, discourse markers, months) in one automaton, so that an article is read once for all of
 * them, and the dates found from what it matched. Building it reads the language data: build it once.
 */
final class Recognisers {

    /** What the recognisers found in one folded text, each list in text order. */
    record Recognised(List<Match<Gazetteer.CountryForm>> countries, List<Match<String>> themes,
                      List<Match<String>> organisations, List<DateMention> dates, List<DateFinder.Duration> durations,
                      List<Match<Person>> persons,
                      List<Match<String>> titles, List<Match<EventType>> cues, List<Match<Marker>> markers,
                      List<Match<List<String>>> outlets) {
    }

    private final DateFinder dates;
    private final Gazetteer gazetteer;
    private final Lexicon lexicon;
    private final Category<String> themes;
    private final Category<String> organisations;
    private final Category<EventType> cues;
    private final Category<Person> persons;
    /** Officials' titles (وزير العدل), each its own value. */
    private final Category<String> titles;
    private final Category<Marker> markers;
    /** National news outlets by a name read on any short line (هسبريس، كونا), each with its countries. */
    private final Category<List<String>> outlets;
    /** Outlets named by a common word (الرأي، الوطن), by folded name: read only as the first part of a page's own name. */
    private final Map<String, List<String>> commonNamedOutlets;
    /**
     * What separates the parts of a page's name or of a line above a headline: «الراي | جريدة كويتية يومية شاملة»،
     * «كونا - وكالة الأنباء الكويتية»، «الرئيسية › عربي ودولي».
     */
    private static final Pattern NAME_PARTS = Pattern.compile("[|\\-–—/:«»()›‹◂>]+");
    /** The countries whose national outlets {@code outlets.tsv} lists. */
    private final Set<String> nationalPress;
    /** Folded words a page's name puts before an outlet's own (جريدة اللواء), from {@code press-words.tsv}. */
    private final Set<String> pressWords;

    Recognisers() {
        Lexicon.Builder words = Lexicon.builder();
        dates = new DateFinder(words);
        gazetteer = new Gazetteer(words);
        themes = words.add(table("themes.tsv", "cue", row -> row.get("theme")), false);
        organisations = words.add(table("organisations.tsv", "form", row -> row.get("code")), false);
        cues = words.add(table("event-cues.tsv", "cue", row -> EventType.valueOf(row.get("type"))), false);
        persons = words.add(table("persons.tsv", "name", row -> new Person(row.get("country"), row.get("role"))), true);
        titles = words.add(table("official-titles.tsv", "title", row -> row.get("title")), true);
        markers = words.add(table("discourse-markers.tsv", "word", row -> Marker.valueOf(row.get("kind"))), false);
        List<Lexicons.Row> outletRows = Lexicons.table("outlets.tsv");
        outlets = words.add(outletsRead(outletRows, "line"), true);
        commonNamedOutlets = outletsRead(outletRows, "name");
        nationalPress = outletRows.stream().map(row -> row.get("country")).collect(Collectors.toUnmodifiableSet());
        pressWords = Lexicons.table("press-words.tsv").stream().map(row -> NormalizedText.fold(row.get("word")))
                .collect(Collectors.toUnmodifiableSet());
        lexicon = words.build();
    }

    /** A resource table as phrase (its {@code phrase} column) to value. */
    static <V> Map<String, V> table(String resource, String phrase, Function<Lexicons.Row, V> value) {
        Map<String, V> phrases = new LinkedHashMap<>(); // in the file's order
        for (Lexicons.Row row : Lexicons.table(resource)) {
            if (phrases.put(row.get(phrase), value.apply(row)) != null) {
                // one phrase has one meaning in a list: a second row would silently replace the first
                throw new IllegalStateException(resource + " lists «" + row.get(phrase) + "» twice");
            }
        }
        return phrases;
    }

    /**
     * The outlets of {@code outlets.tsv} read where {@code read} says, each folded name (without its $) with its
     * countries: الرأي and الراي are one name, and two spellings of one country's outlet (أفريقيا، إفريقيا) name
     * that country once.
     */
    private static Map<String, List<String>> outletsRead(List<Lexicons.Row> rows, String read) {
        Map<String, List<String>> countries = new HashMap<>();
        rows.stream().filter(row -> row.get("read").equals(read)).forEach(row -> {
            List<String> named = countries.computeIfAbsent(NormalizedText.fold(row.get("outlet").replace("$", "")), name -> new ArrayList<>());
            if (!named.contains(row.get("country"))) {
                named.add(row.get("country"));
            }
        });
        return countries;
    }

    /** The page cleaner, which finds datelines and publication dates with the same automaton. */
    ArticleParser pageCleaner() {
        return new ArticleParser(lexicon, dates, gazetteer.places());
    }

    /** The country a place names (folded, a dateline's), when it names one. */
    Optional<String> countryOf(String place) {
        return gazetteer.find(lexicon.scan(place)).stream().findFirst().map(match -> match.value().code());
    }

    /**
     * The countries of the national outlet a page's name stands for: one of {@code outlets.tsv} (هسبريس، جريدة الغد),
     * else, from the name's first part (not a section or a breadcrumb after it: الرئيسية › عربي ودولي › العراق), a
     * country it gives (جريدة الدستور الأردنية، وكالة الأنباء الكويتية) among those whose national press the table lists
     * (a foreign state's Arabic service, روسيا اليوم، فرانس 24, reports on others), or an outlet named by a common word
     * (الراي | محليات, جريدة اللواء; not وكالة الأنباء …), of which a name several countries' papers share is the one
     * of the country the name gives beside it (جريدة الوطن - قطر). Empty for no national outlet.
     */
    List<String> outletCountries(String name) {
        String folded = NormalizedText.fold(name);
        Lexicon.Scan scan = lexicon.scan(folded);
        Optional<List<String>> listed = scan.matches(outlets).stream().findFirst().map(Match::value);
        if (listed.isPresent()) {
            return listed.get();
        }
        String first = NAME_PARTS.splitAsStream(folded).map(String::strip).filter(part -> !part.isEmpty()).findFirst().orElse("");
        List<String> countries = gazetteer.find(lexicon.scan(first)).stream().map(match -> match.value().code()).filter(nationalPress::contains)
                .findFirst().map(List::of).or(() -> Optional.ofNullable(commonNamedOutlets.get(withoutPressWord(first))))
                .orElse(List.of());
        if (countries.size() < 2) {
            return countries;
        }
        // a name several countries' papers share, with its country beside it (جريدة الوطن - قطر), is that one's
        List<String> named = gazetteer.find(scan).stream().map(match -> match.value().code()).distinct().filter(countries::contains).toList();
        return named.size() == 1 ? named : countries;
    }

    /** A page's name without the word before the outlet's own, if it has one: جريدة اللواء is اللواء. */
    private String withoutPressWord(String name) {
        int space = name.indexOf(' ');
        return space > 0 && pressWords.contains(name.substring(0, space)) ? name.substring(space + 1).strip() : name;
    }

    private static final String DEFINITE_ARTICLE = "ال";

    /**
     * The known officials, with the other mentions of those named in full by the last word of their name alone
     * (أنس خطاب … الوزير خطاب): news names a person in full once, then by his family name, and a headline by his
     * family name before the story names him in full (الشمري يصل عمّان … وصل وزير الداخلية عبد الأمير الشمري).
     */
    private static List<Match<Person>> namedAgain(String folded, List<Match<Person>> named) {
        List<Match<Person>> all = new ArrayList<>(named);
        for (Match<Person> person : named) {
            int lastWord = folded.lastIndexOf(' ', person.end() - 1) + 1;
            if (lastWord <= person.start()) {
                continue; // named by one word already
            }
            String familyName = folded.substring(lastWord, person.end());
            for (int at = folded.indexOf(familyName); at >= 0; at = folded.indexOf(familyName, at + 1)) {
                int end = at + familyName.length();
                boolean word = NormalizedText.standsAsWords(folded, at, end);
                int from = at;
                // before the full name only a family name with the article (الشمري، الفراية), as a headline names him:
                // one without (خطاب، سلام) is as often a word of the sentence
                boolean asNamed = at >= person.start() || familyName.startsWith(DEFINITE_ARTICLE);
                if (word && asNamed && all.stream().noneMatch(other -> other.start() <= from && from < other.end())) {
                    all.add(new Match<>(at, end, person.value()));
                }
            }
        }
        all.sort(Comparator.comparingInt(Match::start));
        return List.copyOf(all);
    }

    /** @param published the publication day, which relative dates (أمس، الخميس الماضي) count from; may be null */
    Recognised recognise(NormalizedText text, LocalDate published) {
        Lexicon.Scan scan = lexicon.scan(text.folded());
        List<Match<Person>> officials = namedAgain(text.folded(), scan.matches(persons));
        return new Recognised(gazetteer.find(scan, text), scan.matches(themes), scan.matches(organisations),
                dates.find(scan, published), dates.durations(scan), officials, scan.matches(titles), scan.matches(cues),
                scan.matches(markers), scan.matches(outlets));
    }
}

package org.rasd.ingest.extraction;

import org.rasd.ingest.parsing.Lexicon;
import org.rasd.ingest.parsing.Lexicons;
import org.rasd.ingest.parsing.NormalizedText;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every way Arabic news names a country: CLDR's Arabic names for all ISO 3166-1 codes (from the JDK), and the
 * curated {@code countries.tsv} with short names, demonyms in all their forms, cities and national bodies, and
 * the phrases that hold a country's form but name none (regions, persons' names).
 */
public final class Gazetteer {

    /** How a form names its country; NONE is a phrase that holds a country's form but names no country. */
    public enum Kind { NAME, DEMONYM, PLURAL, CITY, BODY, NONE }

    /** A way of naming a country; {@code place} is set for forms that name a place (a country or city name). */
    public record CountryForm(String code, Kind kind) {
        public boolean namesPlace() {
            return kind == Kind.NAME || kind == Kind.CITY;
        }
    }

    private final Lexicon.Category<CountryForm> forms;
    /** The ambiguous forms, each with what it names for each country it may stand for. */
    private final Lexicon.Category<List<CountryForm>> ambiguousForms;
    /** By folded form, the spellings whose vowel marks settle an ambiguous form (عمّان: Amman; عُمان: Oman). */
    private final Map<String, List<Voweled>> voweled = new HashMap<>();

    /** A spelling of an ambiguous form with the vowel marks that make it name one country. */
    private record Voweled(List<String> marks, CountryForm names) {
    }

    /** Adds every country form to {@code lexicon}. */
    public Gazetteer(Lexicon.Builder lexicon) {
        Map<String, CountryForm> forms = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        Map<String, List<CountryForm>> alsoNamed = new HashMap<>(); // by folded form: a city another country's name shares
        Locale arabic = Locale.forLanguageTag("ar");
        for (String code : Locale.getISOCountries()) {
            String name = Locale.of("", code).getDisplayCountry(arabic);
            if (!name.equals(code)) {
                forms.put(name, new CountryForm(code, Kind.NAME));
            }
        }
        List<String> demonymEndings = Lexicons.table("demonym-endings.tsv").stream().map(row -> row.get("ending")).toList();
        for (Lexicons.Row row : Lexicons.table("countries.tsv")) {
            String code = row.get("code");
            String form = row.get("form");
            String kind = row.get("kind");
            switch (kind) {
                case "ambiguous" -> {
                    // the article is dropped with the word: a bare form also matches after ال (مالي → المالي)
                    ambiguous.add(NormalizedText.fold(form));
                    ambiguous.add(NormalizedText.fold("ال" + form));
                }
                case "ambiguous-city", "ambiguous-body" -> {
                    ambiguous.add(NormalizedText.fold(form));
                    alsoNamed.computeIfAbsent(NormalizedText.fold(form), f -> new ArrayList<>())
                            .add(new CountryForm(code, kind.equals("ambiguous-body") ? Kind.BODY : Kind.CITY));
                }
                case "voweled-name", "voweled-city" -> voweled.computeIfAbsent(NormalizedText.fold(form), f -> new ArrayList<>())
                        .add(new Voweled(marksByLetter(form), new CountryForm(code, kind.equals("voweled-city") ? Kind.CITY : Kind.NAME)));
                case "demonym" -> {
                    // a derived form that is also a name stays a name: السعودية is Saudi Arabia before it is "Saudi"
                    for (String ending : Stream.concat(Stream.of(""), demonymEndings.stream()).toList()) {
                        forms.putIfAbsent(inflected(form, "", ending), new CountryForm(code, Kind.DEMONYM));
                        forms.putIfAbsent(inflected(form, "ال", ending), new CountryForm(code, Kind.DEMONYM));
                    }
                }
                case "plural" -> {
                    forms.put(form, new CountryForm(code, Kind.PLURAL));
                    forms.put(form.replaceFirst("^ال", ""), new CountryForm(code, Kind.PLURAL));
                }
                default -> forms.put(form, new CountryForm(code, Kind.valueOf(kind.toUpperCase(Locale.ROOT))));
            }
        }
        Map<String, List<CountryForm>> candidates = new HashMap<>(alsoNamed);
        forms.entrySet().removeIf(entry -> {
            boolean dropped = ambiguous.contains(NormalizedText.fold(entry.getKey()));
            if (dropped && entry.getValue().kind() != Kind.NONE) {
                candidates.computeIfAbsent(NormalizedText.fold(entry.getKey()), f -> new ArrayList<>()).add(entry.getValue());
            }
            return dropped;
        });
        this.forms = lexicon.add(forms, true);
        this.ambiguousForms = lexicon.add(candidates, true);
    }

    /**
     * A demonym of one or more words with the article and the ending on each word, as adjectives agree in Arabic:
     * كوري شمالي → الكورية الشمالية.
     */
    private static String inflected(String demonym, String article, String ending) {
        return Stream.of(demonym.split(" ")).map(word -> article + word + ending).collect(Collectors.joining(" "));
    }

    /**
     * Country mentions in text order; a phrase that holds a country's form without naming it (the region أمريكا
     * اللاتينية, the person جورجيا ميلوني) is none. An ambiguous form names the one country it may stand for that the
     * text names otherwise, one sense per article: «عمان» is Amman in news that says الأردن and not عُمان's other
     * names, Oman in news that says العماني; with both or neither, it names nothing. A form of one country also
     * names it where it stands in a list of countries (تشاد ومالي والنيجر), there only.
     */
    public List<Lexicon.Match<CountryForm>> find(Lexicon.Scan scan) {
        return find(scan, null);
    }

    /**
     * The same, with the text as written: an ambiguous form written with the vowel marks of one of its senses
     * (عمّان with its shadda is Amman, عُمان Oman) names that one, whatever else the text names.
     *
     * @param written the text the scan folded, or null when only the folded text is known
     */
    public List<Lexicon.Match<CountryForm>> find(Lexicon.Scan scan, NormalizedText written) {
        List<Lexicon.Match<CountryForm>> sure = scan.matches(forms);
        List<Lexicon.Match<List<CountryForm>>> ambiguousOnes = scan.matches(ambiguousForms);
        if (ambiguousOnes.isEmpty()) {
            return sure.stream().filter(m -> m.value().kind() != Kind.NONE).toList(); // the common case
        }
        Set<String> named = sure.stream().filter(m -> m.value().kind() != Kind.NONE).map(m -> m.value().code())
                .collect(Collectors.toSet());
        Set<Lexicon.Match<List<CountryForm>>> listed = listedWithCountries(scan.text(), sure, ambiguousOnes);
        List<Lexicon.Match<CountryForm>> found = new ArrayList<>(sure);
        for (Lexicon.Match<List<CountryForm>> match : ambiguousOnes) {
            List<CountryForm> meant = voweledAs(match, written).map(List::of)
                    .or(() -> listed.contains(match) ? Optional.of(match.value()) : Optional.empty())
                    .orElseGet(() -> match.value().stream().filter(form -> named.contains(form.code())).toList());
            boolean inside = sure.stream().anyMatch(m -> m.start() < match.end() && match.start() < m.end());
            if (meant.size() == 1 && !inside) {
                found.add(new Lexicon.Match<>(match.start(), match.end(), meant.getFirst()));
            }
        }
        return found.stream().filter(m -> m.value().kind() != Kind.NONE)
                .sorted(Comparator.comparingInt(Lexicon.Match::start)).toList();
    }

    /**
     * The ambiguous forms of one country that stand in a list of countries, next to one named for sure or to another
     * so listed, with «و» or a comma between (تشاد ومالي والنيجر، النيجر ومالي وبنين): a list of countries names
     * countries. Only the form in the list: «الدعم المالي» further on is still «financial».
     */
    private static Set<Lexicon.Match<List<CountryForm>>> listedWithCountries(String folded, List<Lexicon.Match<CountryForm>> sure,
                                                                          List<Lexicon.Match<List<CountryForm>>> ambiguous) {
        List<Lexicon.Match<?>> countries = new ArrayList<>(sure.stream().filter(m -> m.value().kind() != Kind.NONE).toList());
        Set<Lexicon.Match<List<CountryForm>>> listed = new HashSet<>();
        boolean more = true;
        while (more) {
            more = false;
            for (Lexicon.Match<List<CountryForm>> form : ambiguous) {
                if (form.value().size() == 1 && !listed.contains(form) && nextToOneOf(folded, form, countries)) {
                    listed.add(form);
                    countries.add(form);
                    more = true;
                }
            }
        }
        return listed;
    }

    private static boolean nextToOneOf(String folded, Lexicon.Match<?> form, List<Lexicon.Match<?>> countries) {
        for (Lexicon.Match<?> country : countries) {
            if (country.end() <= form.start() && onlyAListsJoinBetween(folded, country.end(), form.start())
                    || form.end() <= country.start() && onlyAListsJoinBetween(folded, form.end(), country.start())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code folded[from, to)} holds a list's join and nothing else, whatever spaces: a comma, «و» or both.
     * Words that follow each other with nothing between (برعاية السوداني بغداد: a name, then a dateline) are no list.
     */
    private static boolean onlyAListsJoinBetween(String folded, int from, int to) {
        boolean comma = false;
        boolean and = false;
        for (int i = from; i < to; i++) {
            char c = folded.charAt(i);
            if (NormalizedText.isWhitespace(c)) {
                continue;
            }
            if ((c == '،' || c == ',') && !comma && !and) {
                comma = true;
            } else if (c == 'و' && !and) {
                and = true;
            } else {
                return false;
            }
        }
        return comma || and;
    }

    /** The one sense the vowel marks written on an ambiguous form give it, if they give one. */
    private Optional<CountryForm> voweledAs(Lexicon.Match<?> match, NormalizedText written) {
        List<Voweled> spellings = written == null ? null : voweled.get(written.folded().substring(match.start(), match.end()));
        if (spellings == null) {
            return Optional.empty();
        }
        List<String> marks = marksByLetter(written.originalBetween(match.start(), match.end()));
        List<CountryForm> senses = spellings.stream().filter(spelling -> carries(marks, spelling.marks()))
                .map(Voweled::names).distinct().toList();
        return senses.size() == 1 ? Optional.of(senses.getFirst()) : Optional.empty();
    }

    /** Whether each letter written carries at least the marks the spelling puts on it. */
    private static boolean carries(List<String> written, List<String> spelling) {
        if (written.size() != spelling.size()) {
            return false;
        }
        for (int i = 0; i < spelling.size(); i++) {
            for (char mark : spelling.get(i).toCharArray()) {
                if (written.get(i).indexOf(mark) < 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The vowel marks written on each letter of a word, in letter order (tatweel is no letter). */
    private static List<String> marksByLetter(String word) {
        List<StringBuilder> letters = new ArrayList<>();
        for (char c : word.toCharArray()) {
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                if (!letters.isEmpty()) {
                    letters.getLast().append(c);
                }
            } else if (Character.isLetter(c) && c != TATWEEL) {
                letters.add(new StringBuilder());
            }
        }
        return letters.stream().map(StringBuilder::toString).toList();
    }

    private static final char TATWEEL = '\u0640';

    /** Every country form, regions included: what a dateline may name. */
    public Lexicon.Category<CountryForm> places() {
        return forms;
    }
}

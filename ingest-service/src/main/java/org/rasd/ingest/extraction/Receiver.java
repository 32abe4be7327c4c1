package org.rasd.ingest.extraction;

import org.rasd.ingest.extraction.Recognisers.Recognised;
import org.rasd.ingest.parsing.DateFinder;
import org.rasd.ingest.parsing.Lexicon.Match;
import org.rasd.ingest.parsing.Lexicons;
import org.rasd.ingest.parsing.NormalizedText;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Who received a guest, as the words that name the subject's official: the guide counts separate meetings as
 * separate events, so «استقبل رئيس الجمهورية الضيف» and «ثم استقبله رئيس مجلس الوزراء» are two receptions of one
 * guest on one day, while «وكان البوسعيدي قد استقبل الضيف» repeats «استقبل حمود بن فيصل البوسعيدي وزير الداخلية
 * الضيف». The official is named before the verb of receiving or meeting (رئيس الجمهورية يستقبل، وكان الرئيس قد
 * استقبل) or right after it, up to when he received, or, when a country comes first after the verb (the guest met
 * him), right after that country (كما التقى رئيس قوة الإطفاء الكويتية في لقاء آخر اللواء …); none when the words
 * hold no title or word of address (التقى عددا من الطلاب), when the verb is a noun or a dual, or when the clause
 * has none. A meeting clause with no such verb, as a rule one that reports the guest arriving or touring, names
 * who welcomed him after a phrase of welcome (وكان في استقباله لدى وصوله رئيس الأركان): di01's three receptions of
 * one guest are three.
 */
final class Receiver {

    private Receiver() {
    }

    /** A verb of receiving or meeting with its doer to be named (استقبل، يستقبل، استقبله، التقى، يلتقي), not a dual. */
    private static final Pattern VERB = Pattern.compile("^[وف]?(?:[يت]?ستقبل|استقبل|التقي|[يت]لتقي)(?:ت|ه|ها|هم|هما)?$");
    /** The most words read after the verb: a title and a name (وزير الدفاع الوطني حننه ولد سيدي). */
    private static final int WORDS_AFTER = 8;
    /** The word right before a verb whose doer was named before it, commas and all (وكان الرئيس، …، قد استقبل). */
    private static final String ALREADY = NormalizedText.fold("قد");

    /** Words of address and ranks (honorifics.tsv), which name nobody: the protagonist's vote reads them too. */
    static final Set<String> HONORIFICS = column("honorifics.tsv", row -> true);
    /** Words of address and auxiliaries: they name nobody. */
    private static final Set<String> SKIPPED = Stream.concat(HONORIFICS.stream(),
            column("receiver-words.tsv", row -> row.get("kind").equals("AUXILIARY")).stream()).collect(Collectors.toUnmodifiableSet());
    private static final Set<String> NAME_PARTS = column("receiver-words.tsv", row -> row.get("kind").equals("NAME_PART"));
    private static final Set<String> TITLES = column("receiver-words.tsv", row -> row.get("kind").equals("TITLE"));

    private static Set<String> column(String table, Predicate<Lexicons.Row> which) {
        return Lexicons.table(table).stream().filter(which).map(row -> NormalizedText.fold(row.get("word")))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The words naming who received in the clause, none of them a part many names share; empty when unknown. */
    static Set<String> of(String folded, Clause clause, Recognised found) {
        Optional<Match<EventType>> verb = clause.span().startingIn(found.cues()).stream()
                .filter(cue -> cue.value() == EventType.HOST || cue.value() == EventType.MEET)
                .filter(cue -> VERB.matcher(word(folded, cue.start())).matches()).findFirst();
        Span span = clause.span();
        if (verb.isEmpty()) {
            return welcomer(folded, span, found);
        }
        int verbStart = NormalizedText.wordStart(folded, verb.get().start(), span.start());
        int verbEnd = NormalizedText.wordEnd(folded, verb.get().start(), span.end());
        int doerFrom = doneBefore(folded, span.start(), verbStart) ? span.start() : lastBreak(folded, span.start(), verbStart) + 1;
        Span before = new Span(doerFrom, verbStart);
        if (!words(folded, before).isEmpty()) {
            return before.startingIn(clause.mentions()).isEmpty() ? words(folded, before) : Set.of();
        }
        // else a guest who met him (كما التقى رئيس قوة الإطفاء الكويتية في لقاء آخر اللواء حمد الدهيمي): the official
        // named after the guest's country
        return namedFrom(folded, span, verbEnd, found).or(() -> new Span(verbEnd, span.end()).startingIn(found.countries())
                        .stream().findFirst().flatMap(country -> officialFrom(folded, country.end(), span.end()))
                        .flatMap(from -> namedFrom(folded, span, from, found)))
                .orElse(Set.of());
    }

    /** The words of a doer named from {@code from}, as after his verb; none when a country first names the guest. */
    private static Optional<Set<String>> namedFrom(String folded, Span span, int from, Recognised found) {
        int end = afterTheDoer(folded, span, from, found);
        return end < 0 ? Optional.empty() : Optional.of(words(folded, new Span(from, end)));
    }

    /**
     * Who welcomed the guest in a meeting clause with no verb of receiving, as a rule one that reports him arriving or
     * touring (وكان في استقباله لدى وصوله … رئيس الأركان): the words after its first phrase of welcome, read as a
     * doer's after his verb; none when the clause has no such phrase.
     */
    private static Set<String> welcomer(String folded, Span span, Recognised found) {
        List<Match<Marker>> welcomes = span.startingIn(found.markers()).stream().filter(marker -> marker.value() == Marker.WELCOMED_BY).toList();
        if (welcomes.isEmpty()) {
            return Set.of();
        }
        // read up to the next welcome, which names another official
        Span reach = new Span(span.start(), welcomes.size() > 1 ? welcomes.get(1).start() : span.end());
        return namedFrom(folded, reach, NormalizedText.wordEnd(folded, welcomes.getFirst().end() - 1, reach.end()), found)
                .orElse(Set.of());
    }

    /** How many words after a guest's country the official he met may be named: «في لقاء آخر اللواء …». */
    private static final int OBJECT_WORDS = 4;

    /** Where the first official's title or word of address within {@value #OBJECT_WORDS} words after {@code from} starts. */
    private static Optional<Integer> officialFrom(String folded, int from, int to) {
        return Span.words(folded, from, to, OBJECT_WORDS).stream()
                .filter(word -> HONORIFICS.contains(word.of(folded)) || TITLES.contains(noun(word.of(folded))))
                .map(Span::start).findFirst();
    }

    /** Whether the word right before the verb is «قد»: its doer was named before it. */
    private static boolean doneBefore(String folded, int from, int verbStart) {
        int previous = NormalizedText.previousWordStart(folded, verbStart, from);
        return previous >= 0 && folded.substring(previous, verbStart).strip().equals(ALREADY);
    }

    /**
     * Where the doer named after the verb ends: at the first date (when he received), at the end of the sentence, or
     * after {@value #WORDS_AFTER} words. A country first may be his nationality as well as the guest's: −1, unless
     * a second title stands before it, the guest's (استقبل رئيس مجلس الوزراء محمد شياع السوداني الوزير الباكستاني),
     * where the doer ends. Commas do not end it: a title and its name stand apart by one (استقبل رئيس الجمهورية،
     * السيد عبد المجيد تبون، اليوم …).
     */
    private static int afterTheDoer(String folded, Span span, int from, Recognised found) {
        Span rest = new Span(from, span.end());
        int country = rest.startingIn(found.countries()).stream().map(Match::start).findFirst().orElse(span.end());
        int date = rest.startingIn(found.dates()).stream().map(DateFinder.DateMention::start).findFirst().orElse(span.end());
        int end = Math.min(country, date);
        int words = 0;
        int titles = 0;
        int lastTitle = -1;
        for (int i = from; i < end; i++) {
            if (NormalizedText.isSentenceEnd(folded.charAt(i))) {
                return i;
            }
            boolean wordStarts = NormalizedText.isWordChar(folded.charAt(i)) && (i == from || !NormalizedText.isWordChar(folded.charAt(i - 1)));
            if (wordStarts && ++words > WORDS_AFTER) {
                return i;
            }
            if (wordStarts && TITLES.contains(noun(word(folded, i)))) {
                titles++;
                lastTitle = i;
            }
        }
        if (country < date) {
            return titles > 1 ? lastTitle : -1;
        }
        return end;
    }

    /** A word without the article it may carry: how titles and name parts are listed. */
    private static String noun(String word) {
        return word.startsWith("ال") && word.length() > 4 ? word.substring(2) : word;
    }

    /** The word (letters) at {@code index}, from its start. */
    private static String word(String folded, int index) {
        return folded.substring(NormalizedText.wordStart(folded, index, 0), NormalizedText.wordEnd(folded, index, folded.length()));
    }

    /** Where the last comma, colon or sentence break before {@code to} stands, or {@code from} − 1. */
    private static int lastBreak(String folded, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            char c = folded.charAt(i);
            if (c == '،' || c == ',' || c == ':' || NormalizedText.isSentenceEnd(c)) {
                return i;
            }
        }
        return from - 1;
    }

    /**
     * The words of the span that name an official, without their article: neither words of address nor auxiliaries
     * nor parts that many names and titles share; none when no title or word of address says an official is named.
     */
    private static Set<String> words(String folded, Span span) {
        Set<String> words = new LinkedHashSet<>();
        boolean official = false;
        for (String word : folded.substring(span.start(), span.end()).split("[^\\p{L}]+")) {
            String bare = word.length() > 2 && word.charAt(0) == 'و' && SKIPPED.contains(word.substring(1)) ? word.substring(1) : word;
            String noun = noun(bare);
            official |= HONORIFICS.contains(bare) || TITLES.contains(noun);
            if (!SKIPPED.contains(bare) && noun.length() > 2 && !NAME_PARTS.contains(noun) && !TITLES.contains(noun)) {
                words.add(noun);
            }
        }
        return official ? words : Set.of();
    }
}

package org.rasd.ingest.parsing;

import java.text.DateFormatSymbols;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds dates in folded text: the month names of every Arabic region (from the JDK's CLDR data, plus the
 * curated {@code months.tsv}), English month names, numeric forms, days written as ordinals, years named as
 * such (سنة 2024), and dates relative to the publication day. The words around them are read from
 * {@code date-words.tsv}, {@code relative-dates.tsv}, {@code relative-days.tsv} and {@code day-numbers.tsv}.
 */
public final class DateFinder {

    /**
     * Locales whose CLDR month names differ: Morocco, Algeria and Tunisia, the Levant and Iraq, Egypt and the Gulf;
     * English and French, which pages write their date lines in too.
     */
    private static final List<Locale> MONTH_LOCALES = List.of("ar", "ar-MA", "ar-DZ", "ar-TN", "ar-LB", "ar-SY",
            "ar-IQ", "ar-JO", "ar-EG", "ar-SA", "en", "fr").stream().map(Locale::forLanguageTag).toList();
    private static final String WORD_START = "(?<![\\p{L}])";
    /** A word start, or a clitic (و ف ب ل) standing at one before the word: وأمس، بالأمس، لعام. */
    private static final String WORD_OR_CLITIC_START = "(?:(?<![\\p{L}])|(?<=(?<![\\p{L}])[وفبل]))";
    private static final String WORD_END = "(?![\\p{L}])";
    private static final Pattern NUMERIC = Pattern.compile("(?<!\\d)(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})(?!\\d)");
    /** Year first: ISO 2024-08-21 and the 2024/08/21 of many date lines. */
    private static final Pattern YEAR_FIRST = Pattern.compile("(?<!\\d)(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})(?!\\d)");
    /** The years a bare number after a YEAR_CUE (في 2019) is read as: news reports no other. */
    private static final int FIRST_CUED_YEAR = 1900;
    private static final int LAST_CUED_YEAR = 2099;
    /** A day written without a year falls in the publication year unless it is this many days past publication. */
    private static final int DAYS_AHEAD_OF_PUBLICATION = 7;

    public enum Precision { DAY, MONTH, YEAR }

    /** Where a relative word puts a weekday, month, day or period: before, at or after publication. */
    private enum Relation {
        PAST(-1), CURRENT(0), FUTURE(1);

        final int step;

        Relation(int step) {
            this.step = step;
        }
    }

    /**
     * A date found at folded offsets {@code [start, end)}; {@code weekdayConflict} when the text names a weekday
     * that the date does not fall on.
     */
    public record DateMention(int start, int end, String value, Precision precision, boolean weekdayConflict) implements Located {
        DateMention(int start, int end, String value, Precision precision) {
            this(start, end, value, precision, false);
        }
    }

    /** How long an act lasted, in days, written at folded offsets {@code [start, end)}: «استمرت ثلاثة أيام». */
    public record Duration(int start, int end, int days) implements Located {
    }

    private final Map<String, Integer> months = new HashMap<>();
    /** Folded CLDR weekday names (الاثنين …). */
    private final Map<String, DayOfWeek> weekdays = new HashMap<>();
    /** The folded words of {@code date-words.tsv}, {@code relative-dates.tsv} and {@code day-numbers.tsv}, by kind. */
    private final Map<String, Set<String>> words = new HashMap<>();
    private final Map<String, Relation> relations = new HashMap<>();
    /** {@code relative-days.tsv}: the days before (negative) or after publication each word names. */
    private final Map<String, Integer> dayOffsets = new HashMap<>();
    private final Map<String, Integer> ordinals = new HashMap<>();
    /** Words naming a number of days: COUNT and DAYS of {@code day-numbers.tsv}. */
    private final Map<String, Integer> dayCounts = new HashMap<>();

    // the anchors: each pattern is only tried where one of its words is (or at the word before it)
    private final Lexicon.Category<Integer> monthNames;
    private final Lexicon.Category<Integer> ordinalWords;
    private final Lexicon.Category<Integer> dayWords;
    private final Lexicon.Category<DayOfWeek> weekdayNames;
    private final Lexicon.Category<Relation> relationWords;
    private final Lexicon.Category<Boolean> thisWords;
    private final Lexicon.Category<Boolean> agoWords;
    private final Lexicon.Category<Boolean> lastedWords;
    private final Lexicon.Category<Boolean> monthPeriodWords;

    private final Pattern dayMonth;
    private final Pattern ordinalDay;
    private final Pattern monthDayYear;
    /** A day, a month's name and a year joined by slashes or dashes, as page headers write them: 01/مارس/2020. */
    private final Pattern dayMonthYearJoined;
    private final Pattern monthYear;
    private final Pattern relativeMonth;
    /** A year named as such, and a second one coordinated with it (في سنتي 2014 و2018). */
    private final Pattern year;
    private final Pattern dayWord;
    private final Pattern weekday;
    private final Pattern weekdayBeforeDate;
    private final Pattern period;
    private final Pattern daysAgo;
    private final Pattern lasted;

    /** Adds the month names and the words relative dates hold to {@code lexicon}. */
    public DateFinder(Lexicon.Builder lexicon) {
        for (Locale locale : MONTH_LOCALES) {
            DateFormatSymbols symbols = DateFormatSymbols.getInstance(locale);
            addMonths(symbols.getMonths());
            addMonths(symbols.getShortMonths());
        }
        for (Lexicons.Row row : Lexicons.table("months.tsv")) {
            months.put(NormalizedText.fold(row.get("name")), Integer.parseInt(row.get("month")));
        }
        for (String table : List.of("date-words.tsv", "relative-dates.tsv")) {
            for (Lexicons.Row row : Lexicons.table(table)) {
                words.computeIfAbsent(row.get("kind"), kind -> new HashSet<>()).add(NormalizedText.fold(row.get("word")));
            }
        }
        for (Relation relation : Relation.values()) {
            words(relation.name()).forEach(word -> relations.put(word, relation));
        }
        for (Lexicons.Row row : Lexicons.table("relative-days.tsv")) {
            dayOffsets.put(NormalizedText.fold(row.get("word")), Integer.parseInt(row.get("days")));
        }
        for (Lexicons.Row row : Lexicons.table("day-numbers.tsv")) {
            String word = NormalizedText.fold(row.get("word"));
            (row.get("kind").equals("ORDINAL") ? ordinals : dayCounts).put(word, Integer.parseInt(row.get("value")));
            words.computeIfAbsent(row.get("kind"), kind -> new HashSet<>()).add(word);
        }
        String[] weekdayNamesByCalendarDay = DateFormatSymbols.getInstance(Locale.forLanguageTag("ar")).getWeekdays();
        for (int calendarDay = 1; calendarDay <= 7; calendarDay++) {
            // java.util.Calendar counts from Sunday = 1
            weekdays.put(NormalizedText.fold(weekdayNamesByCalendarDay[calendarDay]), DayOfWeek.SUNDAY.plus(calendarDay - 1));
        }

        monthNames = lexicon.add(months, true);
        ordinalWords = lexicon.add(ordinals, true);
        dayWords = lexicon.add(dayOffsets, true);
        weekdayNames = lexicon.add(weekdays, true);
        relationWords = lexicon.add(relations, true);
        thisWords = lexicon.add(asAnchors(words("THIS")), true);
        agoWords = lexicon.add(asAnchors(words("AGO")), true);
        lastedWords = lexicon.add(asAnchors(words("LASTED")), true);
        monthPeriodWords = lexicon.add(asAnchors(words("MONTH_PERIOD")), true);

        String month = alternatives(months.keySet());
        String of = alternatives(words("OF"));
        String relation = alternatives(relations.keySet());
        String weekdayName = alternatives(weekdays.keySet());
        String dayNoun = alternatives(words("DAY_NOUN"));
        // a month, and the same month in another region's name after a slash or in brackets: نوفمبر/تشرين الثاني، مايو (أيار);
        // after a dash only the same month's (نوفمبر-تشرين الثاني), since «مايو - يونيو» is two months
        String monthPhrase = "(?<month>" + month + ")" + WORD_END
                + "(?:\\s*/\\s*" + month + WORD_END + "|\\s*\\(\\s*" + month + "\\s*\\)|" + sameMonthAfterADash() + ")?";
        String yearAfter = yearAfter("year");
        String range = "\\s*" + alternatives(words("RANGE")) + "\\s*\\d{1,2}(?!\\d)";
        // the year written after the range's last day only: من 30 يونيو إلى 2 يوليو 2024
        String rangeYear = range + "\\s+(?:" + of + "\\s+)?(?<toMonth>" + month + ")" + WORD_END
                + yearAfter("rangeYear");
        // يونيو الماضي، 6 جوان من العام الماضي، ديسمبر المقبل
        String relationAfter = "\\s+(?:" + of + "\\s+(?<ofYear>" + alternatives(words("YEAR_PERIOD")) + ")\\s+)?(?<relation>"
                + relation + ")" + WORD_END;
        // the month named, or «the month» said to be this one, the last, the next or the one the text just dated:
        // 11 من الشهر الجاري، الرابع من الشهر ذاته
        String monthOfDay = "\\s+(?:" + of + "\\s+)?(?:(?:" + alternatives(words("MONTH_NOUN")) + "\\s+)?" + monthPhrase
                + "(?:" + yearAfter + "|" + relationAfter + "|" + rangeYear + ")?|" + alternatives(words("MONTH_PERIOD"))
                + "\\s+(?:(?<monthRelation>" + relation + ")|(?<sameMonth>" + alternatives(words("SAME")) + "))" + WORD_END + ")";
        String ordinal = alternatives(ordinals.keySet());

        dayMonth = Pattern.compile("(?<!\\d)(?<day>\\d{1,2})(?:" + range + ")*" + monthOfDay);
        ordinalDay = Pattern.compile(WORD_START + "(?<ordinal>" + ordinal + ")(?:\\s*" + alternatives(words("RANGE")) + "\\s*"
                + ordinal + ")*" + monthOfDay);
        monthDayYear = Pattern.compile(WORD_START + "(?<month>" + month + ")\\s+(?<day>\\d{1,2}),?\\s+(?<year>\\d{4})(?!\\d)");
        dayMonthYearJoined = Pattern.compile("(?<!\\d)(?<day>\\d{1,2})\\s*[/-]\\s*(?<month>" + month + ")\\s*[/-]\\s*(?<year>\\d{4})(?!\\d)");
        monthYear = Pattern.compile(WORD_START + monthPhrase + yearAfter);
        relativeMonth = Pattern.compile(WORD_START + monthPhrase + relationAfter);
        year = Pattern.compile(WORD_OR_CLITIC_START + "(?:(?<noun>" + alternatives(words("YEAR_NOUN")) + ")|"
                + alternatives(words("YEAR_CUE")) + ")\\s+(?<year>\\d{4})(?!\\d)" + notHijri()
                + "(?:\\s*و\\s*(?<second>\\d{4})(?!\\d)" + notHijri() + ")?");
        dayWord = Pattern.compile(WORD_OR_CLITIC_START + "(?<word>" + alternatives(dayOffsets.keySet()) + ")"
                + "(?:\\s+\\(?(?:" + dayNoun + "\\s+)?(?<weekday>" + weekdayName + ")\\)?)?" + WORD_END
                + "(?!\\s*\\d)(?!\\s+" + alternatives(words("NOUN_AFTER")) + WORD_END + ")");
        // a weekday right before a written date (الاثنين، 13 ماي) is part of it
        weekday = Pattern.compile(WORD_OR_CLITIC_START + "(?:" + dayNoun + "\\s+)?(?<weekday>" + weekdayName + ")"
                + "(?:\\s+(?<relation>" + relation + "))?" + WORD_END + "(?![\\s،,]*\\d)");
        weekdayBeforeDate = Pattern.compile("(" + weekdayName + ")\\s*[،,]?\\s*$");
        String periodNoun = alternatives(words("YEAR_PERIOD", "MONTH_PERIOD", "WEEK_PERIOD"));
        // «هذه الأيام» is nowadays, no period of the news: a few days are named only as past or to come
        String fewDaysOrPeriod = alternatives(words("YEAR_PERIOD", "MONTH_PERIOD", "WEEK_PERIOD", "DAYS_PERIOD"));
        period = Pattern.compile(WORD_START + "(?:" + alternatives(words("THIS")) + "\\s+(?<thisPeriod>" + periodNoun
                + ")|(?<period>" + fewDaysOrPeriod + ")\\s+(?<relation>" + relation + "))" + WORD_END);
        // a number of days: يومين، ثلاثة أيام، 3 أيام
        String numberOfDays = "(?:(?<days>" + alternatives(words("DAYS")) + ")|(?<count>" + alternatives(words("COUNT"))
                + "|\\d{1,2}(?!\\d))\\s+" + alternatives(words("DAY_UNIT")) + ")" + WORD_END;
        // منذ يومين، قبل ثلاثة أيام، منذ 3 أيام; not قبل يومين من الاجتماع, which counts from another day
        daysAgo = Pattern.compile(WORD_OR_CLITIC_START + alternatives(words("AGO")) + "\\s+" + numberOfDays
                + "(?!\\s+" + of + WORD_END + ")");
        lasted = Pattern.compile(WORD_OR_CLITIC_START + alternatives(words("LASTED")) + "\\s+" + numberOfDays);
    }

    /** How long the acts of a scanned text are said to have lasted (زيارة استمرت ثلاثة أيام، دامت يومين), in text order. */
    public List<Duration> durations(Lexicon.Scan scan) {
        return matchesAt(lasted, scan.text(), spans(scan.matches(lastedWords))).stream()
                .map(m -> new Duration(m.start(), m.end(), days(m))).toList();
    }

    /** The number of days a match of a number of days names, in words (يومين، ثلاثة) or digits. */
    private int days(MatchResult numberOfDays) {
        String count = numberOfDays.group("days") != null ? numberOfDays.group("days") : numberOfDays.group("count");
        return dayCounts.containsKey(count) ? dayCounts.get(count) : Integer.parseInt(count);
    }

    /** The folded weekday names (الاثنين …), which date lines write beside their dates. */
    public Set<String> weekdayNames() {
        return Set.copyOf(weekdays.keySet());
    }

    /** A year after a month, in the named group: يونيو 2024، فبراير ,2026، يونيو من عام 2022; not 1446 هـ. */
    private String yearAfter(String group) {
        return "\\s*[,،]?\\s*(?:" + alternatives(words("OF")) + "\\s+)?" + alternatives(words("YEAR_NOUN")) + "?\\s*(?<"
                + group + ">\\d{4})(?!\\d)" + notHijri();
    }

    private String notHijri() {
        return "(?!\\s*" + alternatives(words("HIJRI")) + WORD_END + ")";
    }

    /** The folded words of the kinds. */
    private Set<String> words(String... kinds) {
        if (kinds.length == 1 && words.containsKey(kinds[0])) {
            return words.get(kinds[0]);
        }
        Set<String> found = new HashSet<>();
        for (String kind : kinds) {
            Set<String> ofKind = words.get(kind);
            if (ofKind == null) {
                throw new IllegalStateException("No date words of kind " + kind);
            }
            found.addAll(ofKind);
        }
        return found;
    }

    private static Map<String, Boolean> asAnchors(Collection<String> words) {
        return words.stream().collect(Collectors.toMap(Function.identity(), word -> true));
    }

    /**
     * A dash and another name of the month just named: one alternative per month, each checking behind the dash that
     * the name before it is of the same month.
     */
    private String sameMonthAfterADash() {
        Map<Integer, List<String>> namesByMonth = months.entrySet().stream().collect(Collectors.groupingBy(Map.Entry::getValue,
                TreeMap::new, Collectors.mapping(Map.Entry::getKey, Collectors.toList())));
        return namesByMonth.values().stream()
                .map(names -> "(?<=" + alternatives(names) + ")\\s*[-–]\\s*" + alternatives(names) + WORD_END)
                .collect(Collectors.joining("|", "(?:", ")"));
    }

    /** A non-capturing group of the words, longest first so that الماضيه is not read as الماضي. */
    private static String alternatives(Collection<String> words) {
        return words.stream().sorted(Comparator.comparingInt(String::length).reversed()).map(Pattern::quote)
                .collect(Collectors.joining("|", "(?:", ")"));
    }

    private void addMonths(String[] names) {
        for (int i = 0; i < 12; i++) {
            if (!names[i].isBlank()) {
                months.put(NormalizedText.fold(names[i].replace(".", "")), i + 1);
            }
        }
    }

    /**
     * Every date in a scanned text, in text order. Dates without a year and relative dates are resolved against
     * {@code reference} (the publication date) when there is one, and dropped when there is none.
     */
    public List<DateMention> find(Lexicon.Scan scan, LocalDate reference) {
        String folded = scan.text();
        List<DateMention> found = new ArrayList<>();
        List<Span> numbers = digitRuns(folded);
        for (MatchResult r : matchesAt(YEAR_FIRST, folded, beforeDateSeparator(folded, numbers, 4, 4))) {
            day(found, r, Integer.parseInt(r.group(1)), Integer.parseInt(r.group(3)), Integer.parseInt(r.group(4)));
        }
        for (MatchResult r : matchesAt(NUMERIC, folded, beforeDateSeparator(folded, numbers, 1, 2))) {
            day(found, r, Integer.parseInt(r.group(3)), Integer.parseInt(r.group(2)), Integer.parseInt(r.group(1)));
        }
        List<Span> monthSpans = spans(scan.matches(monthNames));
        List<DayOfSameMonth> ofSameMonth = new ArrayList<>();
        List<Span> daysBeforeMonths = daysBefore(numbers, union(monthSpans, spans(scan.matches(monthPeriodWords))));
        for (MatchResult r : matchesAt(dayMonth, folded, daysBeforeMonths)) {
            dayOfMonth(found, ofSameMonth, r, Integer.parseInt(r.group("day")), reference);
        }
        for (MatchResult r : matchesAt(ordinalDay, folded, spans(scan.matches(ordinalWords)))) {
            if (!isOneOf(wordBefore(folded, r.start()), words("NOT_DAY"))) {
                dayOfMonth(found, ofSameMonth, r, ordinals.get(r.group("ordinal")), reference);
            }
        }
        for (MatchResult r : matchesAt(monthDayYear, folded, monthSpans)) {
            day(found, r, Integer.parseInt(r.group("year")), months.get(r.group("month")), Integer.parseInt(r.group("day")));
        }
        for (MatchResult r : matchesAt(dayMonthYearJoined, folded, numbers)) {
            day(found, r, Integer.parseInt(r.group("year")), months.get(r.group("month")), Integer.parseInt(r.group("day")));
        }
        for (MatchResult r : matchesAt(monthYear, folded, monthSpans)) {
            YearMonth yearMonth = YearMonth.of(Integer.parseInt(r.group("year")), months.get(r.group("month")));
            found.add(new DateMention(r.start(), r.end(), yearMonth.toString(), Precision.MONTH));
        }
        years(found, folded, numbers);
        if (reference != null) {
            relative(found, scan, reference, monthSpans);
        }
        found.replaceAll(mention -> withWeekdayCheck(mention, folded));
        // "0000" reads as four digits but is no year anyone reports, and no date PostgreSQL keeps
        found.removeIf(date -> date.value().startsWith("0000"));
        return inTheMonthBefore(withoutOverlaps(found), ofSameMonth);
    }

    /** A day of «the same month» (الرابع من الشهر ذاته), at folded offsets {@code [start, end)}. */
    private record DayOfSameMonth(int start, int end, int day) {
    }

    /** The days of «the same month» dated in the month of the date the text gives last before them, if any. */
    private static List<DateMention> inTheMonthBefore(List<DateMention> dates, List<DayOfSameMonth> ofSameMonth) {
        if (ofSameMonth.isEmpty()) {
            return dates;
        }
        List<DateMention> all = new ArrayList<>(dates);
        // a range (الثالث إلى الرابع من الشهر ذاته) was also read from its last day: its first day, earlier, comes first
        ofSameMonth.sort(Comparator.comparingInt(DayOfSameMonth::start));
        for (DayOfSameMonth day : ofSameMonth) {
            if (all.stream().anyMatch(d -> d.start() < day.end() && day.start() < d.end())) {
                continue;
            }
            dates.stream().filter(d -> d.end() <= day.start() && d.precision() != Precision.YEAR)
                    .reduce((first, second) -> second)
                    .map(before -> YearMonth.parse(before.value().substring(0, 7)))
                    .filter(month -> month.isValidDay(day.day()))
                    .ifPresent(month -> all.add(new DateMention(day.start(), day.end(), month.atDay(day.day()).toString(), Precision.DAY)));
        }
        all.sort(Comparator.comparingInt(DateMention::start));
        return all;
    }

    /** Years named as such (عام 2014، في سنتي 2014 و2018), but not Hijri years nor the years of a plan's name (رؤية 2030). */
    private void years(List<DateMention> found, String folded, List<Span> numbers) {
        // from the word before a year (سنة، وفي) to far enough for a second year after it (و2018)
        List<Span> windows = extendedBy(withWordBefore(folded, numbers.stream().filter(n -> n.end() - n.start() == 4).toList()), 16);
        for (MatchResult r : matchesIn(year, folded, windows)) {
            if (isOneOf(wordBefore(folded, r.start()), words("NOT_YEAR")) || isOneOf(wordAfter(folded, r.end()), words("NOT_YEAR"))) {
                continue;
            }
            boolean named = r.group("noun") != null;
            for (String group : List.of("year", "second")) {
                String value = r.group(group);
                if (value != null && (named || isCuedYear(Integer.parseInt(value)))) {
                    found.add(new DateMention(r.start(group), r.end(group), value, Precision.YEAR));
                }
            }
        }
    }

    private static boolean isCuedYear(int year) {
        return year >= FIRST_CUED_YEAR && year <= LAST_CUED_YEAR;
    }

    /**
     * Dates given relative to the publication day: أمس الاثنين، اليوم، أول أمس، يوم الثلاثاء (the last one on or
     * before publication), الخميس الماضي، الأحد المقبل، منذ يومين، أيلول الماضي، يونيو من العام المنصرم، العام
     * الماضي، الأسبوع الجاري (the month it falls in: a week is no precision of the record).
     */
    private void relative(List<DateMention> found, Lexicon.Scan scan, LocalDate reference, List<Span> monthSpans) {
        String folded = scan.text();
        for (MatchResult m : matchesAt(dayWord, folded, spans(scan.matches(dayWords)))) {
            LocalDate date = reference.plusDays(dayOffsets.get(m.group("word")));
            DayOfWeek named = m.group("weekday") == null ? null : weekdays.get(m.group("weekday"));
            found.add(new DateMention(m.start(), m.end(), date.toString(), Precision.DAY,
                    named != null && named != date.getDayOfWeek()));
        }
        List<Span> weekdaySpans = spans(scan.matches(weekdayNames));
        // from the weekday, and from the word before it: يوم الاثنين
        for (MatchResult m : matchesAt(weekday, folded, union(weekdaySpans, withWordBefore(folded, weekdaySpans)))) {
            if (isOneOf(wordBefore(folded, m.start()), words("NOUN_BEFORE")) || beforeADate(found, folded, m.end())) {
                continue;
            }
            DayOfWeek named = weekdays.get(m.group("weekday"));
            Relation relation = m.group("relation") == null ? null : relations.get(m.group("relation"));
            LocalDate date = relation == Relation.PAST ? reference.minusDays(1).with(TemporalAdjusters.previousOrSame(named))
                    : relation == Relation.FUTURE ? reference.with(TemporalAdjusters.next(named))
                    : reference.with(TemporalAdjusters.previousOrSame(named));
            found.add(new DateMention(m.start(), m.end(), date.toString(), Precision.DAY));
        }
        for (MatchResult m : matchesAt(daysAgo, folded, spans(scan.matches(agoWords)))) {
            found.add(new DateMention(m.start(), m.end(), reference.minusDays(days(m)).toString(), Precision.DAY));
        }
        for (MatchResult r : matchesAt(relativeMonth, folded, monthSpans)) {
            int month = months.get(r.group("month"));
            int year = yearOf(relations.get(r.group("relation")), r.group("ofYear") != null, reference, month, null);
            found.add(new DateMention(r.start(), r.end(), YearMonth.of(year, month).toString(), Precision.MONTH));
        }
        List<Span> relationSpans = spans(scan.matches(relationWords));
        List<Span> periodStarts = union(spans(scan.matches(thisWords)), withWordBefore(folded, relationSpans));
        for (MatchResult m : matchesAt(period, folded, periodStarts)) {
            String noun = m.group("thisPeriod") != null ? m.group("thisPeriod") : m.group("period");
            int step = m.group("relation") == null ? 0 : relations.get(m.group("relation")).step;
            if (words("YEAR_PERIOD").contains(noun)) {
                found.add(new DateMention(m.start(), m.end(), Integer.toString(reference.getYear() + step), Precision.YEAR));
            } else {
                LocalDate inPeriod = words("MONTH_PERIOD").contains(noun) ? reference.plusMonths(step)
                        : words("DAYS_PERIOD").contains(noun) ? reference.plusDays(step) : reference.plusWeeks(step);
                found.add(new DateMention(m.start(), m.end(), YearMonth.from(inPeriod).toString(), Precision.MONTH));
            }
        }
    }

    /**
     * A day of a month (13 يونيو، الفاتح من فيفري 2024, the first of a range: من 3 إلى 5 مارس): its year is
     * written, after it or after the range it starts, or named relative to publication (يونيو الماضي، من العام
     * الماضي), or taken from publication. A day of «the month» (11 من الشهر الجاري) takes the month publication
     * puts it in; a day of «the same month» waits for the dates around it.
     */
    private void dayOfMonth(List<DateMention> found, List<DayOfSameMonth> ofSameMonth, MatchResult r, int day,
                            LocalDate reference) {
        if (day < 1 || day > 31) {
            return; // «0 يونيو» is no day
        }
        if (r.group("sameMonth") != null) {
            ofSameMonth.add(new DayOfSameMonth(r.start(), r.end(), day));
            return;
        }
        if (r.group("monthRelation") != null) {
            if (reference != null) {
                YearMonth month = YearMonth.from(reference).plusMonths(relations.get(r.group("monthRelation")).step);
                day(found, r, month.getYear(), month.getMonthValue(), day);
            }
            return;
        }
        int month = months.get(r.group("month"));
        if (r.group("year") != null) {
            day(found, r, Integer.parseInt(r.group("year")), month, day);
        } else if (r.group("rangeYear") != null) {
            // من 28 ديسمبر إلى 3 يناير 2024 starts in the year before
            boolean startsYearBefore = month > months.get(r.group("toMonth"));
            day(found, r, Integer.parseInt(r.group("rangeYear")) - (startsYearBefore ? 1 : 0), month, day);
        } else if (reference != null) {
            Relation relation = r.group("relation") == null ? null : relations.get(r.group("relation"));
            day(found, r, yearOf(relation, r.group("ofYear") != null, reference, month, day), month, day);
        }
    }

    /**
     * The year of a month, or a day and month, written without one. Named with its year (من العام الماضي): that
     * year. With a relative word: the last one on or before publication (الماضي; a month: before the publication
     * month), the publication year (الجاري), the first one on or after publication (المقبل). With none: the
     * publication year, unless that puts the day clearly after publication: a report tells what happened.
     */
    private static int yearOf(Relation relation, boolean namesYear, LocalDate reference, int month, Integer day) {
        int year = reference.getYear();
        if (namesYear) {
            return year + relation.step;
        }
        if (day == null) {
            int compared = Integer.compare(month, reference.getMonthValue());
            return switch (relation) {
                case PAST -> compared >= 0 ? year - 1 : year;
                case CURRENT -> year;
                case FUTURE -> compared <= 0 ? year + 1 : year;
            };
        }
        // the 29th of February of a year without one is checked by the caller
        LocalDate thisYear = YearMonth.of(year, month).atDay(Math.min(day, YearMonth.of(year, month).lengthOfMonth()));
        if (relation == null) {
            return thisYear.isAfter(reference.plusDays(DAYS_AHEAD_OF_PUBLICATION)) ? year - 1 : year;
        }
        return switch (relation) {
            case PAST -> thisYear.isAfter(reference) ? year - 1 : year;
            case CURRENT -> year;
            case FUTURE -> thisYear.isBefore(reference) ? year + 1 : year;
        };
    }

    private record Span(int start, int end) {
    }

    /** Where the matches are. */
    private static List<Span> spans(List<? extends Lexicon.Match<?>> matches) {
        return matches.stream().map(m -> new Span(m.start(), m.end())).toList();
    }

    /** Both lists of spans, by start; of spans starting at the same offset, the one reaching furthest. */
    private static List<Span> union(List<Span> some, List<Span> others) {
        TreeMap<Integer, Integer> starts = new TreeMap<>();
        for (List<Span> spans : List.of(some, others)) {
            spans.forEach(span -> starts.merge(span.start(), span.end(), Math::max));
        }
        return starts.entrySet().stream().map(start -> new Span(start.getKey(), start.getValue())).toList();
    }

    /** The folded word right before {@code offset}, or "" when there is none. */
    private static String wordBefore(String folded, int offset) {
        int start = NormalizedText.previousWordStart(folded, offset, 0);
        return start < 0 ? "" : folded.substring(start, offset).strip();
    }

    /** The folded word right after {@code offset} and the spaces after it, or "" when there is none. */
    private static String wordAfter(String folded, int offset) {
        int start = offset;
        while (start < folded.length() && NormalizedText.isWhitespace(folded.charAt(start))) {
            start++;
        }
        return folded.substring(start, NormalizedText.wordEnd(folded, start, folded.length()));
    }

    /** Whether {@code word}, or {@code word} without a clitic (ورؤيه، لرؤيه), is one of {@code words}. */
    private static boolean isOneOf(String word, Set<String> words) {
        return words.contains(word) || word.length() > 1 && "وفبل".indexOf(word.charAt(0)) >= 0 && words.contains(word.substring(1));
    }

    /** Every run of digits. */
    private static List<Span> digitRuns(String folded) {
        List<Span> runs = new ArrayList<>();
        for (int i = 0; i < folded.length(); i++) {
            if (NormalizedText.isDigit(folded.charAt(i))) {
                int start = i;
                while (i < folded.length() && NormalizedText.isDigit(folded.charAt(i))) {
                    i++;
                }
                runs.add(new Span(start, i));
            }
        }
        return runs;
    }

    /** The numbers of {@code minDigits} to {@code maxDigits} digits right before a / . or -: where a numeric date may start. */
    private static List<Span> beforeDateSeparator(String folded, List<Span> numbers, int minDigits, int maxDigits) {
        List<Span> found = new ArrayList<>();
        for (Span number : numbers) {
            int digits = number.end() - number.start();
            if (digits >= minDigits && digits <= maxDigits && number.end() < folded.length()
                    && "/.-".indexOf(folded.charAt(number.end())) >= 0) {
                found.add(number);
            }
        }
        return found;
    }

    /**
     * Where a day may be written before a month name (13 يونيو، 13 و14 من شهر يونيو): each number of one or two
     * digits that starts at most 24 chars before a month name, up to the end of that month name.
     */
    private static List<Span> daysBefore(List<Span> numbers, List<Span> months) {
        List<Span> days = new ArrayList<>();
        for (Span number : numbers) {
            if (number.end() - number.start() <= 2) {
                months.stream().filter(month -> month.start() > number.start() && month.start() - number.start() <= 24)
                        .findFirst().ifPresent(month -> days.add(new Span(number.start(), month.end())));
            }
        }
        return days;
    }

    /** Each span from the start of the word before it; the spans with no word right before them are left out. */
    private static List<Span> withWordBefore(String folded, List<Span> spans) {
        List<Span> found = new ArrayList<>();
        for (Span span : spans) {
            int before = NormalizedText.previousWordStart(folded, span.start(), 0);
            if (before >= 0) {
                found.add(new Span(before, span.end()));
            }
        }
        return found;
    }

    /** The spans (in text order) extended by {@code after} chars, merged where they touch. */
    private static List<Span> extendedBy(List<Span> spans, int after) {
        List<Span> windows = new ArrayList<>();
        for (Span span : spans) {
            int start = span.start();
            int end = span.end() + after;
            if (!windows.isEmpty() && windows.getLast().end() >= start) {
                windows.set(windows.size() - 1, new Span(windows.getLast().start(), end));
            } else {
                windows.add(new Span(start, end));
            }
        }
        return windows;
    }

    /** The match of {@code pattern} at the start of each span (reaching up to 48 chars past its end), if any. */
    private static List<MatchResult> matchesAt(Pattern pattern, String folded, List<Span> spans) {
        List<MatchResult> results = new ArrayList<>();
        Matcher matcher = pattern.matcher(folded).useTransparentBounds(true);
        for (Span span : spans) {
            matcher.region(span.start(), Math.min(folded.length(), span.end() + 48));
            if (matcher.lookingAt()) {
                results.add(matcher.toMatchResult());
            }
        }
        return results;
    }

    /** Every match of {@code pattern} inside the windows; lookbehinds still see the text around them. */
    private static List<MatchResult> matchesIn(Pattern pattern, String folded, List<Span> windows) {
        List<MatchResult> results = new ArrayList<>();
        Matcher matcher = pattern.matcher(folded).useTransparentBounds(true);
        for (Span window : windows) {
            matcher.region(window.start(), Math.min(folded.length(), window.end()));
            while (matcher.find()) {
                results.add(matcher.toMatchResult());
            }
        }
        return results;
    }

    /** A day written after a weekday name (الاثنين 13 ماي 2024) must fall on it; a conflict is flagged. */
    private DateMention withWeekdayCheck(DateMention mention, String folded) {
        if (mention.precision() != Precision.DAY || mention.weekdayConflict()) {
            return mention;
        }
        Matcher before = weekdayBeforeDate.matcher(folded.substring(Math.max(0, mention.start() - 16), mention.start()));
        if (!before.find()) {
            return mention;
        }
        DayOfWeek named = weekdays.get(before.group(1));
        boolean conflict = named != LocalDate.parse(mention.value()).getDayOfWeek();
        return new DateMention(mention.start(), mention.end(), mention.value(), mention.precision(), conflict);
    }

    private static void day(List<DateMention> found, MatchResult m, int year, int month, int day) {
        if (month >= 1 && month <= 12 && day >= 1 && day <= YearMonth.of(year, month).lengthOfMonth()) {
            found.add(new DateMention(m.start(), m.end(), LocalDate.of(year, month, day).toString(), Precision.DAY));
        }
    }

    /** What may stand between a weekday and the date it names: «السبت، الرابع من يونيو». */
    private static final Pattern WEEKDAY_TO_DATE = Pattern.compile("[\\s،,]*");

    /** Whether a date found starts right after {@code end}: a weekday written there (السبت الرابع من يونيو) is part of it. */
    private static boolean beforeADate(List<DateMention> found, String folded, int end) {
        return found.stream().anyMatch(date -> date.start() >= end && WEEKDAY_TO_DATE.matcher(folded).region(end, date.start()).matches());
    }

    /** Keeps the most precise of overlapping mentions (13 يونيو 2022 over يونيو 2022 over 2022). */
    private static List<DateMention> withoutOverlaps(List<DateMention> found) {
        found.sort(Comparator.comparingInt((DateMention d) -> d.precision().ordinal()).thenComparingInt(DateMention::start));
        List<DateMention> kept = new ArrayList<>();
        for (DateMention candidate : found) {
            if (kept.stream().noneMatch(k -> k.start() < candidate.end() && candidate.start() < k.end())) {
                kept.add(candidate);
            }
        }
        kept.sort(Comparator.comparingInt(DateMention::start));
        return kept;
    }
}

package org.rasd.ingest.parsing;

import java.text.DateFormatSymbols;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds dates in folded text: the month names of every Arabic region (from the JDK's CLDR data, plus the
 * curated {@code months.tsv}), English month names, numeric forms, and years named as such (سنة 2024).
 */
public final class DateFinder {

    /** Locales whose CLDR month names differ: Morocco, Algeria and Tunisia, the Levant and Iraq, Egypt and the Gulf. */
    private static final List<Locale> MONTH_LOCALES = List.of("ar", "ar-MA", "ar-DZ", "ar-TN", "ar-LB", "ar-SY",
            "ar-IQ", "ar-JO", "ar-EG", "ar-SA", "en").stream().map(Locale::forLanguageTag).toList();

    private final Map<String, Integer> months = new HashMap<>();
    /** Folded CLDR weekday names (الاثنين …), Monday = 1. */
    private final Map<String, DayOfWeek> weekdays = new HashMap<>();
    private final Pattern yesterdayOrToday;
    private final Pattern namedWeekday;
    private final Pattern weekdayBeforeDate;
    private final Pattern relativeMonth;
    /** A word every relative date holds (أمس، اليوم، الماضي، a weekday): those patterns are tried at it and at the word before it. */
    private final Lexicon.Category<Boolean> relativeAnchors;
    /** Month names, so that the month patterns only run where a month is named. */
    private final Lexicon.Category<Integer> monthNames;
    private final Pattern relativePeriod;
    /** The folded words of {@code relative-dates.tsv}, by kind. */
    private final Map<String, List<String>> relativeWords = new HashMap<>();
    private final Pattern dayMonthYear;
    private final Pattern monthYear;
    private final Pattern monthDayYear;
    /** A year named as such, and a second one coordinated with it (في سنتي 2014 و2018). */
    private static final Pattern YEAR = Pattern.compile(
            "(?:سنه|سنتي|عام|عامي|خلال|في|العام)\\s+(\\d{4})(?!\\d)(?:\\s*و\\s*(\\d{4})(?!\\d))?");
    private static final Pattern NUMERIC = Pattern.compile("(?<!\\d)(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})(?!\\d)");
    /** Year first: ISO 2024-08-21 and the 2024/08/21 of many date lines. */
    private static final Pattern YEAR_FIRST = Pattern.compile("(?<!\\d)(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})(?!\\d)");

    public enum Precision { DAY, MONTH, YEAR }

    /**
     * A date found at folded offsets {@code [start, end)}; {@code weekdayConflict} when the text names a weekday
     * that the date does not fall on.
     */
    public record DateMention(int start, int end, String value, Precision precision, boolean weekdayConflict) {
        DateMention(int start, int end, String value, Precision precision) {
            this(start, end, value, precision, false);
        }
    }

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
        for (Lexicons.Row row : Lexicons.table("relative-dates.tsv")) {
            relativeWords.computeIfAbsent(row.get("kind"), kind -> new ArrayList<>()).add(NormalizedText.fold(row.get("word")));
        }
        String[] weekdayNames = DateFormatSymbols.getInstance(Locale.forLanguageTag("ar")).getWeekdays();
        for (int calendarDay = 1; calendarDay <= 7; calendarDay++) {
            // java.util.Calendar counts from Sunday = 1
            weekdays.put(NormalizedText.fold(weekdayNames[calendarDay]), DayOfWeek.SUNDAY.plus(calendarDay - 1));
        }
        String weekdayNamesPattern = String.join("|", weekdays.keySet());
        String past = alternatives(relativeWords("PAST"));
        String pastOrCurrent = alternatives(relativeWords("PAST", "CURRENT"));
        yesterdayOrToday = Pattern.compile("(?<![\\p{L}])" + alternatives(relativeWords("YESTERDAY", "TODAY"))
                + "(?:\\s+(?:يوم\\s+)?(" + weekdayNamesPattern + "))?(?![\\p{L}])(?!\\s*\\d)");
        namedWeekday = Pattern.compile("(?<![\\p{L}])(?:يوم\\s+(" + weekdayNamesPattern + ")(?:\\s+" + past + ")?|("
                + weekdayNamesPattern + ")\\s+" + past + ")(?![\\p{L}])(?!\\s*\\d)");
        weekdayBeforeDate = Pattern.compile("(" + weekdayNamesPattern + ")\\s*[،,]?\\s*$");
        relativePeriod = Pattern.compile("(?<![\\p{L}])(العام|السنه|الشهر|الاسبوع)\\s+" + pastOrCurrent + "(?![\\p{L}])");
        monthNames = lexicon.add(months, true);
        Map<String, Boolean> anchors = new HashMap<>();
        // «العام» and «يوم» are too common to anchor on; the word after them (الماضي، الجاري) is rarer
        relativeWords.values().forEach(words -> words.forEach(word -> anchors.put(word, true)));
        weekdays.keySet().forEach(weekday -> anchors.put(weekday, true));
        relativeAnchors = lexicon.add(anchors, true);
        String monthNames = months.keySet().stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote)
                .collect(Collectors.joining("|"));
        String day = "(?<!\\d)(\\d{1,2})(?:\\s*(?:و|-|الى)\\s*\\d{1,2})?";
        String year = "(?:\\s*,?\\s*(?:من\\s+)?(?:سنه|عام|العام)?\\s*(\\d{4})(?!\\d))?";
        dayMonthYear = Pattern.compile(day + "\\s+(?:من\\s+)?(?:شهر\\s+)?(" + monthNames + ")(?![\\p{L}])" + year);
        monthYear = Pattern.compile("(?<![\\p{L}])(" + monthNames + ")(?![\\p{L}])\\s*(?:من\\s+)?(?:سنه|عام|العام)?\\s*(\\d{4})(?!\\d)");
        relativeMonth = Pattern.compile("(?<![\\p{L}])(" + monthNames + ")\\s+(?:من\\s+(?:العام|السنه)\\s+)?"
                + pastOrCurrent + "(?![\\p{L}])");
        monthDayYear = Pattern.compile("(?<![\\p{L}])(" + monthNames + ")\\s+(\\d{1,2}),?\\s+(\\d{4})(?!\\d)");
    }

    private List<String> relativeWords(String... kinds) {
        return Stream.of(kinds).flatMap(kind -> relativeWords.getOrDefault(kind, List.of()).stream()).toList();
    }

    /** A capturing group of the words, longest first so that الماضيه is not read as الماضي. */
    private static String alternatives(List<String> words) {
        return words.stream().sorted(Comparator.comparingInt(String::length).reversed()).map(Pattern::quote)
                .collect(Collectors.joining("|", "(", ")"));
    }

    private void addMonths(String[] names) {
        for (int i = 0; i < 12; i++) {
            if (!names[i].isBlank()) {
                months.put(NormalizedText.fold(names[i].replace(".", "")), i + 1);
            }
        }
    }

    /**
     * Every date in a scanned text, in text order. A day without a year takes the year of {@code reference}
     * (the publication date) when there is one, and is dropped when there is none.
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
        for (MatchResult r : matchesAt(dayMonthYear, folded, daysBefore(numbers, monthSpans))) {
            int month = months.get(r.group(2));
            Integer year = r.group(3) != null ? Integer.valueOf(r.group(3)) : reference != null ? reference.getYear() : null;
            if (year != null) {
                day(found, r, year, month, Integer.parseInt(r.group(1)));
            }
        }
        for (MatchResult r : matchesAt(monthDayYear, folded, monthSpans)) {
            day(found, r, Integer.parseInt(r.group(3)), months.get(r.group(1)), Integer.parseInt(r.group(2)));
        }
        for (MatchResult r : matchesAt(monthYear, folded, monthSpans)) {
            YearMonth yearMonth = YearMonth.of(Integer.parseInt(r.group(2)), months.get(r.group(1)));
            found.add(new DateMention(r.start(), r.end(), yearMonth.toString(), Precision.MONTH));
        }
        // from the word before a year (سنة، وفي) to far enough for a second year after it (و2018)
        List<Span> yearWindows = extendedBy(withWordBefore(folded, numbers.stream().filter(n -> n.end() - n.start() == 4).toList()), 16);
        for (MatchResult r : matchesIn(YEAR, folded, yearWindows)) {
            found.add(new DateMention(r.start(1), r.end(1), r.group(1), Precision.YEAR));
            if (r.group(2) != null) {
                found.add(new DateMention(r.start(2), r.end(2), r.group(2), Precision.YEAR));
            }
        }
        if (reference != null) {
            relative(found, folded, reference, monthSpans, spans(scan.matches(relativeAnchors)));
        }
        found.replaceAll(mention -> withWeekdayCheck(mention, folded));
        // "0000" reads as four digits but is no year anyone reports, and no date PostgreSQL keeps
        found.removeIf(date -> date.value().startsWith("0000"));
        return withoutOverlaps(found);
    }

    /**
     * Dates given relative to the publication day: أمس الاثنين، اليوم، يوم الثلاثاء (the last one on or before
     * publication), الخميس الماضي، أيلول الماضي، يونيو من العام المنصرم، العام الماضي، الأسبوع الجاري (the month it
     * falls in: a week is no precision of the record).
     */
    private void relative(List<DateMention> found, String folded, LocalDate reference, List<Span> monthSpans,
                          List<Span> anchors) {
        // the patterns start at a word: the anchor, or the word before it (يوم الاثنين، العام الماضي)
        TreeMap<Integer, Integer> starts = new TreeMap<>();
        for (Span start : anchors) {
            starts.merge(start.start(), start.end(), Math::max);
        }
        for (Span start : withWordBefore(folded, anchors)) {
            starts.merge(start.start(), start.end(), Math::max);
        }
        List<Span> withWordBefore = starts.entrySet().stream().map(start -> new Span(start.getKey(), start.getValue())).toList();
        for (MatchResult m : matchesAt(yesterdayOrToday, folded, anchors)) {
            LocalDate date = relativeWords("YESTERDAY").contains(m.group(1)) ? reference.minusDays(1) : reference;
            DayOfWeek named = m.group(2) == null ? null : weekdays.get(m.group(2));
            found.add(new DateMention(m.start(), m.end(), date.toString(), Precision.DAY,
                    named != null && named != date.getDayOfWeek()));
        }
        for (MatchResult m : matchesAt(namedWeekday, folded, withWordBefore)) {
            DayOfWeek named = weekdays.get(m.group(1) != null ? m.group(1) : m.group(3));
            boolean strictlyBefore = m.group(2) != null || m.group(4) != null;
            LocalDate date = reference.minusDays(strictlyBefore ? 1 : 0)
                    .with(TemporalAdjusters.previousOrSame(named));
            found.add(new DateMention(m.start(), m.end(), date.toString(), Precision.DAY));
        }
        for (MatchResult r : matchesAt(relativeMonth, folded, monthSpans)) {
            int month = months.get(r.group(1));
            boolean current = relativeWords("CURRENT").contains(r.group(2));
            boolean ofLastYear = r.group().contains("العام") || r.group().contains("السنه");
            int year;
            if (current) {
                year = reference.getYear();
            } else if (ofLastYear || month >= reference.getMonthValue()) {
                year = reference.getYear() - 1;
            } else {
                year = reference.getYear();
            }
            found.add(new DateMention(r.start(), r.end(), YearMonth.of(year, month).toString(), Precision.MONTH));
        }
        for (MatchResult m : matchesAt(relativePeriod, folded, withWordBefore)) {
            boolean current = relativeWords("CURRENT").contains(m.group(2));
            String value = switch (m.group(1)) {
                case "العام", "السنه" -> Integer.toString(reference.getYear() - (current ? 0 : 1));
                case "الشهر" -> YearMonth.from(reference).minusMonths(current ? 0 : 1).toString();
                default -> YearMonth.from(reference.minusWeeks(current ? 0 : 1)).toString();
            };
            found.add(new DateMention(m.start(), m.end(), value,
                    m.group(1).equals("العام") || m.group(1).equals("السنه") ? Precision.YEAR : Precision.MONTH));
        }
    }

    private record Span(int start, int end) {
    }


    /** Where the matches are. */
    private static List<Span> spans(List<? extends Lexicon.Match<?>> matches) {
        return matches.stream().map(m -> new Span(m.start(), m.end())).toList();
    }

    /** Every run of digits. */
    private static List<Span> digitRuns(String folded) {
        List<Span> runs = new ArrayList<>();
        char[] text = folded.toCharArray(); // a loop over an array runs without String's per-char checks
        for (int i = 0; i < text.length; i++) {
            if (NormalizedText.isDigit(text[i])) {
                int start = i;
                while (i < text.length && NormalizedText.isDigit(text[i])) {
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

    /** The match of {@code pattern} at the start of each span (reaching up to 32 chars past its end), if any. */
    private static List<MatchResult> matchesAt(Pattern pattern, String folded, List<Span> spans) {
        List<MatchResult> results = new ArrayList<>();
        Matcher matcher = pattern.matcher(folded).useTransparentBounds(true);
        for (Span span : spans) {
            matcher.region(span.start(), Math.min(folded.length(), span.end() + 32));
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

package org.rasd.ingest.parsing;

import java.text.DateFormatSymbols;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds dates in folded text: the month names of every Arabic region (from the JDK's CLDR data, plus the
 * curated {@code months.tsv}), English month names, numeric forms, and years named as such (سنة 2024).
 */
public final class DateFinder {

    /** Locales whose CLDR month names differ: Morocco, Algeria and Tunisia, the Levant and Iraq, Egypt and the Gulf. */
    private static final List<Locale> MONTH_LOCALES = List.of("ar", "ar-MA", "ar-DZ", "ar-TN", "ar-LB", "ar-SY",
            "ar-IQ", "ar-JO", "ar-EG", "ar-SA", "en").stream().map(Locale::forLanguageTag).toList();

    private final Map<String, Integer> months = new HashMap<>();
    private final Pattern dayMonthYear;
    private final Pattern monthYear;
    private final Pattern monthDayYear;
    private static final Pattern YEAR = Pattern.compile("(?:سنه|عام|خلال|في|العام)\\s+(\\d{4})(?!\\d)");
    private static final Pattern NUMERIC = Pattern.compile("(?<!\\d)(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})(?!\\d)");
    private static final Pattern ISO = Pattern.compile("(?<!\\d)(\\d{4})-(\\d{2})-(\\d{2})(?!\\d)");

    public enum Precision { DAY, MONTH, YEAR }

    /** A date found at folded offsets {@code [start, end)}. */
    public record DateMention(int start, int end, String value, Precision precision) {
    }

    public DateFinder() {
        for (Locale locale : MONTH_LOCALES) {
            DateFormatSymbols symbols = DateFormatSymbols.getInstance(locale);
            addMonths(symbols.getMonths());
            addMonths(symbols.getShortMonths());
        }
        for (String[] row : Lexicons.rows("months.tsv")) {
            months.put(NormalizedText.fold(row[1]), Integer.parseInt(row[0]));
        }
        String monthNames = months.keySet().stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote)
                .collect(Collectors.joining("|"));
        String day = "(?<!\\d)(\\d{1,2})(?:\\s*(?:و|-|الى)\\s*\\d{1,2})?";
        String year = "(?:\\s*,?\\s*(?:من\\s+)?(?:سنه|عام|العام)?\\s*(\\d{4})(?!\\d))?";
        dayMonthYear = Pattern.compile(day + "\\s+(?:من\\s+)?(?:شهر\\s+)?(" + monthNames + ")(?![\\p{L}])" + year);
        monthYear = Pattern.compile("(?<![\\p{L}])(" + monthNames + ")(?![\\p{L}])\\s*(?:من\\s+)?(?:سنه|عام|العام)?\\s*(\\d{4})(?!\\d)");
        monthDayYear = Pattern.compile("(?<![\\p{L}])(" + monthNames + ")\\s+(\\d{1,2}),?\\s+(\\d{4})(?!\\d)");
    }

    private void addMonths(String[] names) {
        for (int i = 0; i < 12; i++) {
            if (!names[i].isBlank()) {
                months.put(NormalizedText.fold(names[i].replace(".", "")), i + 1);
            }
        }
    }

    /**
     * Every date in {@code folded}, in text order. A day without a year takes the year of {@code reference}
     * (the publication date) when there is one, and is dropped when there is none.
     */
    public List<DateMention> find(String folded, LocalDate reference) {
        List<DateMention> found = new ArrayList<>();
        Matcher m = ISO.matcher(folded);
        while (m.find()) {
            day(found, m, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        }
        m = NUMERIC.matcher(folded);
        while (m.find()) {
            day(found, m, Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
        }
        m = dayMonthYear.matcher(folded);
        while (m.find()) {
            int month = months.get(m.group(2));
            Integer year = m.group(3) != null ? Integer.valueOf(m.group(3)) : reference != null ? reference.getYear() : null;
            if (year != null) {
                day(found, m, year, month, Integer.parseInt(m.group(1)));
            }
        }
        m = monthDayYear.matcher(folded);
        while (m.find()) {
            day(found, m, Integer.parseInt(m.group(3)), months.get(m.group(1)), Integer.parseInt(m.group(2)));
        }
        m = monthYear.matcher(folded);
        while (m.find()) {
            YearMonth yearMonth = YearMonth.of(Integer.parseInt(m.group(2)), months.get(m.group(1)));
            found.add(new DateMention(m.start(), m.end(), yearMonth.toString(), Precision.MONTH));
        }
        m = YEAR.matcher(folded);
        while (m.find()) {
            found.add(new DateMention(m.start(1), m.end(), m.group(1), Precision.YEAR));
        }
        return withoutOverlaps(found);
    }

    private static void day(List<DateMention> found, Matcher m, int year, int month, int day) {
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

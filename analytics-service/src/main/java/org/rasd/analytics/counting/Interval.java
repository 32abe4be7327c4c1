package org.rasd.analytics.counting;

import org.rasd.support.incident.ActReport;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The buckets of a time series: a day, an ISO week (from Monday), a month or a year of the act's date. */
public enum Interval {
    DAY, WEEK, MONTH, YEAR;

    /** One bucket: its interval and first day. */
    public record Bucket(Interval interval, LocalDate start) {
    }

    /** The name of the interval in the API and in the tables' {@code span} column. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Interval of(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }

    /** The first day of the bucket that holds a day. */
    public LocalDate start(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
            case YEAR -> day.withDayOfYear(1);
        };
    }

    /** The first day of the next bucket, from a bucket's first day. */
    public LocalDate next(LocalDate start) {
        return switch (this) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
            case YEAR -> start.plusYears(1);
        };
    }

    /**
     * The buckets an act counts in, as precisely as its date says and no more: a day counts in its day, week,
     * month and year; a month in its month and year; a year in its year; an undated act in none.
     */
    static List<Bucket> bucketsOf(String date) {
        LocalDate[] period = ActReport.period(date);
        if (period == null) {
            return List.of();
        }
        List<Interval> intervals = switch (date.length()) {
            case 10 -> List.of(DAY, WEEK, MONTH, YEAR);
            case 7 -> List.of(MONTH, YEAR);
            default -> List.of(YEAR);
        };
        return intervals.stream().map(interval -> new Bucket(interval, interval.start(period[0]))).toList();
    }

    /**
     * Whether series of a country with a theme or a type are kept by this interval: by month and year only, since
     * each such row multiplies with the act's countries and themes, and analysts follow those by the month.
     */
    public boolean keepsCombinations() {
        return this == MONTH || this == YEAR;
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(Interval::label).toList();
    }
}

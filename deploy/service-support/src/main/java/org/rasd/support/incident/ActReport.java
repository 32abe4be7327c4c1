package org.rasd.support.incident;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What of a reported event says which real-world act it is: its type, who acted, with whom, when and where. Two
 * reports of the same act, from two outlets or two sentences, agree on these as {@link #sameActAs} defines.
 *
 * @param partners partner countries and organisations, as one set: a meeting with Spain and Interpol is not one
 *                 with Spain alone
 * @param first    the first day the date covers, or null when the report is undated
 * @param last     the last day: the same day, the month's end or the year's end
 * @param place    the country where it took place, or null when the report does not say
 */
public record ActReport(String type, String actor, SortedSet<String> partners, LocalDate first, LocalDate last,
                        String place) {

    /** The types of the taxonomy's MEETING family: a talk (MEET) reported elsewhere as the visit or the hosting. */
    private static final String MEET = "MEET";
    private static final Set<String> MEETING = Set.of(MEET, "VISIT", "HOST");
    /** A signing: both states sign it, so either side's outlet reports it with its own state acting. */
    private static final String AGREEMENT = "AGREEMENT";

    /** Days either side a day date still matches: outlets in other time zones, datelines written the day after. */
    private static final long DAY_TOLERANCE = 1;

    public ActReport {
        partners = Collections.unmodifiableSortedSet(new TreeSet<>(partners));
    }

    /**
     * @param date a date as the article record writes it: {@code YYYY-MM-DD}, {@code YYYY-MM}, {@code YYYY}, or
     *             null
     */
    public static ActReport of(String type, String actor, Collection<String> partners, String date, String place) {
        LocalDate[] period = period(date);
        return new ActReport(type, blankToNull(actor), new TreeSet<>(partners), period == null ? null : period[0],
                period == null ? null : period[1], blankToNull(place));
    }

    /** The first and last day of a record date, or null when there is none or it cannot be read. */
    public static LocalDate[] period(String date) {
        if (date == null) {
            return null;
        }
        try {
            return switch (date.length()) {
                case 10 -> new LocalDate[]{LocalDate.parse(date), LocalDate.parse(date)};
                case 7 -> new LocalDate[]{YearMonth.parse(date).atDay(1), YearMonth.parse(date).atEndOfMonth()};
                case 4 -> new LocalDate[]{Year.parse(date).atDay(1), Year.parse(date).atMonth(12).atEndOfMonth()};
                default -> null;
            };
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    /** Acts among many, whose organisations only took part: a report names some bodies of a conference, another others. */
    private static final Set<String> MULTILATERAL = Set.of("CONFERENCE", "ELECTION");
    /** A state's code: two capitals (ISO 3166, and XK for Kosovo), as the migrations test it; EU and UN are bodies. */
    private static final Pattern STATE = Pattern.compile("[A-Z]{2}");
    private static final Set<String> BODIES_OF_TWO_LETTERS = Set.of("EU", "UN");

    private static boolean isState(String code) {
        return STATE.matcher(code).matches() && !BODIES_OF_TWO_LETTERS.contains(code);
    }

    /**
     * The part of the signature that must be equal for two reports to be the same act, as one string: the catalog
     * looks candidates up by it. A meeting and its kinds share a key; {@link #sameActAs} tells them apart. Of a
     * conference or an election, only the partner countries (its convener) are in it, not the bodies a report names
     * (catalog migration V13 keys the stored incidents so). A meeting or a signing of two states is keyed by the two in
     * one order, whichever tells it: one side's outlet reports the visit that the other's reports as its hosting (V18),
     * and each signatory's the memorandum its own state signed (V19).
     */
    public String joinKey() {
        if (betweenTwoStates()) {
            String partner = partners.first();
            String family = MEETING.contains(type) ? "MEETING" : type;
            return actor.compareTo(partner) <= 0 ? family + "|" + actor + "|" + partner : family + "|" + partner + "|" + actor;
        }
        Collection<String> identifying = MULTILATERAL.contains(type) ? partners.stream().filter(ActReport::isState).toList() : partners;
        return (MEETING.contains(type) ? "MEETING" : type) + "|" + (actor == null ? "" : actor) + "|" + String.join(",", identifying);
    }

    /** A visit, a hosting, a talk or a signing between the actor and one other state. */
    private boolean betweenTwoStates() {
        return (MEETING.contains(type) || type.equals(AGREEMENT)) && actor != null && partners.size() == 1
                && isState(partners.first());
    }

    public boolean dated() {
        return first != null;
    }

    /**
     * Whether this and another report tell of one act. An undated report is an act of its own. Places must agree
     * unless both reports give the day: one pair's act of one type on one day is one act, and two places for it
     * are one report's misreading (the guest's country for the host's), kept among the incident's places.
     */
    public boolean sameActAs(ActReport other) {
        boolean typesAgree = Objects.equals(actor, other.actor) ? typesAgree(type, other.type) : otherSideOf(type, other.type);
        return joinKey().equals(other.joinKey()) && typesAgree && datesAgree(other)
                && (place == null || other.place == null || place.equals(other.place) || isDay() && other.isDay());
    }

    private static boolean typesAgree(String one, String other) {
        return one.equals(other) || one.equals(MEET) && MEETING.contains(other) || other.equals(MEET) && MEETING.contains(one);
    }

    /**
     * Whether two acts told by the two sides (their keys agree, so both are of one family) can be one act: a visit is
     * the other side's hosting, a talk either; two visits are a visit each way, two hostings a reception each way; a
     * signing is the other signatory's.
     */
    private static boolean otherSideOf(String one, String other) {
        return one.equals(MEET) || !one.equals(other) || one.equals(AGREEMENT);
    }

    /** Two days within the tolerance, or one period inside the other: a month or a year holds its days. */
    private boolean datesAgree(ActReport other) {
        if (!dated() || !other.dated()) {
            return false;
        }
        if (isDay() && other.isDay()) {
            return Math.abs(ChronoUnit.DAYS.between(first, other.first)) <= DAY_TOLERANCE;
        }
        return contains(other) || other.contains(this);
    }

    private boolean contains(ActReport other) {
        return !other.first.isBefore(first) && !other.last.isAfter(last);
    }

    public boolean isDay() {
        return dated() && first.equals(last);
    }

    /** Days the date spans: the smaller, the more precise; undated reports span the most. */
    public long span() {
        return dated() ? ChronoUnit.DAYS.between(first, last) + 1 : Long.MAX_VALUE;
    }

    /**
     * The signature of an act known from this report and another: the more specific type (a talk reported as a
     * visit is the visit) with its actor and partners (the side that hosted or went), the more precise date and the
     * place whichever report gives it.
     */
    public ActReport joinedWith(ActReport other) {
        ActReport specific = type.equals(MEET) && !other.type.equals(MEET) ? other : this;
        ActReport preciser = other.span() < span() ? other : this;
        return new ActReport(specific.type, specific.actor, specific.partners, preciser.first, preciser.last,
                place != null ? place : other.place);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

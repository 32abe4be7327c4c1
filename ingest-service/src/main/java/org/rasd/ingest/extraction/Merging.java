package org.rasd.ingest.extraction;

import org.rasd.ingest.record.Event;
import org.rasd.ingest.record.Event.Actor;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Coreference and merging: an act reported twice (a headline and its paragraph, a reception recalled later) is
 * one event, praise is dated by the meeting it reacts to, a signing or a decoration abroad is also the visit it
 * took, a look-back article dates what it leaves undated, and an act dated nowhere else took place on the occasion
 * reported before it.
 */
final class Merging {

    private Merging() {
    }

    /**
     * @param frame the year a look-back article covers, if it is one
     * @param lead where the lead's evidence lies (original offsets) and the day it reports, if the article is dated
     * @param headlineEnd where the headline ends (original offset), 0 when the article has none
     */
    static List<Draft> merged(List<Draft> drafts, Optional<Event.EventDate> frame, Optional<Lead> lead, int headlineEnd) {
        List<Draft> told = drafts.stream().map(draft -> draft.evidence().start() < headlineEnd ? draft.withoutHost() : draft).toList();
        List<Draft> acts = withOccasionDates(withRepeatsMerged(withSummariesSpreadOut(told)), draft -> true).stream().map(draft -> {
            // the lead's undated acts are the day's news; intelligence shared is dated by the operation it enabled,
            // which a lead's day does not tell
            boolean news = draft.date() == null && draft.type() != EventType.INTEL_SHARING
                    && lead.filter(l -> l.holds(draft.evidence())).isPresent();
            return news ? draft.withDate(lead.get().day()) : draft;
        }).toList();
        // an occasion the lead has just dated dates what was signed or said at it, reported further down
        List<Draft> placed = withRepeatsMerged(withVisitsOfActsAbroad(withMeetingsNamedByTheirPlace(
                withPlacesOfTheDay(withOccasionPlaces(withOccasionDates(acts, Merging::signedOrSpoken), headlineEnd)))));
        return withDatesOfTheActBefore(placed.stream()
                .map(draft -> draft.date() != null ? draft : frame.map(draft::withDate).orElse(draft)).toList())
                .stream().map(Draft::withMonthIfUnderWay).toList(); // however a visit under way got its day
    }

    /**
     * Talks are named by where they took place, once merging has placed them (by their occasion or their day) as
     * their own sentence does: in the subject's country a reception, in the one partner's a visit. Talks beside a
     * gathering the subject hosts are receptions too (the corpus notes of the annotation guide).
     */
    private static List<Draft> withMeetingsNamedByTheirPlace(List<Draft> drafts) {
        return drafts.stream().map(draft -> {
            if (draft.type() != EventType.MEET || draft.location() == null || draft.subject() == null) {
                return draft;
            }
            String place = draft.location().country();
            if (place.equals(draft.subject())) {
                return draft.withType(EventType.HOST);
            }
            return draft.partners().equals(List.of(place)) ? draft.withType(EventType.VISIT) : draft;
        }).toList();
    }

    /**
     * A signing or a decoration that took place in the one partner's country took the subject there: it is also a
     * visit (the subject is in the partner's country), which another report of the visit then merges with. Not one
     * recalled as background (وكان البلدان قد وقعا في أنقرة …): the article counts that act, not a trip it does not tell.
     */
    private static List<Draft> withVisitsOfActsAbroad(List<Draft> drafts) {
        List<Draft> all = new ArrayList<>();
        for (Draft draft : drafts) {
            all.add(draft);
            boolean handedOver = draft.type() == EventType.AGREEMENT || draft.type() == EventType.HONOR;
            if (handedOver && !draft.recalled() && draft.partners().size() == 1 && draft.location() != null
                    && draft.location().country().equals(draft.partners().getFirst())) {
                all.add(draft.withType(EventType.VISIT));
            }
        }
        return all;
    }

    /**
     * An act the article gives no date at all, nor any other report of it, took place on the occasion reported just
     * before it (the talks of the day a visit began, the signing that followed a reception): it takes the date of
     * the last dated act above it. Not an act recalled from earlier (في وقت سابق), nor intelligence shared, which is
     * dated by its own operation and dates nothing else.
     */
    private static List<Draft> withDatesOfTheActBefore(List<Draft> drafts) {
        return drafts.stream().map(draft -> {
            if (draft.date() != null || draft.recalled() || draft.type() == EventType.INTEL_SHARING) {
                return draft;
            }
            int at = draft.evidence().start();
            return drafts.stream().filter(other -> other.date() != null && other.evidence().start() < at
                            && other.type() != EventType.INTEL_SHARING)
                    .max(Comparator.comparingInt(other -> other.evidence().start()))
                    .map(before -> draft.withDate(before.date())).orElse(draft);
        }).toList();
    }

    /** The lead paragraph, in original offsets, and the publication day that dates what it leaves undated. */
    record Lead(int start, int end, Event.EventDate day) {
        boolean holds(Event.Evidence evidence) {
            return evidence.start() >= start && evidence.end() <= end;
        }
    }

    /**
     * A meeting with several partners at once whose every partner the article also reports meeting one by one
     * («يستقبل نظراءه السعودي والعماني» above «استقبل … ثم استقبل تباعا …») sums up those separate meetings: it is no
     * act of its own, and gives them the date and place they lack. Parties that sign together sign one agreement:
     * its signatories named one by one with no date of their own («ووقع البروتوكول كل من وزير خارجية تشاد … ورئيس …»)
     * are no agreements of their own.
     */
    private static List<Draft> withSummariesSpreadOut(List<Draft> all) {
        if (all.stream().allMatch(draft -> draft.partners().size() < 2)) {
            return all; // the common case
        }
        List<Draft> drafts = all.stream().filter(single -> !(single.type() == EventType.AGREEMENT && single.partners().size() == 1
                && single.date() == null
                && all.stream().anyMatch(joint -> joint.type() == EventType.AGREEMENT && joint.partners().size() > 1
                        && joint.partners().contains(single.partners().getFirst()) && sameAct(single, joint.withPartners(single.partners())))))
                .toList();
        List<Draft> summaries = drafts.stream().filter(summary -> summary.type().meeting() && summary.partners().size() > 1
                && summary.partners().stream().allMatch(partner -> drafts.stream()
                        .anyMatch(one -> sameAct(one, summary.withPartners(List.of(partner))))))
                .toList();
        if (summaries.isEmpty()) {
            return drafts;
        }
        return drafts.stream().filter(draft -> !summaries.contains(draft)).map(draft -> summaries.stream()
                .filter(summary -> draft.partners().size() == 1 && sameAct(draft, summary.withPartners(draft.partners())))
                .findFirst().map(draft::withGapsFilledFrom).orElse(draft)).toList();
    }

    private static List<Draft> withRepeatsMerged(List<Draft> drafts) {
        List<Draft> kept = new ArrayList<>();
        for (Draft draft : drafts) {
            int same = -1;
            for (int i = 0; i < kept.size() && same < 0; i++) {
                if (sameAct(kept.get(i), draft)) {
                    same = i;
                }
            }
            if (same < 0) {
                kept.add(draft);
            } else {
                kept.set(same, mergedWith(kept.get(same), draft));
            }
        }
        return kept;
    }

    /**
     * The same act with the same partners, where neither the dates nor the places differ: the same type, or a
     * meeting and one of its kinds (a visit or a reception is also a meeting; a visit is never a reception). A
     * conference whose convener one report leaves unnamed has the partners of the other.
     */
    static boolean sameAct(Draft one, Draft other) {
        boolean sameKind = one.type() == other.type() || one.type().meeting() && other.type().meeting()
                && (one.type() == EventType.MEET || other.type() == EventType.MEET);
        // a conference's partner is its convener, which one report may leave unnamed
        boolean conveners = one.type().multilateral() && (one.partners().isEmpty() || other.partners().isEmpty());
        // the subject's two officials who each received the guest held two receptions
        boolean twoHosts = one.type() == EventType.HOST && other.type() == EventType.HOST && !one.evidence().equals(other.evidence())
                && !one.host().isEmpty() && !other.host().isEmpty() && Collections.disjoint(one.host(), other.host());
        return sameKind && !twoHosts && (conveners || sameParties(one, other))
                && (one.date() == null || other.date() == null || one.date().equals(other.date()) || oneStay(one, other))
                && (one.location() == null || other.location() == null || one.location().country().equals(other.location().country()));
    }

    /** How many days apart the reports of one stay abroad may date it: the arrival, then the talks of the next days. */
    private static final int DAYS_OF_A_STAY = 3;

    /** Whether a visit and another report of the same trip are dated to days of one stay: one VISIT per country. */
    private static boolean oneStay(Draft one, Draft other) {
        return (one.type() == EventType.VISIT || other.type() == EventType.VISIT)
                && EventDating.ofADay(one.date()) && EventDating.ofADay(other.date())
                && Math.abs(ChronoUnit.DAYS.between(LocalDate.parse(one.date().value()), LocalDate.parse(other.date().value()))) <= DAYS_OF_A_STAY;
    }

    /** The same partners, in whatever order they were named (partners hold no repeats). */
    private static boolean sameParties(Draft one, Draft other) {
        return one.partners().size() == other.partners().size() && one.partners().containsAll(other.partners());
    }

    /** Whether a report dates its act to a day and says nothing of it being under way: it tells a visit's first day. */
    private static boolean toldItsDay(Draft report) {
        return !report.underWay() && EventDating.ofADay(report.date());
    }

    /**
     * One event from two reports of it: the dated report's evidence, the more specific kind, every detail; under
     * way when a report says so and neither tells its first day (وكان قد حط في بغداد السبت الماضي).
     */
    private static Draft mergedWith(Draft one, Draft other) {
        Draft main = one.date() == null && other.date() != null ? other : one;
        Draft second = main == one ? other : one;
        Draft kind = main.type() == EventType.MEET ? second : main;
        Map<String, Actor> allNamed = new HashMap<>(second.named());
        allNamed.putAll(main.named());
        List<String> partners = main.partners().isEmpty() ? second.partners() : main.partners();
        return new Draft(kind.type(), kind.subject(), partners, allNamed, union(main.organisations(), second.organisations()),
                earliest(main.date(), second.date()),
                kind.location() != null ? kind.location() : main.location() != null ? main.location() : second.location(),
                union(main.themes(), second.themes()), main.evidence(), Math.max(main.confidence(), second.confidence()),
                main.nowhere() || second.nowhere(), main.recalled() && second.recalled(),
                (main.underWay() || second.underWay()) && !toldItsDay(main) && !toldItsDay(second),
                main.host().isEmpty() ? second.host() : main.host());
    }

    /** A stay is dated by its first day; else the one date given. */
    private static Event.EventDate earliest(Event.EventDate one, Event.EventDate other) {
        if (one == null || other == null) {
            return one != null ? one : other;
        }
        return EventDating.ofADay(one) && EventDating.ofADay(other) && other.value().compareTo(one.value()) < 0 ? other : one;
    }

    private static List<String> union(List<String> first, List<String> second) {
        LinkedHashSet<String> all = new LinkedHashSet<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }

    /**
     * An agreement or a praise with no place was signed or spoken where its parties met: at the nearest meeting,
     * decoration or signing with the same partners, on the same day when both are dated. A praise written (a tweet)
     * happened nowhere.
     */
    private static List<Draft> withOccasionPlaces(List<Draft> drafts, int headlineEnd) {
        return drafts.stream().map(draft -> {
            if (!signedOrSpoken(draft) || draft.location() != null || draft.nowhere() || draft.partners().isEmpty()) {
                return draft;
            }
            // a praise reacts to a meeting reported before it, unless the headline announces it, first or beside the
            // meeting (وزير الداخلية يستقبل نظيره التركي.. ويرلي كايا يشيد بجهود …)
            boolean headline = draft == drafts.getFirst() || draft.evidence().start() < headlineEnd;
            boolean reacting = draft.type() == EventType.PRAISE && !headline;
            return nearest(drafts, draft, other -> occasion(other) && other.location() != null
                    && (draft.date() == null || other.date() == null || draft.date().equals(other.date()))
                    && (!reacting || other.evidence().start() < draft.evidence().start()))
                    .map(meeting -> draft.withLocation(meeting.location()))
                    .orElse(draft);
        }).toList();
    }

    /**
     * Talks or a signing with no place of their own, on a day every placed act of the subject took place in one
     * country (a visit, a conference, a reception), took place there. A praise is placed only by its meeting: said
     * before it, it is a remark made anywhere.
     */
    private static List<Draft> withPlacesOfTheDay(List<Draft> drafts) {
        return drafts.stream().map(draft -> {
            if (draft.location() != null || draft.nowhere() || !EventDating.ofADay(draft.date())
                    || !(draft.type() == EventType.MEET || draft.type() == EventType.AGREEMENT)) {
                return draft;
            }
            List<Event.Location> places = drafts.stream().filter(other -> other != draft && other.location() != null
                    && draft.date().equals(other.date())).map(Draft::location).toList();
            return places.stream().map(Event.Location::country).distinct().count() == 1 ? draft.withLocation(places.getFirst()) : draft;
        }).toList();
    }

    /** An act that parties meet at, where what is signed or said there is: a meeting, a decoration, a signing. */
    private static boolean occasion(Draft draft) {
        return draft.type().meeting() || draft.type() == EventType.HONOR || draft.type() == EventType.AGREEMENT;
    }

    /** An agreement or a praise: an act signed or spoken at a meeting. */
    private static boolean signedOrSpoken(Draft draft) {
        return draft.type() == EventType.AGREEMENT || draft.type() == EventType.PRAISE;
    }

    /** The draft with the same partners that {@code which} accepts, nearest to {@code draft}, the ones before it first. */
    private static Optional<Draft> nearest(List<Draft> drafts, Draft draft, Predicate<Draft> which) {
        int at = draft.evidence().start();
        return drafts.stream()
                .filter(other -> other != draft && sameParties(other, draft) && which.test(other))
                .min(Comparator.comparingInt((Draft other) -> other.evidence().start() <= at ? 0 : 1)
                        .thenComparingInt(other -> Math.abs(other.evidence().start() - at)));
    }

    /**
     * An act that gives no date of its own, with partners the article reports another act with, belongs to the
     * same occasion (praise reacting to a meeting, a reception recalled beside the agreement signed at it): it
     * takes the date of the nearest dated act with the same partners, the one before it first. Intelligence
     * shared is an operation of its own, on no occasion; an act recalled from earlier (سبق أن) is the occasion of
     * no act the article reports as news. Only the undated acts {@code which} accepts are dated.
     */
    private static List<Draft> withOccasionDates(List<Draft> drafts, Predicate<Draft> which) {
        return drafts.stream().map(draft -> {
            if (draft.date() != null || !which.test(draft) || draft.partners().isEmpty() || draft.type() == EventType.INTEL_SHARING) {
                return draft;
            }
            return nearest(drafts, draft, other -> other.date() != null && other.type() != EventType.INTEL_SHARING
                    && (!other.recalled() || draft.recalled()))
                    .map(occasion -> draft.withDate(occasion.date())).orElse(draft);
        }).toList();
    }
}

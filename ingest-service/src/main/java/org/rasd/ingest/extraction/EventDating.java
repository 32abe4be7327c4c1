package org.rasd.ingest.extraction;

import org.rasd.ingest.parsing.ArticleParser;
import org.rasd.ingest.parsing.DateFinder;
import org.rasd.ingest.parsing.DateFinder.DateMention;
import org.rasd.ingest.parsing.Lexicon.Match;
import org.rasd.ingest.record.Event;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which of an article's dates an act took place on. Only the dates of the reported parts of sentences count:
 * a date of what is scheduled dates nothing reported.
 */
final class EventDating {

    private static final Pattern DATE_AND = Pattern.compile("\\s*و\\s*");
    /** «في سنة 2024» / «خلال سنة 2024» written near the top: the period an article that looks back covers. */
    private static final Pattern FRAME_BEFORE = Pattern.compile("(?<![\\p{L}])(?:خلال|في)\\s+(?:ال)?(?:سنه|عام)\\s+$");
    /** How far into the text the frame of a look-back article is set: its title and lead. */
    private static final int LEAD = 900;

    private final String folded;
    private final List<Sentence> sentences;
    private final List<DateMention> reported = new ArrayList<>();
    /** The reported dates «منذ» opens: since when something has gone on. */
    private final List<DateMention> since = new ArrayList<>();
    /** How long acts lasted (زيارة دامت يومين), in text order. */
    private final List<DateFinder.Duration> durations;

    /** How close after «منذ» a date says since when, not when: «منذ عام 2014». */
    private static final int SINCE_REACH = 8;
    /** How many sentences away the operation intelligence enabled is still that intelligence's. */
    private static final int OPERATION_REACH = 3;
    /** How far after a word of taking office its date may come: «منذ تعيينه على رأس وزارة الداخلية في 6 سبتمبر 2017». */
    private static final int APPOINTMENT_REACH = 48;

    EventDating(String folded, List<Sentence> sentences, List<DateMention> dates, List<DateFinder.Duration> durations) {
        this.folded = folded;
        this.sentences = sentences;
        this.durations = durations;
        for (Sentence sentence : sentences) {
            List<Match<Marker>> sinceMarkers = sentence.markers(Marker.SINCE);
            List<Match<Marker>> appointments = sentence.markers(Marker.APPOINTED);
            for (DateMention date : sentence.reported().startingIn(dates)) {
                if (appointments.stream().anyMatch(a -> shortlyAfter(a, date, APPOINTMENT_REACH) && !commaBetween(a.end(), date.start()))) {
                    continue; // when an official took office (تسلّمه رئاسة الجهاز في أكتوبر 2024): no act of the article
                }
                boolean sinceWhen = sinceMarkers.stream().anyMatch(s -> shortlyAfter(s, date, SINCE_REACH));
                (sinceWhen ? since : reported).add(date);
            }
        }
    }

    /** Whether {@code date} starts at most {@code reach} characters after {@code marker} ends. */
    private static boolean shortlyAfter(Match<Marker> marker, DateMention date, int reach) {
        return marker.end() <= date.start() && date.start() - marker.end() <= reach;
    }

    private boolean commaBetween(int from, int to) {
        int comma = folded.indexOf('،', from);
        return comma >= 0 && comma < to;
    }

    /**
     * The date written in the clause, else the last one written before it in its paragraph (a one-element list
     * of null when none). Dates coordinated in the clause (سنتي 2014 و2018) are one act each.
     */
    List<Event.EventDate> of(Clause clause, Span paragraph) {
        List<DateMention> inClause = clause.span().startingIn(reported);
        // the day it was made known (أفادت الوزارة، اليوم السبت 22 جوان، بأن الوزير تلقى أمس …), or filed (تونس 15 مارس
        // 2024 (وات) - …): the act's own date comes after it
        while (inClause.size() > 1 && (announcedDay(clause, inClause.getFirst())
                || ArticleParser.datelineDay(folded, clause.sentence().start(), inClause.getFirst()))) {
            inClause = inClause.subList(1, inClause.size());
        }
        List<DateMention> chosen = new ArrayList<>();
        if (!inClause.isEmpty()) {
            chosen.add(narrowest(inClause));
            for (int i = 1; i < inClause.size() && DATE_AND.matcher(folded)
                    .region(inClause.get(i - 1).end(), inClause.get(i).start()).matches(); i++) {
                chosen.add(inClause.get(i));
            }
        } else {
            // the sentence's date dates each of its acts, before or after the clause; else the paragraph's
            List<DateMention> before = new Span(paragraph.start(), clause.span().start()).startingIn(reported);
            List<DateMention> later = new Span(clause.span().end(), clause.sentence().end()).startingIn(reported);
            if (!before.isEmpty() && before.getLast().start() >= clause.sentence().start() || later.isEmpty()) {
                if (!before.isEmpty()) {
                    chosen.add(before.getLast());
                }
            } else {
                chosen.add(later.getFirst());
            }
        }
        if (chosen.isEmpty()) {
            return Collections.singletonList(null);
        }
        return chosen.stream().map(EventDating::eventDate).toList();
    }

    /** How close after a verb of making known its date is the day it was made known: «أفادت الوزارة، اليوم السبت». */
    private static final int ANNOUNCEMENT_REACH = 40;

    /** «أن» and «إن» (بأن، أنه …), which open what was made known: a date after them is of what was made known. */
    private static final Pattern THAT = Pattern.compile("(?<![\\p{L}])[بل]?ان(?:ه|ها|هم|هما)?(?![\\p{L}])");

    /**
     * Whether the date is the day the act was made known: written right after a verb of announcing, before what was
     * made known opens (أفادت الوزارة، اليوم السبت، بأن …; not «أفادت الوزارة بأن الوزير استقبل أمس …»).
     */
    private boolean announcedDay(Clause clause, DateMention date) {
        return sentenceOf(clause).stream().flatMap(sentence -> sentence.markers(Marker.ANNOUNCED).stream())
                .anyMatch(verb -> shortlyAfter(verb, date, ANNOUNCEMENT_REACH) && !THAT.matcher(folded).region(verb.end(), date.start()).find());
    }

    private Optional<Sentence> sentenceOf(Clause clause) {
        return sentences.stream().filter(sentence -> sentence.whole().equals(clause.sentence())).findFirst();
    }

    /**
     * The first day of a stay the clause reports: the day it has gone on since (الزيارة التي يجريها إلى الصين منذ
     * الاثنين الماضي), else the day it ended on less its length (اختتم، أمس الأربعاء، زيارة دامت يومين: the Tuesday).
     * A visit is dated by its first day, not by the talks the sentence tells of.
     */
    Optional<Event.EventDate> stayStart(Clause clause) {
        return clause.span().startingIn(since).stream()
                .filter(date -> date.precision() == DateFinder.Precision.DAY).findFirst().map(EventDating::eventDate)
                .or(() -> firstDayOfAStayEnded(clause));
    }

    private Optional<Event.EventDate> firstDayOfAStayEnded(Clause clause) {
        Optional<DateFinder.Duration> lasted = clause.span().startingIn(durations).stream().findFirst();
        boolean ended = sentenceOf(clause).stream().flatMap(sentence -> sentence.markers(Marker.STAY_ENDED).stream())
                .anyMatch(m -> clause.span().contains(m.start()));
        if (lasted.isEmpty() || !ended) {
            return Optional.empty();
        }
        return clause.span().startingIn(reported).stream()
                .filter(date -> date.precision() == DateFinder.Precision.DAY && date.start() < lasted.get().start()).findFirst()
                .map(lastDay -> new Event.EventDate(LocalDate.parse(lastDay.value()).minusDays(lasted.get().days() - 1L).toString(),
                        precision(DateFinder.Precision.DAY)));
    }

    /**
     * When intelligence shared is dated by nothing of its own: the date of the operation it enabled (the annotation
     * guide), that of the nearest sentence around it that reports an arrest, a seizure or a plot foiled and is
     * dated, the earlier of two as near. A statement tells first that the shipment was seized and then, sentences
     * later, that the information behind it was passed on, or the other way round.
     */
    Optional<Event.EventDate> operationNear(Clause clause) {
        int at = 0;
        while (at < sentences.size() - 1 && sentences.get(at).whole().end() <= clause.span().start()) {
            at++;
        }
        for (int distance = 1; distance <= OPERATION_REACH; distance++) {
            for (int i : new int[]{at - distance, at + distance}) {
                if (i < 0 || i >= sentences.size() || sentences.get(i).markers(Marker.OPERATION).isEmpty()) {
                    continue;
                }
                Sentence sentence = sentences.get(i);
                List<DateMention> dated = sentence.reported().startingIn(reported).stream()
                        .filter(date -> !announced(sentence, date)).toList();
                if (!dated.isEmpty()) {
                    return Optional.of(eventDate(dated.getFirst()));
                }
            }
        }
        return Optional.empty();
    }

    /** Whether the date follows a verb of announcing with no operation word between: the announcement's day. */
    private static boolean announced(Sentence sentence, DateMention date) {
        return sentence.markers(Marker.ANNOUNCED).stream().anyMatch(verb -> verb.end() <= date.start()
                && sentence.markers(Marker.OPERATION).stream().noneMatch(word -> word.start() >= verb.end() && word.start() < date.start()));
    }

    /**
     * The clause's first date, or a later one of the clause that falls within it and says more: «خلال العام الجاري،
     * إذ سبق أن استقبله … يوم الثلاثاء 27 مايو» is dated by the day, the year only frames it.
     */
    private static DateMention narrowest(List<DateMention> inClause) {
        DateMention first = inClause.getFirst();
        return inClause.stream().skip(1).filter(later -> later.value().length() > first.value().length()
                && later.value().startsWith(first.value())).findFirst().orElse(first);
    }

    /** A date found in the text as an event's date. */
    private static Event.EventDate eventDate(DateMention date) {
        return new Event.EventDate(date.value(), precision(date.precision()));
    }

    /** A precision as an event date writes it: day, month or year. */
    static String precision(DateFinder.Precision precision) {
        return precision.name().toLowerCase(Locale.ROOT);
    }

    /** The month of a day; a date of a month or a year, or none, as it is. */
    static Event.EventDate monthOf(Event.EventDate date) {
        return ofADay(date) ? new Event.EventDate(date.value().substring(0, 7), precision(DateFinder.Precision.MONTH)) : date;
    }

    /** Whether the date names its day: an act of the day's news. */
    static boolean ofADay(Event.EventDate date) {
        return date != null && date.precision().equals(precision(DateFinder.Precision.DAY));
    }

    /**
     * The day of the acts the headline and the lead report with no date of their own (استقبل رئيس الحكومة في السرايا
     * وزير خارجية قبرص): they tell the day's news. The lead is the first paragraph below the headline that reports an
     * act; the span returned runs from the text's start to its end. The day is the date the lead's act is given
     * (استقبل الوزير، على مدى اليومين الماضيين، …: the month), else the last day written above the lead, in an
     * opening that sets the scene before reporting (لم تكن الساعات التي قضاها الوزير في القاهرة، الجمعة الماضية …),
     * else the publication day.
     *
     * @param headline the folded headline, or null
     */
    Optional<LeadDay> leadDay(List<Clause> clauses, String headline, LocalDate published) {
        for (Clause clause : clauses) {
            if (!clause.reportsEvent()) {
                continue;
            }
            Span paragraph = Sentences.paragraphAround(folded, clause.sentence());
            if (headline != null && folded.substring(paragraph.start(), paragraph.end()).strip().equals(headline)) {
                continue;
            }
            // the headline above the lead tells the same news
            Span lead = new Span(0, paragraph.end());
            Optional<Event.EventDate> sceneDay = new Span(0, paragraph.start()).startingIn(reported).stream()
                    .filter(date -> date.precision() == DateFinder.Precision.DAY).reduce((first, last) -> last)
                    .map(date -> new Event.EventDate(date.value(), precision(DateFinder.Precision.DAY)));
            Optional<Event.EventDate> ownDate = clause.span().startingIn(reported).stream().findFirst()
                    .map(EventDating::eventDate);
            return ownDate.or(() -> sceneDay).or(() -> Optional.ofNullable(published)
                            .map(day -> new Event.EventDate(day.toString(), precision(DateFinder.Precision.DAY))))
                    .map(day -> new LeadDay(lead, day));
        }
        return Optional.empty();
    }

    /** The lead paragraph (folded offsets) and the date of the news it reports: a day, or the period it gives. */
    record LeadDay(Span paragraph, Event.EventDate day) {
    }

    /** The year a look-back article covers («خلال سنة 2024» in its lead), which its undated events took place in. */
    Optional<Event.EventDate> yearFrame() {
        return reported.stream()
                .filter(d -> d.start() < LEAD && d.precision() == DateFinder.Precision.YEAR)
                .filter(d -> FRAME_BEFORE.matcher(folded).region(Math.max(0, d.start() - 16), d.start()).find())
                .findFirst().map(d -> new Event.EventDate(d.value(), precision(DateFinder.Precision.YEAR)));
    }
}

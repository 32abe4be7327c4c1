package org.rasd.ingest.extraction;

import org.rasd.ingest.extraction.Recognisers.Recognised;
import org.rasd.ingest.parsing.DateFinder.DateMention;
import org.rasd.ingest.parsing.Lexicon.Match;
import org.rasd.ingest.parsing.NormalizedText;
import org.rasd.ingest.record.Event;
import org.rasd.ingest.record.Event.Actor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Clauses to event drafts: for each clause that reports an act, its kind, who acts (the subject) and with whom
 * (the partners), when, where, about what, and the sentence as evidence. One draft per partner and date.
 */
final class EventDrafts {

    /** Markers of a visit told while it lasts or as it ends: its first day is not the one reported. */
    private static final Set<Marker> STAYING = EnumSet.of(Marker.STAY_UNDER_WAY, Marker.STAY_ENDED);
    /** Markers of a part taken in a gathering: attending, chairing, hosting it. */
    private static final Set<Marker> TAKING_PART = EnumSet.of(Marker.PARTICIPATION, Marker.CONVENER, Marker.ORGANISER);

    /**
     * Who takes part in a clause's act, and the act's kind once where it is held is known.
     *
     * @param remote whether talks were held at a distance (a phone call, a video link): they took place nowhere (a
     *               conference held so still has the place of the state that hosts it)
     */
    private record Parties(EventType type, String subject, Set<String> partners, boolean remote) {
    }

    /** What every draft of one clause shares. */
    private record Shared(Map<String, Actor> named, List<String> organisations, List<String> themes,
                          Event.Evidence evidence, boolean written, boolean recalled, boolean underWay, Set<String> host) {

        Draft draft(EventType type, String subject, List<String> partners, Event.EventDate date,
                    Event.Location location, double confidence) {
            return new Draft(type, subject, partners, named, organisations, date, location, themes, evidence, confidence,
                    written && type == EventType.PRAISE, recalled, underWay, host);
        }
    }

    private final NormalizedText text;
    private final Recognised found;
    private final EventDating dating;
    private final String protagonist;
    /** Where and when the article was filed: the place of the news that names none. */
    private final Dateline dateline;
    /** The lead and the day of its news, which dates the acts it tells with no date of their own. */
    private final Optional<EventDating.LeadDay> lead;

    private EventDrafts(NormalizedText text, Recognised found, EventDating dating, String protagonist, Dateline dateline,
                        Optional<EventDating.LeadDay> lead) {
        this.text = text;
        this.found = found;
        this.dating = dating;
        this.protagonist = protagonist;
        this.dateline = dateline;
        this.lead = lead;
    }

    /**
     * The drafts of every clause that reports an act, in text order. A memorandum signed at a reception or during a
     * visit is two acts, the signing and the meeting.
     */
    static List<Draft> of(NormalizedText text, List<Clause> clauses, String protagonist, Dateline dateline, Recognised found,
                          EventDating dating, Optional<EventDating.LeadDay> lead) {
        List<Clause> acts = new ArrayList<>();
        Set<Clause> occasions = new HashSet<>();
        for (Clause clause : clauses) {
            acts.add(clause);
            if (clause.occasion() != null) {
                Clause occasion = clause.withType(clause.occasion());
                acts.add(occasion);
                occasions.add(occasion);
            }
        }
        return new EventDrafts(text, found, dating, protagonist, dateline, lead).drafts(acts, occasions);
    }

    private List<Draft> drafts(List<Clause> clauses, Set<Clause> occasions) {
        List<Draft> drafts = new ArrayList<>();
        Draft lastMultilateral = null; // the conference that talks on its sidelines are held at
        Draft openGathering = null; // the dated gathering reported last, while no other dated act has followed it
        Event.Location gatheringPlace = null; // where the last sentence that names a gathering's place holds it
        for (Clause clause : clauses) {
            if (!clause.reportsEvent()) {
                continue;
            }
            // the conference talks were held beside, drafted as their occasion, is no talk beside itself
            Optional<Span> gathering = occasions.contains(clause) ? Optional.empty() : sidelines(clause);
            boolean sideline = gathering.isPresent();
            // a gathering held, or to be held, is no event of the subject's unless it takes part, only the frame of
            // the talks held beside it; a committee of two states meets with both
            boolean frameOnly = clause.type() == EventType.CONFERENCE && !sideline && !clause.reMention()
                    && !occasions.contains(clause) && !tookPart(clause) && !ofTwo(clause);
            List<Draft> made = new ArrayList<>();
            Span paragraph = Sentences.paragraphAround(text.folded(), clause.sentence());
            List<Event.EventDate> dates = dating.of(clause, paragraph);
            Optional<Event.EventDate> stayStart = clause.type() == EventType.VISIT || clause.type() == EventType.HOST
                    ? dating.stayStart(clause) : Optional.empty();
            // a visit under way: its first day is not the one reported, unless the clause says when it began; a
            // meeting reported with it (واصل زيارته … حيث عقد لقاءات) is the visit once it is found to be abroad
            boolean underWay = stayStart.isEmpty()
                    && clause.upToItsEnd().holds(found.markers(), STAYING);
            dates = stayStart.map(List::of).orElse(dates);
            if (clause.type() == EventType.INTEL_SHARING && dates.getFirst() == null) {
                dates = dating.operationNear(clause).map(List::of).orElse(dates);
            }
            // the dateline places the news it was filed with, not the background
            boolean undated = dates.getFirst() == null;
            String filedIn = dates.stream().map(dateline::placing).filter(Objects::nonNull).findFirst()
                    .or(() -> undated ? newsOfTheLead(clause).map(dateline::placing) : Optional.empty()).orElse(null);
            // talks on the sidelines are held at the gathering, else where and when the article's last act was
            Draft occasion = lastOccasion(drafts);
            Draft frame = !sideline ? null : lastMultilateral != null && lastMultilateral.date() != null
                    && lastMultilateral.location() != null ? lastMultilateral : occasion;
            // talks with no date of their own reported right after a gathering (واستهل لقاءاته باستقبال … after
            // «عقد أمس في أبوظبي سلسلة لقاءات على هامش الاجتماع») were held beside it, when and where it was
            boolean besideTheGathering = frame == null && dates.getFirst() == null && openGathering != null
                    && clause.type().meeting() && !clause.reMention() && !recalled(clause);
            if (besideTheGathering) {
                frame = openGathering;
            }
            if (dates.getFirst() == null && frame != null) {
                dates = Collections.singletonList(frame.date());
            }
            if (dates.getFirst() == null && occasion != null && addsToTheOccasion(clause)) {
                dates = Collections.singletonList(occasion.date()); // «كما التقى …», «واستقبل أيضا …»: the same occasion
            }
            // the gathering is where the talks beside it were held, even while the article has not dated it yet
            Event.Location framePlace = frame != null && frame.location() != null ? frame.location()
                    : sideline && lastMultilateral != null ? lastMultilateral.location() : null;
            String gatheredIn = framePlace != null ? framePlace.country() : clause.where().orElse(null);
            Parties parties = parties(clause, gathering, filedIn, gatheredIn, occasion);
            // talks abroad told as part of the trip (في إطار زيارته، ضمن زيارة يجريها): one of its days, not its first
            boolean duringTheVisit = parties.type() == EventType.VISIT && stayStart.isEmpty()
                    && clause.upToItsEnd().holds(found.markers(), Marker.DURING_A_VISIT);
            Shared shared = shared(clause, paragraph, underWay || duringTheVisit, gathering);
            for (Event.EventDate date : dates) {
                double confidence = confidence(clause, parties.subject(), date);
                if (parties.type().multilateral()) {
                    boolean conference = parties.type() == EventType.CONFERENCE;
                    Event.Location held = conference ? conferencePlace(clause, gatheringPlace) : heldAt(clause);
                    List<String> partners = (conference ? convener(clause, parties.subject(), held) : Optional.<Mention>empty())
                            .map(state -> List.of(state.code())).orElse(List.of());
                    lastMultilateral = shared.draft(parties.type(), parties.subject(), partners, date, held, confidence);
                    made.add(lastMultilateral);
                    if (conference && held != null && held.country().equals(parties.subject())) {
                        // a gathering at home received the foreign officials who took part in it
                        List<String> guests = guests(clause, parties.subject());
                        if (!guests.isEmpty()) {
                            made.add(shared.draft(EventType.HOST, parties.subject(), guests, date, held, confidence));
                        }
                    }
                } else {
                    made.addAll(bilateral(clause, parties, shared, date, confidence, framePlace));
                }
            }
            if (clause.type() == EventType.CONFERENCE) {
                // «في الجلسة الرئيسية لمؤتمر ميونخ للأمن في ألمانيا … وشارك السيسي في المؤتمر»: the gathering
                // referred to again is held where the article placed it
                gatheringPlace = conferencePlace(clause, gatheringPlace);
            }
            int known = lastOfFamily(drafts, parties.type());
            if (clause.reMention() && known >= 0) {
                // «وتأتي هذه الزيارة …» says more of an act already drafted, whatever else it names: at most its
                // date and place, when the first report gave none (a headline, a caption)
                made.stream().findFirst().ifPresent(more -> drafts.set(known, drafts.get(known).withGapsFilledFrom(more)));
                if (drafts.get(known).type().multilateral()) {
                    lastMultilateral = drafts.get(known);
                }
            } else if (!frameOnly) {
                drafts.addAll(made);
            }
            if (made.isEmpty() && gathering(parties.type()) && dates.getFirst() != null) {
                // talks announced with their day and place and no one named yet (عقد أمس في أبوظبي سلسلة لقاءات):
                // the occasion of those named after them
                Event.Location held = framePlace != null ? framePlace : heldAt(clause);
                if (held != null) {
                    openGathering = shared.draft(parties.type(), parties.subject(), List.of(), dates.getFirst(), held, 0);
                }
            } else if (!besideTheGathering && made.stream().anyMatch(draft -> draft.date() != null)) {
                // a dated gathering placed opens an occasion; any other dated act closes it
                openGathering = parties.type().multilateral() && made.getFirst().location() != null ? made.getFirst() : null;
            }
        }
        return drafts;
    }

    /**
     * The day of the lead's news, for an act of the lead that gives no date of its own: the news filed, which the
     * dateline places. Not intelligence shared (the operation it enabled dates it), nor an act recalled, nor talks
     * the lead or its headline tells were a call (هاتفيا), which took place nowhere.
     */
    private Optional<Event.EventDate> newsOfTheLead(Clause clause) {
        Span paragraph = Sentences.paragraphAround(text.folded(), clause.sentence());
        return lead.filter(news -> news.paragraph().end() == paragraph.end() && clause.type() != EventType.INTEL_SHARING
                && !recalled(clause) && !news.paragraph().holds(found.markers(), Marker.REMOTE)).map(EventDating.LeadDay::day);
    }

    /**
     * Whether the clause opens with «كما», or says «أيضا» between its first cue and the first country it names
     * (واستقبل الوزير أيضا نظيره …): one more act of the occasion just reported.
     */
    private boolean addsToTheOccasion(Clause clause) {
        int opening = clause.span().start();
        while (opening < clause.span().end() && NormalizedText.isWhitespace(text.folded().charAt(opening))) {
            opening++;
        }
        int first = opening;
        List<Match<EventType>> cues = clause.span().startingIn(found.cues());
        int verbEnd = cues.isEmpty() ? clause.span().end() : cues.getFirst().end();
        int objectStart = clause.mentions().isEmpty() ? clause.span().end() : clause.mentions().getFirst().start();
        return clause.span().startingIn(found.markers()).stream().anyMatch(m -> m.value() == Marker.ALSO
                && (m.start() <= first + 1 || m.start() >= verbEnd && m.end() <= objectStart));
    }

    /** The last act drafted with a date, the last one placed too if there is one: the occasion reported last. */
    private static Draft lastOccasion(List<Draft> drafts) {
        Draft dated = null;
        for (int i = drafts.size() - 1; i >= 0; i--) {
            Draft draft = drafts.get(i);
            if (draft.date() != null && draft.location() != null) {
                return draft;
            }
            if (dated == null && draft.date() != null) {
                dated = draft;
            }
        }
        return dated;
    }

    private static int lastOfFamily(List<Draft> drafts, EventType type) {
        for (int i = drafts.size() - 1; i >= 0; i--) {
            if (sameFamily(drafts.get(i).type(), type)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Talks "on the sidelines of" a conference are a meeting, the conference only their frame, its countries no
     * party. A reception happens at home: the place a guest comes to, or where it is held, names the host; the
     * subject's official received by a foreign party was the guest. Talks held where the subject is (or, for the day's
     * news, where the article was filed) are a reception; talks held where their one partner is, or with no party but
     * a place, are a visit there, and so are talks with the host of a gathering abroad on its sidelines. A known
     * foreign official named without his country takes part for it.
     *
     * @param filedIn the dateline's country when it places the clause's act (news of the days it was filed), else null
     * @param gatheredIn the country of the gathering the talks were held beside, or null
     * @param occasion the occasion reported last (the last dated act, the last placed one if any: {@code lastOccasion}),
     *                 or null
     */
    private Parties parties(Clause clause, Optional<Span> gathering, String filedIn, String gatheredIn, Draft occasion) {
        boolean sideline = gathering.isPresent();
        // talks on the sidelines are a meeting, and so is the session of a committee of two: a conference is a
        // gathering of many
        EventType type = (sideline || ofTwo(clause)) && clause.type() == EventType.CONFERENCE ? EventType.MEET : clause.type();
        // a call or a video link is talks held nowhere: no place makes them a reception or a visit
        boolean remote = clause.sentence().holds(found.markers(), Marker.REMOTE);
        if (remote && type.meeting()) {
            type = EventType.MEET;
        }
        Optional<String> receivedBy = type == EventType.HOST && protagonist != null && !sideline ? receivedBy(clause, protagonist)
                .filter(host -> clause.where().map(host::equals).orElse(true)) : Optional.empty();
        // «استقبل سموه في مقر إقامته بالعاصمة الجزائرية …»: the subject's official received a guest where he stays
        boolean atResidence = type == EventType.HOST && receivedBy.isEmpty()
                && clause.span().holds(found.markers(), Marker.RESIDENCE);
        String subject = type == EventType.HOST && receivedBy.isEmpty() && !atResidence ? clause.where().orElse(protagonist) : protagonist;
        Set<String> partners = new LinkedHashSet<>();
        Set<String> places = new LinkedHashSet<>();
        for (Mention mention : clause.mentions()) {
            // the countries of the gathering the talks were held beside (its host, its chairs) take no part in them
            if (!mention.code().equals(subject) && mention.role().party()
                    && gathering.filter(phrase -> phrase.contains(mention.start())).isEmpty()) {
                (mention.role().place() ? places : partners).add(mention.code());
            }
        }
        if (type.meeting() && subject != null && !sideline && !remote) {
            // an ambassador is met where he serves, at home, unless the sentence or its dateline places the talks elsewhere
            boolean envoy = clause.mentions().stream().anyMatch(m -> m.role() == MentionRole.ENVOY && !m.code().equals(subject));
            Optional<String> where = clause.where().or(() -> filedIn != null && placeless(clause) ? Optional.of(filedIn) : Optional.empty())
                    .or(() -> cameHome(clause, subject) || atOwnOffice(clause, subject) ? Optional.of(subject) : Optional.empty());
            if (receivedBy.isPresent()) {
                type = EventType.VISIT; // «واستقبله … الوزير الإيراني»: the subject's official was the guest
            } else if (atResidence && where.filter(subject::equals).isEmpty()) {
                type = EventType.MEET; // the guide: a reception at the subject's residence abroad is a meeting
            } else if (where.filter(subject::equals).isPresent() || envoy && type == EventType.MEET && where.isEmpty()) {
                type = EventType.HOST;
            } else if (type == EventType.MEET && (partners.isEmpty() ? !places.isEmpty()
                    : clause.where().filter(partners::contains).isPresent() && partners.size() == 1)) {
                type = EventType.VISIT; // talks where the one partner is: the subject went there
            }
        }
        if (type == EventType.MEET && sideline && gatheredIn != null && !gatheredIn.equals(subject) && partners.equals(Set.of(gatheredIn))) {
            type = EventType.VISIT; // talks with the host country's officials belong to the trip there
        }
        if (clause.type() == EventType.VISIT && type == EventType.VISIT && subject != null && !sideline && foreignVisitor(clause, subject)) {
            type = EventType.HOST; // «زار الوزير اليمني …»، «زيارة المسؤول الإسباني»: a guest's visit to the subject
        }
        if (subject != null) {
            // a known official named without his country (وصل قالن إلى دمشق) is a party of it
            clause.span().startingIn(found.persons()).stream().map(person -> person.value().country())
                    .filter(code -> !code.equals(subject)).forEach(partners::add);
        }
        if (type == EventType.VISIT && clause.first(MentionRole.DESTINATION).isPresent()) {
            // a trip goes where its sentence says, and to the cities it names; the others named are met or came along
            Set<String> destinations = new LinkedHashSet<>();
            clause.mentions().stream().filter(m -> m.role() == MentionRole.DESTINATION || m.match().value().kind() == Gazetteer.Kind.CITY)
                    .forEach(m -> destinations.add(m.code()));
            partners.retainAll(destinations);
        }
        if (type == EventType.VISIT || type == EventType.HOST || type == EventType.INTEL_SHARING) {
            // the country visited, or where the attack was foiled; at a reception at home, a foreign place
            // only says where the guest is from
            partners.addAll(places);
        }
        if (type == EventType.PRAISE && subject != null) {
            // the guide counts the praise a foreign official gives the subject: the subject's own praise of a partner
            // is no act, and a foreign giver is the one partner, not the others his praise names
            List<Optional<String>> givers = PraiseGiver.of(text.folded(), clause, found, subject);
            Set<String> foreign = givers.stream().flatMap(Optional::stream).filter(giver -> !giver.equals(subject))
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            if (!foreign.isEmpty() || !givers.isEmpty() && givers.stream().allMatch(Optional::isPresent)) {
                partners.clear();
                partners.addAll(foreign);
            } else if (partners.isEmpty() && occasion != null && occasion.partners().size() == 1
                    && PraiseGiver.turnsToTheOtherSide(clause, found)) {
                // «من جهته، أشاد الجنرال أندرسون بالدور …» after his reception: the one guest, named without his country
                partners.add(occasion.partners().getFirst());
            }
        }
        if (type == EventType.MEET && !sideline && partners.size() >= MULTILATERAL_PARTIES && namesAGathering(clause)) {
            type = EventType.CONFERENCE; // «اجتماع عمّان … بمشاركة وزراء خارجية السعودية ومصر والعراق وسوريا»
        }
        return new Parties(type, subject, partners, remote);
    }

    /**
     * Whether a visit's first party is a foreign official, by his nationality or as a known official named before any
     * country, and it goes nowhere but to the subject: the visitor is the guest, whom the subject hosts.
     */
    private boolean foreignVisitor(Clause clause, String subject) {
        Optional<Mention> first = clause.mentions().stream().findFirst();
        Optional<String> nationality = first.filter(mention -> mention.role() == MentionRole.NATIONALITY).map(Mention::code);
        Optional<String> named = clause.span().startingIn(found.persons()).stream().findFirst()
                .filter(person -> first.map(mention -> person.start() < mention.start()).orElse(true))
                .map(person -> person.value().country());
        return clause.span().startingIn(found.cues()).stream().allMatch(cue -> cue.value() == EventType.VISIT)
                && Stream.of(named, nationality).flatMap(Optional::stream).anyMatch(country -> !country.equals(subject))
                && clause.mentions().stream().filter(m -> m.role().place()).allMatch(m -> m.code().equals(subject));
    }

    /** Whether the clause names a committee of two states (اللجنة الثنائية، اللجنة الأمنية المشتركة، يترأسها الوزيران مناصفة). */
    private boolean ofTwo(Clause clause) {
        return clause.span().holds(found.markers(), Marker.BILATERAL);
    }

    /** How many other states a meeting takes in to be a gathering of many, a conference: three. */
    private static final int MULTILATERAL_PARTIES = 3;

    /** Whether the clause's first meeting cue names a gathering held (اجتماع), not a verb of meeting someone (التقى). */
    private boolean namesAGathering(Clause clause) {
        List<Match<Marker>> gatherings = clause.span().startingIn(found.markers()).stream().filter(m -> m.value() == Marker.GATHERING).toList();
        return clause.span().startingIn(found.cues()).stream().filter(cue -> cue.value() == EventType.MEET).findFirst()
                .filter(cue -> gatherings.stream().anyMatch(gathering -> gathering.start() == cue.start())).isPresent();
    }

    /** A verb of receiving with its object written onto it: «استقبله», «واستقبلها», «يستقبلهم». */
    private static final Pattern RECEIVED_HIM = Pattern.compile("^[وف]?[يت]?(?:ا)?ستقبل(?:ه|ها|هم|هما)$");

    /**
     * The country of the foreign official who received the subject's official, when the clause says so: a verb of
     * receiving whose object is a pronoun written onto it (واستقبله لدى وصوله الوزير مؤمني، سبق لأمير دولة قطر أن
     * استقبله), the first official named after it, the subject's (وكان الرئيس العراقي قد استقبل الفراية، واستقبل
     * الرئيس العراقي الفراية), or the subject's official by title alone after the foreign one (استقبل نائب الرئيس
     * التركي … الوزير خطاب); and as its doer the foreign party named last before it, else the first named after it
     * (before the object).
     */
    private Optional<String> receivedBy(Clause clause, String subject) {
        String folded = text.folded();
        for (Match<EventType> cue : clause.span().startingIn(found.cues())) {
            if (cue.value() != EventType.HOST) {
                continue;
            }
            int verbStart = NormalizedText.wordStart(folded, cue.start(), clause.span().start());
            int verbEnd = NormalizedText.wordEnd(folded, cue.end(), folded.length());
            String word = folded.substring(verbStart, verbEnd);
            // an ambassador is received where he serves, he receives no visitor; where a traveller came from (قادما من
            // فرنسا) names no one who received, nor, before the verb, a counterpart (في إطار التعاون مع إسبانيا، استقبل)
            Predicate<Mention> foreignParty = m -> !m.code().equals(subject) && !m.role().place() && m.role() != MentionRole.ENVOY
                    && m.role().party();
            Optional<String> agent = passiveAgent(clause, verbEnd, foreignParty, subject);
            if (agent.isPresent()) {
                // «استُقبل الوزير … بالقاهرة، من طرف الرئيس المصري»: in the passive, the one named after the agent
                // received the one named after the verb; the subject's own official received a guest at home
                if (!agent.get().equals(subject)) {
                    return agent;
                }
                continue;
            }
            if (relativeOfAnOwnOfficial(clause, verbStart)) {
                continue;
            }
            int objectEnd;
            Optional<Match<Person>> named = clause.span().startingIn(found.persons()).stream()
                    .filter(person -> person.start() >= verbEnd).findFirst();
            if (RECEIVED_HIM.matcher(word).matches()) {
                objectEnd = clause.span().end();
            } else if (named.isPresent() && named.get().value().country().equals(subject)) {
                objectEnd = named.get().start();
            } else {
                Optional<Integer> title = ownOfficialAfterAForeignOne(clause, verbStart, verbEnd, subject)
                        .or(() -> ownOfficialAfterAForeignDoer(clause, cue, verbEnd, subject));
                if (title.isEmpty()) {
                    continue;
                }
                objectEnd = title.get();
            }
            Optional<Mention> before = clause.mentions().stream().filter(m -> m.start() < cue.start()).reduce((first, last) -> last)
                    .filter(m -> m.role() != MentionRole.COUNTERPART);
            Optional<String> doer = before.filter(foreignParty).map(Mention::code).or(() -> clause.mentions().stream()
                    .filter(m -> m.start() > cue.end() && m.start() < objectEnd).findFirst().filter(foreignParty).map(Mention::code))
                    .or(() -> foreignDoerBefore(clause, cue, subject));
            if (doer.isPresent()) {
                return doer;
            }
        }
        return Optional.empty();
    }

    /**
     * Who is named right after a passive verb's agent (من طرف، من قبل) following the verb at {@code verbEnd}, the one
     * who did what the verb says: a foreign party's country, the subject for any other party (its own official, a
     * place), or a known official's country when he comes first (من طرف الوزير محمد أحمد ولد محمد الأمين); empty when
     * the clause names no one there.
     */
    private Optional<String> passiveAgent(Clause clause, int verbEnd, Predicate<Mention> foreignParty, String subject) {
        String folded = text.folded();
        return clause.span().startingIn(found.markers()).stream()
                .filter(marker -> marker.value() == Marker.AGENT && marker.start() >= verbEnd).findFirst()
                .flatMap(marker -> {
                    Predicate<Integer> rightAfter = at -> at >= marker.end()
                            && NormalizedText.words(folded, marker.end(), at, HOST_TITLE_WORDS) <= HOST_TITLE_WORDS;
                    Optional<Mention> party = clause.mentions().stream().filter(m -> m.start() >= marker.end()).findFirst()
                            .filter(m -> rightAfter.test(m.start()));
                    Optional<Match<Person>> person = clause.span().startingIn(found.persons()).stream()
                            .filter(named -> rightAfter.test(named.start())).findFirst()
                            .filter(named -> party.map(m -> named.start() < m.start()).orElse(true));
                    return person.map(named -> named.value().country())
                            .or(() -> party.map(m -> foreignParty.test(m) ? m.code() : subject))
                            .or(() -> titledRightAfter(marker.end()) ? Optional.of(subject) : Optional.empty());
                });
    }

    /**
     * Whether the first word after {@code at} is an official's title: after a passive's agent that names no country
     * nor known official within reach, the subject's own official named by title alone (من قبل المدير العام للإدارة
     * العامة لخفر السواحل …).
     */
    private boolean titledRightAfter(int at) {
        String folded = text.folded();
        return Span.words(folded, at, folded.length(), 1).stream().anyMatch(word -> MentionRole.namesAnOfficial(word.of(folded)));
    }

    /** How many words a foreign official's name and the words after it may take before the official he received. */
    private static final int RECEIVER_WORDS = 12;
    /** How many words after an official's title his nationality may come: «وزير الداخلية والبلديات اللبناني». */
    private static final int NATIONALITY_WORDS = 3;
    /** Words right before a verb whose doer was named before them: «وكان الوزير قد استقبل»، «سبق للوزير أن استقبل». */
    private static final Set<String> DOER_BEFORE = Set.of(NormalizedText.fold("قد"), NormalizedText.fold("أن"));
    /** A verb of receiving in the present tense, as a headline writes it after its doer: «يستقبل»، «تستقبل». */
    private static final Pattern PRESENT_TENSE = Pattern.compile("[يت]");
    /** How many words the receiving official's title may take before his country: «سمو رئيس مجلس الوزراء في دولة الكويت». */
    private static final int HOST_TITLE_WORDS = 7;

    /**
     * Where the subject's own official is named, received by the foreign one named right after the verb («كما استقبل
     * رئيس مجلس الوزراء في دولة الكويت الشيخ … سمو وزير الداخلية»، «استقبل نائب الرئيس التركي جودت يلماز الوزير
     * خطاب»، «استقبل وزير الداخلية السعودي الأمير …، الاثنين، نظيره السوري» in Syrian news): the first official's
     * title, or his counterpart, after the foreign official's country, with no nationality but the subject's.
     */
    private Optional<Integer> ownOfficialAfterAForeignOne(Clause clause, int verbStart, int verbEnd, String subject) {
        String folded = text.folded();
        int before = NormalizedText.previousWordStart(folded, verbStart, clause.span().start());
        if (before >= 0 && DOER_BEFORE.contains(folded.substring(before, verbStart).strip())) {
            return Optional.empty(); // «وكان الرئيس الغزواني قد استقبل ضيفه الإسباني»: the doer is named before the verb
        }
        if (before >= 0 && PRESENT_TENSE.matcher(folded).region(verbStart, verbEnd).lookingAt()) {
            return Optional.empty(); // «الملك يستقبل قائد الجيش اللبناني»: a headline names its doer before its verb
        }
        Optional<Mention> host = clause.mentions().stream().filter(m -> m.start() >= verbEnd).findFirst()
                .filter(m -> m.role() == MentionRole.NATIONALITY && !m.code().equals(subject)
                        && NormalizedText.words(folded, verbEnd, m.start(), HOST_TITLE_WORDS) <= HOST_TITLE_WORDS);
        if (host.isEmpty()) {
            return Optional.empty();
        }
        return ownOfficialFrom(clause, host.get().match().end(), subject)
                .filter(title -> !new Span(host.get().match().end(), title).holds(found.markers(), Marker.EACH_OF));
    }

    /**
     * Where the subject's own official is named, received by the foreign one named before the verb («وذكر المكتب أن
     * الرئيس التونسي قيس سعيّد استقبل بقصر قرطاج وزير الداخلية المكلف» in Libyan news): the first official's title
     * after the verb, with no nationality but the subject's, when the last party named before the verb is foreign.
     */
    private Optional<Integer> ownOfficialAfterAForeignDoer(Clause clause, Match<EventType> cue, int verbEnd, String subject) {
        return foreignDoerBefore(clause, cue, subject).isPresent() ? ownOfficialFrom(clause, verbEnd, subject) : Optional.empty();
    }

    /**
     * The country of the official named last before the verb, by his nationality (الرئيس التونسي قيس سعيّد استقبل) or
     * as a known official (أن الوزير توفيق استقبل نظيره الفلسطيني), when it is not the subject's.
     */
    private Optional<String> foreignDoerBefore(Clause clause, Match<EventType> cue, String subject) {
        record Named(int start, String country, boolean official) {
        }
        Stream<Named> byNationality = clause.mentions().stream().filter(m -> m.start() < cue.start())
                .map(m -> new Named(m.start(), m.code(), m.role() == MentionRole.NATIONALITY));
        Stream<Named> byName = clause.span().startingIn(found.persons()).stream().filter(person -> person.end() <= cue.start())
                .map(person -> new Named(person.start(), person.value().country(), true));
        return Stream.concat(byNationality, byName).max(Comparator.comparingInt(Named::start))
                .filter(named -> named.official() && !named.country().equals(subject)).map(Named::country);
    }

    /**
     * The first official's title at most {@value #RECEIVER_WORDS} words from {@code at}, when no nationality but the
     * subject's follows it: the subject's own official, named by title alone.
     */
    private Optional<Integer> ownOfficialFrom(Clause clause, int at, String subject) {
        String folded = text.folded();
        for (Span each : Span.words(folded, at, clause.span().end(), RECEIVER_WORDS)) {
            String word = each.of(folded);
            if (MentionRole.joinsAnOfficial(word)) {
                return Optional.empty(); // «… والوفد المرافق له»: the first official's party, received with him
            }
            if (MentionRole.opensAPhrase(word)) {
                return Optional.empty(); // «… بحضور المدير العام»، «رفقة وفد»: the one received comes before such a phrase
            }
            if (MentionRole.namesAnOfficial(word) || MentionRole.namesACounterpart(word)) {
                int title = each.start();
                Optional<Mention> nationality = clause.mentions().stream().filter(m -> m.start() > title).findFirst()
                        .filter(m -> NormalizedText.words(folded, title, m.start(), NATIONALITY_WORDS) <= NATIONALITY_WORDS);
                return nationality.isEmpty() || nationality.get().code().equals(subject) ? Optional.of(title) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** How far «على هامش» opening a clause with no comma may name its gathering: «وعلى هامش أعمال الجولة عقد …». */
    private static final int OPENING_SIDELINES_CHARS = 25;

    /**
     * The phrase naming the gathering a clause's talks were held beside: from «على هامش» to the clause's end when it
     * follows the act (التقى … على هامش القمة التي احتضنتها مصر), to the next comma or the act when it opens the
     * clause (وعلى هامش المنتدى، عقد الوفد اجتماعا مع …); empty when the talks were held beside none.
     */
    private Optional<Span> sidelines(Clause clause) {
        Optional<Match<Marker>> marker = clause.upToItsEnd().startingIn(found.markers()).stream()
                .filter(m -> m.value() == Marker.SIDELINES).findFirst();
        if (marker.isEmpty() || clause.type() == EventType.CONFERENCE && partOfIt(marker.get())) {
            return Optional.empty(); // «على هامش مشاركته في المنتدى»: the subject took part in the conference itself
        }
        int start = marker.get().start();
        int end = clause.span().end();
        if (clause.span().startingIn(found.cues()).stream().allMatch(cue -> cue.start() >= start)) {
            // it opens the clause: it ends at a comma, else it is only the gathering's name, a few words
            int comma = text.folded().indexOf('،', start);
            end = Math.min(end, comma >= 0 ? comma : start + OPENING_SIDELINES_CHARS);
        }
        return Optional.of(new Span(start, Math.max(start, end)));
    }

    /**
     * Whether a relative pronoun right before the verb of receiving stands for an official the subject's own news names
     * by title alone: «يواصل المدير العام للشرطة الإسبانية زيارة لبلادنا، استهلها بلقاء مع وزير الداخلية محمد سالم ولد
     * مرزوك، الذي استقبله بمكتبه»: the minister named last before الذي received the guest, at home.
     */
    private boolean relativeOfAnOwnOfficial(Clause clause, int verbStart) {
        String folded = text.folded();
        Optional<Match<Marker>> relative = clause.span().startingIn(found.markers()).stream()
                .filter(m -> m.value() == Marker.RELATIVE && m.end() <= verbStart && folded.substring(m.end(), verbStart).isBlank())
                .findFirst();
        if (relative.isEmpty()) {
            return false;
        }
        int pronoun = relative.get().start();
        Optional<Match<String>> lastTitle = found.titles().stream()
                .filter(title -> title.start() >= clause.span().start() && title.end() <= pronoun).reduce((first, last) -> last);
        return lastTitle.filter(title -> clause.mentions().stream().noneMatch(m -> m.start() > title.start() && m.start() < pronoun))
                .filter(title -> NamedActors.countryOfTitle(folded, title, clause).isEmpty()).isPresent();
    }

    /** Whether a word of taking part follows «على هامش» at once: what the talks were beside is the subject's presence. */
    private boolean partOfIt(Match<Marker> sidelines) {
        return found.markers().stream().anyMatch(m -> m.value() == Marker.PARTICIPATION && m.start() >= sidelines.end()
                && text.folded().substring(sidelines.end(), m.start()).isBlank());
    }

    /**
     * Whether a foreign official's trip went to the article's own country, named without its name (وصل الوزير
     * العراقي إلى البلاد، زيارة عمل أجراها وزير الداخلية المغربي إلى المملكة): the clause names no place, and a
     * foreign party before the word for home.
     */
    private boolean cameHome(Clause clause, String subject) {
        return clause.type() == EventType.VISIT && clause.mentions().stream().noneMatch(m -> m.role().place())
                && clause.span().startingIn(found.markers()).stream().filter(m -> m.value() == Marker.HOME)
                .anyMatch(home -> clause.mentions().stream().anyMatch(m -> foreignPartyBefore(m, home, subject)));
    }

    /**
     * Whether talks were held in the office of the official who held them, or at his ministry's seat (بحث مدير الأمن
     * العام، في مكتبه أمس، مع …؛ بمقر الوزارة): no foreign party named before it, whose office it would be, nor a
     * country right after it (بمقر الوزارة الإسبانية).
     */
    private boolean atOwnOffice(Clause clause, String subject) {
        return clause.span().startingIn(found.markers()).stream().filter(m -> m.value() == Marker.OWN_OFFICE)
                .anyMatch(office -> clause.mentions().stream().noneMatch(m -> foreignPartyBefore(m, office, subject) || rightAfter(m, office)));
    }

    private static boolean foreignPartyBefore(Mention mention, Match<Marker> marker, String subject) {
        return mention.start() < marker.start() && !mention.code().equals(subject) && mention.role().party();
    }

    /** Whether only spaces stand between the marker and the mention: «بمقر الوزارة الإسبانية». */
    private boolean rightAfter(Mention mention, Match<Marker> marker) {
        return mention.start() >= marker.end() && text.folded().substring(marker.end(), mention.start()).isBlank();
    }

    /**
     * Whether the clause's sentence names no place and no gathering it is held beside (على هامش): what the
     * article's dateline places.
     */
    private boolean placeless(Clause clause) {
        return clause.inSentence().stream().noneMatch(m -> m.role().place())
                && !clause.sentence().holds(found.markers(), Marker.SIDELINES);
    }

    /**
     * @param gathering the phrase naming the gathering talks were held beside: the bodies it names (its council, its
     *                  assembly) take no part in the talks, as its countries take none
     */
    private Shared shared(Clause clause, Span paragraph, boolean underWay, Optional<Span> gathering) {
        List<String> themes = values(found.themes(), clause.sentence());
        if (themes.isEmpty()) {
            themes = values(found.themes(), paragraph);
        }
        boolean written = clause.sentence().holds(found.markers(), Marker.WRITTEN);
        List<Match<String>> bodies = clause.span().startingIn(found.organisations()).stream()
                .filter(body -> gathering.filter(phrase -> phrase.contains(body.start())).isEmpty()).toList();
        return new Shared(NamedActors.of(text, clause, found), values(bodies, clause.span()), themes,
                evidence(clause.sentence()), written, recalled(clause), underWay,
                clause.type().meeting() ? Receiver.of(text.folded(), clause, found) : Set.of());
    }

    /** Whether the clause's sentence recalls an earlier act (وسبق أن، في وقت سابق). */
    private boolean recalled(Clause clause) {
        return clause.sentence().holds(found.markers(), Marker.EARLIER);
    }

    /** Whether a re-mention of one kind may name an act of the other: «الاجتماع» may name a conference's meeting. */
    private static boolean sameFamily(EventType one, EventType other) {
        return one == other || gathering(one) && gathering(other);
    }

    /**
     * Whether the sentence says someone takes part in, chairs or hosts the gathering (شارك، ترأس، استضاف), or the
     * clause names an official whose agenda it is (عرف نشاط حموشي … قمة أمنية في روما).
     */
    private boolean tookPart(Clause clause) {
        return clause.sentence().holds(found.markers(), TAKING_PART)
                || !clause.sentence().startingIn(found.persons()).isEmpty();
    }

    private static boolean gathering(EventType type) {
        return type.meeting() || type == EventType.CONFERENCE;
    }

    /**
     * The countries whose officials the clause says took part in a gathering, after naming it (مؤتمر …، وشاركت فيه
     * الكويت والسعودية …، اجتماعا لدول الجوار، شارك فيه وزراء … في الأردن وتركيا): its guests, when the subject
     * hosts it. A word of taking part before the gathering is the subject's own (افتتح أعمال القمة).
     */
    private List<String> guests(Clause clause, String subject) {
        Optional<Match<EventType>> gathering = clause.span().startingIn(found.cues()).stream()
                .filter(cue -> cue.value() == EventType.CONFERENCE).findFirst();
        Optional<Match<Marker>> taking = gathering.flatMap(named -> clause.span().startingIn(found.markers()).stream()
                .filter(m -> m.value() == Marker.PARTICIPATION && m.start() > named.end()).reduce((first, last) -> last));
        if (taking.isEmpty()) {
            return List.of();
        }
        LinkedHashSet<String> guests = new LinkedHashSet<>();
        clause.mentions().stream().filter(m -> m.start() > taking.get().end() && !m.code().equals(subject)
                && m.role().party()).forEach(m -> guests.add(m.code()));
        return List.copyOf(guests);
    }

    /** How far after a word of convening (استضافه، تحتضنه، بدعوة من) its convener is named. */
    private static final int CONVENER_REACH = 30;

    /** The state named right after a word of hosting or organising a conference: where it is held. */
    private Optional<Mention> host(Clause clause) {
        return namedAfter(clause, marker -> marker == Marker.CONVENER || marker == Marker.ORGANISER, false, null);
    }

    /** Where a conference is held: the place named, else its host's or organiser's, else where the article placed it before. */
    private Event.Location conferencePlace(Clause clause, Event.Location placedBefore) {
        return Optional.ofNullable(heldAt(clause)).or(() -> host(clause).map(this::location)).orElse(placedBefore);
    }

    /**
     * The state that convenes a conference: the one that organises it or invites to it (نظمته وزارة الداخلية
     * الإيرانية، بدعوة من وزير الداخلية الإيطالي), or hosts it (استضافه الأردن، تحتضنه الرياض) unless the
     * sentence names an international body, whose meetings a state only hosts (الإنتربول، الأمم المتحدة). Never the
     * subject: a clause that names the subject hosting one session and then another state hosting the session held
     * elsewhere (ويستضيف الأردن المؤتمر … النسخة الأولى التي احتضنتها العاصمة العراقية في آب 2021) gives that state
     * as the convener of the session held there.
     */
    private Optional<Mention> convener(Clause clause, String subject, Event.Location held) {
        boolean bodyNamed = !clause.sentence().startingIn(found.organisations()).isEmpty();
        Predicate<Marker> convening = marker -> marker == Marker.ORGANISER || marker == Marker.CONVENER && !bodyNamed;
        Optional<Mention> first = namedAfter(clause, convening, true, null);
        if (first.isEmpty() || !first.get().code().equals(subject)) {
            return first;
        }
        return namedAfter(clause, convening, true, subject).filter(state -> held != null && held.country().equals(state.code()));
    }

    /**
     * The first state named within reach after a marker of the kinds; with {@code notAfterABody}, none when an
     * international body is named before it (بدعوة من الإنتربول و…): the body is the one the marker names. A marker
     * that names the state {@code passedOver} (null: none) is passed over for the next one.
     */
    private Optional<Mention> namedAfter(Clause clause, Predicate<Marker> kinds, boolean notAfterABody, String passedOver) {
        for (Match<Marker> marker : clause.upToItsEnd().startingIn(found.markers())) {
            if (kinds.test(marker.value())) {
                Optional<Mention> named = clause.inSentence().stream()
                        .filter(m -> m.start() >= marker.end() && m.start() - marker.end() <= CONVENER_REACH).findFirst();
                if (named.isPresent() && notAfterABody && found.organisations().stream()
                        .anyMatch(body -> body.start() >= marker.end() && body.start() < named.get().start())) {
                    return Optional.empty();
                }
                if (named.isPresent() && !named.get().code().equals(passedOver)) {
                    return named;
                }
            }
        }
        return Optional.empty();
    }

    /** Where a conference or an election is held: the place named, or where the subject travelled to. */
    private Event.Location heldAt(Clause clause) {
        return clause.venue().or(() -> clause.first(MentionRole.DESTINATION)).map(m -> location(clause.naming(m))).orElse(null);
    }

    /** One draft per partner; one with none when the counterpart is an international body (Interpol's chief received). */
    private List<Draft> bilateral(Clause clause, Parties parties, Shared shared, Event.EventDate date, double confidence,
                                  Event.Location sidelinesPlace) {
        EventType type = parties.type();
        Event.Location home = parties.subject() == null ? null : placeOf(clause, parties.subject());
        Optional<Event.Location> venue = clause.venue().map(m -> location(clause.naming(m)));
        // a wanted man the subject's services handed over, or whose arrest they told a counterpart of, was arrested at home
        boolean atHome = type == EventType.INTEL_SHARING && clause.span().holds(found.markers(), Marker.OPERATION_AT_HOME);
        // where the act with a partner took place; with a body alone (its medal handed over in Lyon), where the clause says
        Function<String, Event.Location> placed = partner -> switch (type) {
            case VISIT, INTEL_SHARING -> atHome ? home : partner == null ? venue.orElse(null) : placeOf(clause, partner);
            case HOST -> home;
            case PRAISE -> null;
            case MEET -> parties.remote() ? null : venue.orElse(sidelinesPlace);
            default -> venue.orElse(null);
        };
        List<Draft> drafts = new ArrayList<>();
        if (parties.partners().isEmpty() && !shared.organisations().isEmpty()) {
            drafts.add(shared.draft(type, parties.subject(), List.of(), date, placed.apply(null), confidence));
        }
        for (List<String> party : type == EventType.HOST || type == EventType.AGREEMENT
                ? together(clause, parties.partners()) : parties.partners().stream().map(List::of).toList()) {
            drafts.add(shared.draft(type, parties.subject(), party, date, placed.apply(party.getFirst()), confidence));
        }
        return drafts;
    }

    /** How many words may stand between two officials joined by و (وزير الداخلية الفرنسي جيرالد دارمانان ونظيرته الألمانية). */
    private static final int OFFICIALS_APART = 6;

    /**
     * The partners as the parties of a reception or a signing: countries named together (وزيرا خارجية فرنسا
     * وألمانيا، اتفق الأردن وسوريا والولايات المتحدة), officials joined by و (الوزير الفرنسي … ونظيرته الألمانية) or
     * named in the dual or the plural (وزيري الخارجية الفرنسي جان نويل بارو والألمانية …، وزراء الداخلية في العراق
     * وسوريا ولبنان) are received or sign together, one act;
     * unless the clause says they were met one by one (لقاءات منفصلة).
     */
    private List<List<String>> together(Clause clause, Set<String> partners) {
        if (clause.span().holds(found.markers(), Marker.SEPARATE)) {
            return partners.stream().map(List::of).toList();
        }
        if (clause.span().holds(found.markers(), Marker.TOGETHER)) {
            return partners.isEmpty() ? List.of() : List.of(List.copyOf(partners));
        }
        List<List<String>> parties = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        Mention previous = null;
        for (Mention mention : clause.mentions()) {
            String code = mention.code();
            if (partners.contains(code) && placed.add(code)) {
                boolean withPrevious = (mention.joined() || officialsJoined(previous, mention))
                        && previous != null && !parties.isEmpty() && parties.getLast().contains(previous.code());
                if (withPrevious) {
                    parties.getLast().add(code);
                } else {
                    parties.add(new ArrayList<>(List.of(code)));
                }
            }
            previous = mention;
        }
        partners.stream().filter(placed::add).forEach(code -> parties.add(new ArrayList<>(List.of(code))));
        return parties.stream().map(List::copyOf).toList();
    }

    /** Whether a second official, of {@code mention}'s country, is joined to the one of {@code previous} by و. */
    private boolean officialsJoined(Mention previous, Mention mention) {
        if (previous == null) {
            return false;
        }
        String between = text.folded().substring(previous.match().end(), mention.start()).strip();
        String[] words = between.isEmpty() ? new String[0] : between.split("[\\s،,]+");
        return words.length <= OFFICIALS_APART && Arrays.stream(words).anyMatch(MentionRole::joinsAnOfficial);
    }

    /** Higher when the date, the subject and the partners are known, lower when a named weekday contradicts the date. */
    private double confidence(Clause clause, String subject, Event.EventDate date) {
        boolean weekdayConflict = clause.sentence().startingIn(found.dates()).stream().anyMatch(DateMention::weekdayConflict);
        double confidence = 0.6 + (date != null ? 0.1 : 0) + (subject != null ? 0.1 : 0)
                + (!clause.mentions().isEmpty() ? 0.1 : 0) - (weekdayConflict ? 0.3 : 0);
        return Math.round(confidence * 100) / 100.0;
    }

    private Event.Location location(Mention mention) {
        Match<Gazetteer.CountryForm> match = mention.match();
        return new Event.Location(mention.code(), match.value().namesPlace() ? text.originalBetween(match.start(), match.end()) : null);
    }

    /**
     * The country {@code code} as a location, with the place the clause names in it (a city) when it names one: as
     * a place, else a city in another part of the sentence (جولة شملت برلين), not where a traveller came from.
     */
    private Event.Location placeOf(Clause clause, String code) {
        return clause.mentions().stream().filter(m -> m.role().place() && m.code().equals(code)).findFirst()
                .or(() -> clause.mentions().stream().filter(m -> m.match().value().kind() == Gazetteer.Kind.CITY
                        && m.role() != MentionRole.ORIGIN && m.code().equals(code)).findFirst())
                .map(m -> location(clause.naming(m))).orElseGet(() -> new Event.Location(code, null));
    }

    private static List<String> values(List<Match<String>> matches, Span span) {
        LinkedHashSet<String> values = new LinkedHashSet<>();
        span.startingIn(matches).forEach(match -> values.add(match.value()));
        return List.copyOf(values);
    }

    private Event.Evidence evidence(Span sentence) {
        int start = text.originalStart(sentence.start());
        int end = text.originalEnd(sentence.end());
        String original = text.original();
        while (start < end && NormalizedText.isWhitespace(original.charAt(start))) {
            start++;
        }
        while (end > start && NormalizedText.isWhitespace(original.charAt(end - 1))) {
            end--;
        }
        return new Event.Evidence(start, end);
    }
}

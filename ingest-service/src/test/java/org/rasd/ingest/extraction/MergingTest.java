package org.rasd.ingest.extraction;

import org.junit.jupiter.api.Test;
import org.rasd.ingest.record.Event;
import org.rasd.ingest.record.Event.Actor;
import org.rasd.ingest.record.Event.EventDate;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Coreference and merging, on drafts made here: repeats of an act, praise dated by its meeting, the year frame. */
class MergingTest {

    private static final EventDate MARCH_3 = new EventDate("2025-03-03", "day");
    private static final EventDate MARCH_9 = new EventDate("2025-03-09", "day");

    /** A draft of PT's act of {@code type} with {@code partners}, on {@code date}, in {@code country}, reported at {@code at}. */
    private static Draft draft(EventType type, List<String> partners, EventDate date, String country, int at) {
        return new Draft(type, "PT", partners, Map.of(), List.of(), date, country == null ? null : new Event.Location(country, null),
                List.of(), new Event.Evidence(at, at + 10), 0.8, false, false, false, Set.of());
    }

    /** The same draft, reported while its stay goes on (واصل زيارته، اختتم زيارته). */
    private static Draft underWay(Draft draft) {
        return new Draft(draft.type(), draft.subject(), draft.partners(), draft.named(), draft.organisations(), draft.date(),
                draft.location(), draft.themes(), draft.evidence(), draft.confidence(), draft.nowhere(), draft.recalled(), true, Set.of());
    }

    private static List<Draft> merged(Draft... drafts) {
        return Merging.merged(List.of(drafts), Optional.empty(), Optional.empty(), 0);
    }

    /** Each draft as «TYPE [partners] date country @evidence start». */
    private static List<String> described(List<Draft> drafts) {
        return drafts.stream().map(d -> d.type() + " " + d.partners() + " " + (d.date() == null ? null : d.date().value()) + " "
                + (d.location() == null ? null : d.location().country()) + " @" + d.evidence().start()).toList();
    }

    @Test
    void aStayUnderWayIsDatedToItsMonthAsAVisitOrAReceptionButNotAsAMeeting() {
        assertEquals(List.of("VISIT [ES] 2025-03 ES @0"), described(merged(underWay(draft(EventType.VISIT, List.of("ES"), MARCH_3, "ES", 0)))));
        assertEquals(List.of("HOST [ES] 2025-03 PT @0"), described(merged(underWay(draft(EventType.HOST, List.of("ES"), MARCH_3, "PT", 0)))));
        assertEquals(List.of("MEET [ES] 2025-03-03 null @0"), described(merged(underWay(draft(EventType.MEET, List.of("ES"), MARCH_3, null, 0)))));
    }

    @Test
    void aReportThatTellsTheFirstDayOfAStayDatesIt() {
        EventDate march5 = new EventDate("2025-03-05", "day");
        assertEquals(List.of("VISIT [ES] 2025-03-03 ES @0"), described(merged(underWay(draft(EventType.VISIT, List.of("ES"), march5, "ES", 0)),
                draft(EventType.VISIT, List.of("ES"), MARCH_3, "ES", 50))));
    }

    @Test
    void aRepeatOfAnActIsOneEvent() {
        assertEquals(List.of("MEET [ES] 2025-03-03 null @0"),
                described(merged(draft(EventType.MEET, List.of("ES"), MARCH_3, null, 0), draft(EventType.MEET, List.of("ES"), MARCH_3, null, 50))));
    }

    /** The same draft, the reception of an official the words {@code host} name. */
    private static Draft receivedBy(Draft draft, String... host) {
        return new Draft(draft.type(), draft.subject(), draft.partners(), draft.named(), draft.organisations(), draft.date(),
                draft.location(), draft.themes(), draft.evidence(), draft.confidence(), draft.nowhere(), draft.recalled(),
                draft.underWay(), Set.of(host));
    }

    @Test
    void receptionsOfOneGuestByTwoOfficialsAreTwoEventsButOneOfficialsRepeatIsOne() {
        Draft byTheMinister = receivedBy(draft(EventType.HOST, List.of("KR"), MARCH_3, "PT", 20), "الداخليه", "شرفالدين");
        Draft byThePresident = receivedBy(draft(EventType.HOST, List.of("KR"), MARCH_3, "PT", 50), "الجمهوريه", "سعيد");
        assertEquals(List.of("HOST [KR] 2025-03-03 PT @20", "HOST [KR] 2025-03-03 PT @50"), described(merged(byTheMinister, byThePresident)));
        Draft recalled = receivedBy(draft(EventType.HOST, List.of("KR"), MARCH_3, "PT", 80), "شرفالدين");
        assertEquals(List.of("HOST [KR] 2025-03-03 PT @20"), described(merged(byTheMinister, recalled)), "the same official named again");
        assertEquals(List.of("HOST [KR] 2025-03-03 PT @20"), described(merged(byTheMinister, draft(EventType.HOST, List.of("KR"), MARCH_3, "PT", 80))),
                "a reception whose receiver is not read is a repeat");
        // a headline's reception sums up those of the article, whoever it names
        List<Draft> withHeadline = Merging.merged(List.of(receivedBy(draft(EventType.HOST, List.of("KR"), MARCH_3, "PT", 0), "الرئيس"),
                byTheMinister, byThePresident), Optional.empty(), Optional.empty(), 15);
        assertEquals(List.of("HOST [KR] 2025-03-03 PT @0", "HOST [KR] 2025-03-03 PT @50"), described(withHeadline));
    }

    @Test
    void theDatedReportGivesTheEventItsDateAndEvidence() {
        assertEquals(List.of("MEET [ES] 2025-03-03 null @50"),
                described(merged(draft(EventType.MEET, List.of("ES"), null, null, 0), draft(EventType.MEET, List.of("ES"), MARCH_3, null, 50))));
    }

    @Test
    void aMeetingReportedAgainAsAVisitIsTheVisit() {
        assertEquals(List.of("VISIT [ES] 2025-03-03 ES @0"),
                described(merged(draft(EventType.MEET, List.of("ES"), MARCH_3, null, 0), draft(EventType.VISIT, List.of("ES"), null, "ES", 50))));
    }

    @Test
    void aReceptionReportedAgainAsAMeetingIsTheReception() {
        assertEquals(List.of("HOST [ES] 2025-03-03 PT @0"),
                described(merged(draft(EventType.HOST, List.of("ES"), MARCH_3, "PT", 0), draft(EventType.MEET, List.of("ES"), null, null, 50))));
    }

    @Test
    void aVisitIsNeverAReception() {
        assertEquals(List.of("VISIT [ES] null null @0", "HOST [ES] null null @50"),
                described(merged(draft(EventType.VISIT, List.of("ES"), null, null, 0), draft(EventType.HOST, List.of("ES"), null, null, 50))));
    }

    @Test
    void actsOfDifferentKindsAreTwoEvents() {
        assertEquals(List.of("AGREEMENT [ES] null null @0", "MEET [ES] null null @50"),
                described(merged(draft(EventType.AGREEMENT, List.of("ES"), null, null, 0), draft(EventType.MEET, List.of("ES"), null, null, 50))));
    }

    @Test
    void actsOnDifferentDatesAreTwoEvents() {
        assertEquals(List.of("MEET [ES] 2025-03-03 null @0", "MEET [ES] 2025-03-09 null @50"),
                described(merged(draft(EventType.MEET, List.of("ES"), MARCH_3, null, 0), draft(EventType.MEET, List.of("ES"), MARCH_9, null, 50))));
    }

    @Test
    void reportsOfOneStayInACountryAreOneVisitFromItsFirstDay() {
        EventDate march5 = new EventDate("2025-03-05", "day");
        assertEquals(List.of("VISIT [ES] 2025-03-03 ES @0"),
                described(merged(draft(EventType.VISIT, List.of("ES"), MARCH_3, "ES", 0), draft(EventType.VISIT, List.of("ES"), march5, "ES", 50))));
        assertEquals(List.of("VISIT [ES] 2025-03-03 ES @0"),
                described(merged(draft(EventType.MEET, List.of("ES"), march5, "ES", 0), draft(EventType.VISIT, List.of("ES"), MARCH_3, "ES", 50))));
        assertEquals(List.of("VISIT [ES] 2025-03-03 ES @0", "VISIT [ES] 2025-03-09 ES @50"),
                described(merged(draft(EventType.VISIT, List.of("ES"), MARCH_3, "ES", 0), draft(EventType.VISIT, List.of("ES"), MARCH_9, "ES", 50))),
                "six days apart: two trips");
        assertEquals(List.of("HOST [ES] 2025-03-03 PT @0", "HOST [ES] 2025-03-05 PT @50"),
                described(merged(draft(EventType.HOST, List.of("ES"), MARCH_3, "PT", 0), draft(EventType.HOST, List.of("ES"), march5, "PT", 50))),
                "receptions on two days are two");
    }

    @Test
    void actsInDifferentCountriesAreTwoEvents() {
        assertEquals(List.of("MEET [ES] null IT @0", "MEET [ES] null FR @50"),
                described(merged(draft(EventType.MEET, List.of("ES"), null, "IT", 0), draft(EventType.MEET, List.of("ES"), null, "FR", 50))));
    }

    @Test
    void theSignatoriesOfAnAgreementNamedOneByOneSignedIt() {
        assertEquals(List.of("AGREEMENT [TD, NE, SD] 2025-03-03 TD @0"),
                described(merged(draft(EventType.AGREEMENT, List.of("TD", "NE", "SD"), MARCH_3, "TD", 0),
                        draft(EventType.AGREEMENT, List.of("TD"), null, null, 50), draft(EventType.AGREEMENT, List.of("SD"), null, null, 50))));
        // a signing of its own with one of them, dated, stays
        assertEquals(2, merged(draft(EventType.AGREEMENT, List.of("TD", "NE"), MARCH_3, "TD", 0),
                draft(EventType.AGREEMENT, List.of("TD"), MARCH_9, null, 50)).size());
    }

    @Test
    void talksWithNoPlaceTakeTheOneCountryOfTheDaysOtherActs() {
        assertEquals(List.of("CONFERENCE [] 2025-03-03 TN @0", "MEET [EG] 2025-03-03 TN @50"),
                described(merged(draft(EventType.CONFERENCE, List.of(), MARCH_3, "TN", 0), draft(EventType.MEET, List.of("EG"), MARCH_3, null, 50))));
        // acts in two countries that day leave them unplaced
        assertEquals("MEET [EG] 2025-03-03 null @80", described(merged(draft(EventType.CONFERENCE, List.of(), MARCH_3, "TN", 0),
                draft(EventType.VISIT, List.of("DZ"), MARCH_3, "DZ", 40), draft(EventType.MEET, List.of("EG"), MARCH_3, null, 80))).getLast());
    }

    @Test
    void talksPlacedOnlyByTheirDayAreNamedByWhereTheyWereHeld() {
        assertEquals(List.of("HOST [ES] 2025-03-03 PT @0", "HOST [FR] 2025-03-03 PT @50"),
                described(merged(draft(EventType.HOST, List.of("ES"), MARCH_3, "PT", 0), draft(EventType.MEET, List.of("FR"), MARCH_3, null, 50))),
                "at home: a reception");
        assertEquals(List.of("VISIT [ES] 2025-03-03 ES @0"),
                described(merged(draft(EventType.VISIT, List.of("ES"), MARCH_3, "ES", 0), draft(EventType.MEET, List.of("ES"), MARCH_3, null, 50))),
                "in the one partner's country: the visit there");
        assertEquals(List.of("VISIT [ES] 2025-03-03 ES @0", "MEET [FR] 2025-03-03 ES @50"),
                described(merged(draft(EventType.VISIT, List.of("ES"), MARCH_3, "ES", 0), draft(EventType.MEET, List.of("FR"), MARCH_3, null, 50))),
                "with a third country's official: talks");
    }

    @Test
    void actsWithDifferentPartnersAreTwoEvents() {
        assertEquals(List.of("MEET [ES] null null @0", "MEET [ES, FR] null null @50"),
                described(merged(draft(EventType.MEET, List.of("ES"), null, null, 0), draft(EventType.MEET, List.of("ES", "FR"), null, null, 50))));
    }

    @Test
    void thePartnersAreASetWhateverTheirOrder() {
        assertTrue(Merging.sameAct(draft(EventType.MEET, List.of("ES", "FR"), null, null, 0), draft(EventType.MEET, List.of("FR", "ES"), null, null, 50)));
        assertFalse(Merging.sameAct(draft(EventType.MEET, List.of("ES", "FR"), null, null, 0), draft(EventType.MEET, List.of("ES", "IT"), null, null, 50)));
    }

    @Test
    void aMergedEventKeepsEveryDetailOfBothReports() {
        Draft headline = new Draft(EventType.MEET, "PT", List.of("ES"), Map.of("ES", new Actor("ES", null, "وزير الداخلية")),
                List.of("INTERPOL"), null, null, List.of("TERRORISM"), new Event.Evidence(0, 10), 0.7, false, false, false, Set.of());
        Draft paragraph = new Draft(EventType.MEET, "PT", List.of("ES"), Map.of("PT", new Actor("PT", null, "وزير العدل"),
                "ES", new Actor("ES", "اسم", "وزير الداخلية")), List.of("EUROPOL"), MARCH_3, new Event.Location("IT", "روما"),
                List.of("ORGANIZED_CRIME", "TERRORISM"), new Event.Evidence(20, 40), 0.9, false, false, false, Set.of());
        Draft one = merged(headline, paragraph).getFirst();
        assertEquals(new Draft(EventType.MEET, "PT", List.of("ES"), Map.of("PT", new Actor("PT", null, "وزير العدل"),
                        "ES", new Actor("ES", "اسم", "وزير الداخلية")), List.of("EUROPOL", "INTERPOL"), MARCH_3,
                        new Event.Location("IT", "روما"), List.of("ORGANIZED_CRIME", "TERRORISM"), new Event.Evidence(20, 40), 0.9, false, false, false, Set.of()),
                one);
    }

    @Test
    void aRepeatIsMergedIntoTheFirstReportOfItsAct() {
        assertEquals(List.of("MEET [ES] 2025-03-03 null @0", "AGREEMENT [ES] 2025-03-03 null @20"),
                described(merged(draft(EventType.MEET, List.of("ES"), MARCH_3, null, 0), draft(EventType.AGREEMENT, List.of("ES"), null, null, 20),
                        draft(EventType.MEET, List.of("ES"), null, null, 40))));
    }

    @Test
    void undatedPraiseTakesTheDateAndPlaceOfTheNearestMeetingWithTheSamePartnersBeforeIt() {
        assertEquals(List.of("HOST [ES] 2025-03-09 PT @0", "MEET [ES] 2025-03-03 IT @20", "PRAISE [ES] 2025-03-03 IT @40",
                        "VISIT [ES] 2025-03-09 ES @45"),
                described(merged(draft(EventType.HOST, List.of("ES"), MARCH_9, "PT", 0), draft(EventType.MEET, List.of("ES"), MARCH_3, "IT", 20),
                        draft(EventType.PRAISE, List.of("ES"), null, null, 40), draft(EventType.VISIT, List.of("ES"), MARCH_9, "ES", 45))));
    }

    @Test
    void undatedPraiseBeforeAnyMeetingTakesTheDateAndPlaceOfTheNearestAfter() {
        assertEquals(List.of("PRAISE [ES] 2025-03-03 PT @0", "HOST [ES] 2025-03-03 PT @20", "VISIT [ES] 2025-03-09 ES @60"),
                described(merged(draft(EventType.PRAISE, List.of("ES"), null, null, 0), draft(EventType.HOST, List.of("ES"), MARCH_3, "PT", 20),
                        draft(EventType.VISIT, List.of("ES"), MARCH_9, "ES", 60))));
    }

    @Test
    void anUndatedActIsDatedByTheOccasionWithItsPartnersNotByAnotherPartnersOne() {
        assertEquals(List.of("HOST [FR] 2025-03-03 PT @0", "AGREEMENT [ES] 2025-03-09 null @20", "PRAISE [ES] 2025-03-09 null @40"),
                described(merged(draft(EventType.HOST, List.of("FR"), MARCH_3, "PT", 0), draft(EventType.AGREEMENT, List.of("ES"), MARCH_9, null, 20),
                        draft(EventType.PRAISE, List.of("ES"), null, null, 40))));
    }

    /** A draft as {@link #draft} makes it, of an act the article recalls from earlier (سبق أن). */
    private static Draft recalled(EventType type, List<String> partners, EventDate date, String country, int at) {
        Draft draft = draft(type, partners, date, country, at);
        return new Draft(draft.type(), draft.subject(), draft.partners(), draft.named(), draft.organisations(), draft.date(),
                draft.location(), draft.themes(), draft.evidence(), draft.confidence(), draft.nowhere(), true, false, Set.of());
    }

    @Test
    void anActRecalledFromEarlierIsTheOccasionOfNoActOfTheNews() {
        EventDate november2015 = new EventDate("2015-11", "month");
        assertEquals(List.of("HOST [GB] null PT @0", "VISIT [GB] 2015-11 GB @40"),
                described(merged(draft(EventType.HOST, List.of("GB"), null, "PT", 0),
                        recalled(EventType.VISIT, List.of("GB"), november2015, "GB", 40))));
        assertEquals(List.of("VISIT [GB] 2015-11 GB @0", "PRAISE [GB] 2015-11 GB @40"),
                described(merged(recalled(EventType.VISIT, List.of("GB"), november2015, "GB", 0),
                        recalled(EventType.PRAISE, List.of("GB"), null, null, 40))), "an act recalled with it is");
    }

    @Test
    void intelligenceSharedIsNeitherDatedByNorDatesAnOccasion() {
        assertEquals(List.of("HOST [ES] 2025-03-03 PT @0", "INTEL_SHARING [ES] null ES @20", "INTEL_SHARING [FR] 2025-03-09 FR @40",
                        "PRAISE [FR] 2025-03-03 null @60"),
                described(merged(draft(EventType.HOST, List.of("ES"), MARCH_3, "PT", 0), draft(EventType.INTEL_SHARING, List.of("ES"), null, "ES", 20),
                        draft(EventType.INTEL_SHARING, List.of("FR"), MARCH_9, "FR", 40), draft(EventType.PRAISE, List.of("FR"), null, null, 60))));
    }

    @Test
    void praiseWrittenBeforeTheMeetingInTheBodyIsARemarkPlacedNowhere() {
        assertEquals(List.of("VISIT [FR] 2025-03-09 FR @0", "PRAISE [ES] 2025-03-03 null @20", "HOST [ES] 2025-03-03 PT @40"),
                described(merged(draft(EventType.VISIT, List.of("FR"), MARCH_9, "FR", 0), draft(EventType.PRAISE, List.of("ES"), null, null, 20),
                        draft(EventType.HOST, List.of("ES"), MARCH_3, "PT", 40))));
    }

    @Test
    void praiseOnAnotherDayThanTheMeetingIsNotPlacedThere() {
        assertEquals(List.of("HOST [ES] 2025-03-03 PT @0", "PRAISE [ES] 2025-03-09 null @20"),
                described(merged(draft(EventType.HOST, List.of("ES"), MARCH_3, "PT", 0), draft(EventType.PRAISE, List.of("ES"), MARCH_9, null, 20))));
    }

    @Test
    void praiseSpokenAtADecorationOrASigningIsPlacedWhereItWasGiven() {
        assertEquals(List.of("HONOR [ES] 2025-03-03 PT @0", "PRAISE [ES] 2025-03-03 PT @20"),
                described(merged(draft(EventType.HONOR, List.of("ES"), MARCH_3, "PT", 0), draft(EventType.PRAISE, List.of("ES"), MARCH_3, null, 20))));
        assertEquals(List.of("AGREEMENT [ES] 2025-03-03 ES @0", "VISIT [ES] 2025-03-03 ES @0", "PRAISE [ES] 2025-03-03 ES @20"),
                described(merged(draft(EventType.AGREEMENT, List.of("ES"), MARCH_3, "ES", 0), draft(EventType.PRAISE, List.of("ES"), MARCH_3, null, 20))));
        assertEquals(List.of("INTEL_SHARING [ES] 2025-03-03 ES @0", "PRAISE [ES] 2025-03-03 null @20"),
                described(merged(draft(EventType.INTEL_SHARING, List.of("ES"), MARCH_3, "ES", 0), draft(EventType.PRAISE, List.of("ES"), MARCH_3, null, 20))),
                "an operation is no occasion to speak at");
    }

    @Test
    void anActTheArticleGivesNoDateTakesTheDateOfTheActReportedBeforeIt() {
        assertEquals(List.of("VISIT [FR] 2025-03-09 FR @0", "MEET [DE] 2025-03-09 null @20", "PRAISE [] 2025-03-09 null @40"),
                described(merged(draft(EventType.VISIT, List.of("FR"), MARCH_9, "FR", 0), draft(EventType.MEET, List.of("DE"), null, null, 20),
                        draft(EventType.PRAISE, List.of(), null, null, 40))));
        assertEquals(List.of("MEET [DE] null null @0", "VISIT [FR] 2025-03-09 FR @20"),
                described(merged(draft(EventType.MEET, List.of("DE"), null, null, 0), draft(EventType.VISIT, List.of("FR"), MARCH_9, "FR", 20))),
                "no act reported before it: nothing dates it");
    }

    @Test
    void aSigningOrADecorationInThePartnersCountryIsAlsoAVisitThere() {
        assertEquals(List.of("AGREEMENT [ES] 2025-03-03 ES @0", "VISIT [ES] 2025-03-03 ES @0"),
                described(merged(draft(EventType.AGREEMENT, List.of("ES"), MARCH_3, "ES", 0))));
        assertEquals(List.of("HONOR [FR] 2025-03-09 FR @0", "VISIT [FR] 2025-03-09 FR @0"),
                described(merged(draft(EventType.HONOR, List.of("FR"), MARCH_9, "FR", 0))));
        assertEquals(List.of("AGREEMENT [ES] 2025-03-03 PT @0"), described(merged(draft(EventType.AGREEMENT, List.of("ES"), MARCH_3, "PT", 0))),
                "signed at home: no visit");
        assertEquals(List.of("AGREEMENT [ES, FR] 2025-03-03 ES @0"),
                described(merged(draft(EventType.AGREEMENT, List.of("ES", "FR"), MARCH_3, "ES", 0))), "signed with several: no one host");
    }

    @Test
    void aSigningAbroadRecalledAsBackgroundIsNoTripTheArticleTells() {
        Draft signed = draft(EventType.AGREEMENT, List.of("TR"), MARCH_3, "TR", 0);
        Draft recalled = new Draft(signed.type(), signed.subject(), signed.partners(), signed.named(), signed.organisations(),
                signed.date(), signed.location(), signed.themes(), signed.evidence(), signed.confidence(), false, true, false, Set.of());
        assertEquals(List.of("AGREEMENT [TR] 2025-03-03 TR @0", "VISIT [TR] 2025-03-03 TR @0"), described(merged(signed)), "the news: signed there");
        assertEquals(List.of("AGREEMENT [TR] 2025-03-03 TR @0"), described(merged(recalled)));
    }

    @Test
    void theVisitOfASigningAbroadIsTheVisitReportedBesideIt() {
        assertEquals(List.of("VISIT [ES] 2025-03-03 ES @0", "AGREEMENT [ES] 2025-03-03 ES @20"),
                described(merged(draft(EventType.VISIT, List.of("ES"), MARCH_3, "ES", 0), draft(EventType.AGREEMENT, List.of("ES"), MARCH_3, "ES", 20))));
    }

    @Test
    void anActRecalledFromEarlierIsNotDatedByTheOccasionBeforeIt() {
        Draft recalled = draft(EventType.HOST, List.of("DE"), null, "PT", 20);
        recalled = new Draft(recalled.type(), recalled.subject(), recalled.partners(), recalled.named(), recalled.organisations(),
                null, recalled.location(), recalled.themes(), recalled.evidence(), recalled.confidence(), false, true, false, Set.of());
        assertEquals(List.of("VISIT [FR] 2025-03-09 FR @0", "HOST [DE] null PT @20"),
                described(merged(draft(EventType.VISIT, List.of("FR"), MARCH_9, "FR", 0), recalled)));
    }

    @Test
    void theYearOfALookBackArticleDatesWhatItLeavesUndated() {
        List<Draft> merged = Merging.merged(List.of(draft(EventType.MEET, List.of("ES"), null, null, 0),
                draft(EventType.VISIT, List.of("FR"), MARCH_3, "FR", 20)), Optional.of(new EventDate("2023", "year")), Optional.empty(), 0);
        assertEquals(List.of("MEET [ES] 2023 null @0", "VISIT [FR] 2025-03-03 FR @20"), described(merged));
        assertEquals("year", merged.getFirst().date().precision());
    }

    @Test
    void anAgreementPlacedNowhereWasSignedWhereItsPartiesMet() {
        assertEquals(List.of("HOST [ES] 2025-03-03 PT @0", "AGREEMENT [ES] 2025-03-03 PT @20", "AGREEMENT [FR] 2025-03-09 null @40"),
                described(merged(draft(EventType.HOST, List.of("ES"), MARCH_3, "PT", 0), draft(EventType.AGREEMENT, List.of("ES"), MARCH_3, null, 20),
                        draft(EventType.AGREEMENT, List.of("FR"), MARCH_9, null, 40))));
    }

    @Test
    void partiesNamedInAnotherOrderAreTheSameParties() {
        assertEquals(List.of("HOST [FR, DE] 2025-03-03 PT @0", "AGREEMENT [DE, FR] 2025-03-03 PT @20"),
                described(merged(draft(EventType.HOST, List.of("FR", "DE"), MARCH_3, "PT", 0),
                        draft(EventType.AGREEMENT, List.of("DE", "FR"), null, null, 20))));
    }

    @Test
    void aMeetingOfSeveralPartnersReportedAlsoOneByOneSumsUpTheSeparateMeetings() {
        assertEquals(List.of("HOST [ES] 2025-03-03 PT @20", "HOST [FR] 2025-03-03 PT @40"),
                described(merged(draft(EventType.HOST, List.of("ES", "FR"), MARCH_3, "PT", 0), draft(EventType.HOST, List.of("ES"), null, null, 20),
                        draft(EventType.HOST, List.of("FR"), null, "PT", 40))));
    }

    @Test
    void aMeetingOfSeveralPartnersIsAnActOfItsOwnWhenOneOfThemIsNotMetAlone() {
        assertEquals(List.of("HOST [ES, FR] 2025-03-03 PT @0", "HOST [ES] 2025-03-03 null @20"),
                described(merged(draft(EventType.HOST, List.of("ES", "FR"), MARCH_3, "PT", 0), draft(EventType.HOST, List.of("ES"), null, null, 20))));
    }

    @Test
    void partiesThatSignTogetherSignOneAgreementEvenWhenEachIsNamedSigningToo() {
        assertEquals(3, merged(draft(EventType.AGREEMENT, List.of("ES", "FR"), MARCH_3, "PT", 0),
                draft(EventType.AGREEMENT, List.of("ES"), MARCH_3, null, 20), draft(EventType.AGREEMENT, List.of("FR"), MARCH_3, null, 40)).size());
    }

    @Test
    void anOccasionTheLeadDatesDatesTheActsOfItReportedFurtherDown() {
        List<Draft> merged = Merging.merged(List.of(draft(EventType.HOST, List.of("ES"), null, "PT", 0),
                        draft(EventType.PRAISE, List.of("ES"), null, null, 200)), Optional.empty(),
                Optional.of(new Merging.Lead(0, 100, MARCH_9)), 0);
        assertEquals(List.of("HOST [ES] 2025-03-09 PT @0", "PRAISE [ES] 2025-03-09 PT @200"), described(merged));
    }

    @Test
    void aPraiseTheHeadlineAnnouncesBesideAMeetingIsPlacedByTheMeetingReportedBelow() {
        // «وزير الداخلية يستقبل نظيره التركي.. ويرلي كايا يشيد بجهود …», then the reception in Cairo
        Draft praise = draft(EventType.PRAISE, List.of("ES"), MARCH_3, null, 40);
        Draft reception = draft(EventType.HOST, List.of("ES"), MARCH_3, "PT", 120);
        assertEquals(List.of("HOST [ES] 2025-03-03 PT @120", "PRAISE [ES] 2025-03-03 PT @40"),
                described(Merging.merged(List.of(reception, praise), Optional.empty(), Optional.empty(), 100)));
        assertEquals(List.of("HOST [ES] 2025-03-03 PT @120", "PRAISE [ES] 2025-03-03 null @40"),
                described(Merging.merged(List.of(reception, praise), Optional.empty(), Optional.empty(), 0)),
                "below the headline, a praise reported before the meeting is a remark made anywhere");
    }

    @Test
    void aConferenceWhoseConvenerOneReportLeavesUnnamedIsOneEventWithTheConvener() {
        assertEquals(List.of("CONFERENCE [IR] 2025-03-03 IR @0"),
                described(merged(draft(EventType.CONFERENCE, List.of(), MARCH_3, null, 0), draft(EventType.CONFERENCE, List.of("IR"), null, "IR", 50))));
        assertEquals(2, merged(draft(EventType.CONFERENCE, List.of("IT"), MARCH_3, "IT", 0),
                draft(EventType.CONFERENCE, List.of("IR"), MARCH_3, "IR", 50)).size(), "two conveners, two conferences");
    }
}

package org.rasd.support.incident;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActReportTest {

    private static ActReport report(String type, String date, String place, String... partners) {
        return ActReport.of(type, "MA", List.of(partners), date, place);
    }

    @Test
    void aDayMatchesItselfAndTheDaysEitherSide() {
        ActReport monday = report("HOST", "2024-03-11", "MA", "ES");
        assertTrue(monday.sameActAs(report("HOST", "2024-03-11", "MA", "ES")));
        assertTrue(monday.sameActAs(report("HOST", "2024-03-12", "MA", "ES")));
        assertTrue(monday.sameActAs(report("HOST", "2024-03-10", "MA", "ES")));
        assertFalse(monday.sameActAs(report("HOST", "2024-03-13", "MA", "ES")));
    }

    @Test
    void aMonthOrAYearHoldsItsDaysButNotOthers() {
        ActReport day = report("AGREEMENT", "2024-02-01", "DZ", "IT");
        assertTrue(day.sameActAs(report("AGREEMENT", "2024-02", null, "IT")));
        assertTrue(report("AGREEMENT", "2024", null, "IT").sameActAs(day));
        assertFalse(day.sameActAs(report("AGREEMENT", "2024-03", null, "IT")));
        assertFalse(day.sameActAs(report("AGREEMENT", "1999", null, "IT")));
    }

    @Test
    void reportsOfAConferenceThatNameOtherBodiesAreOneActButAMeetingWithABodyIsNotOneWithout() {
        ActReport conference = report("CONFERENCE", "2024-07-22", "IQ", "ARAB_INTERIOR_COUNCIL", "UNODC");
        assertTrue(conference.sameActAs(report("CONFERENCE", "2024-07-22", "IQ", "ARAB_INTERIOR_COUNCIL", "NAUSS", "UNODC")));
        assertTrue(conference.sameActAs(report("CONFERENCE", "2024-07-22", null)));
        assertFalse(conference.sameActAs(report("CONFERENCE", "2024-07-22", "IQ", "JO")), "another convener");
        assertFalse(report("HOST", "2024-07-22", "MA", "ES", "INTERPOL").sameActAs(report("HOST", "2024-07-22", "MA", "ES")));
    }

    @Test
    void aTalkJoinsItsVisitOrHostingButAVisitIsNotAHosting() {
        ActReport talk = report("MEET", "2024-03-11", null, "ES");
        assertTrue(talk.sameActAs(report("HOST", "2024-03-11", "MA", "ES")));
        assertTrue(report("VISIT", "2024-03-11", "ES", "ES").sameActAs(talk));
        assertFalse(report("VISIT", "2024-03-11", null, "ES").sameActAs(report("HOST", "2024-03-11", null, "ES")));
        assertFalse(talk.sameActAs(report("AGREEMENT", "2024-03-11", null, "ES")));
    }

    @Test
    void aVisitToldByTheGuestsSideIsTheHostingToldByTheHostsSide() {
        ActReport hosting = ActReport.of("HOST", "JO", List.of("KW"), "2025-02-17", "JO");
        ActReport visit = ActReport.of("VISIT", "KW", List.of("JO"), "2025-02-17", "JO");
        assertTrue(hosting.sameActAs(visit));
        assertTrue(visit.sameActAs(hosting));
        assertEquals(hosting.joinKey(), visit.joinKey(), "the catalog finds one from the other");
        assertTrue(ActReport.of("MEET", "KW", List.of("JO"), "2025-02", null).sameActAs(hosting), "a talk either side tells");
        assertFalse(ActReport.of("VISIT", "JO", List.of("KW"), "2025-02-17", "KW").sameActAs(visit), "a visit each way");
        assertFalse(ActReport.of("HOST", "KW", List.of("JO"), "2025-02-17", "KW").sameActAs(hosting), "a reception each way");
        assertFalse(ActReport.of("HOST", "KW", List.of("JO", "IQ"), "2025-02-17", "JO").sameActAs(hosting), "a third party");
        assertEquals(hosting, ActReport.of("MEET", "KW", List.of("JO"), "2025-02", null).joinedWith(hosting),
                "the hosting says who received whom");
    }

    @Test
    void aSigningToldByEachSignatorysSideIsOneAct() {
        ActReport qatari = ActReport.of("AGREEMENT", "QA", List.of("LY"), "2020-10-26", "QA");
        ActReport libyan = ActReport.of("AGREEMENT", "LY", List.of("QA"), "2020-10-26", null);
        assertTrue(qatari.sameActAs(libyan));
        assertTrue(libyan.sameActAs(qatari));
        assertEquals(qatari.joinKey(), libyan.joinKey(), "the catalog finds one from the other");
        assertFalse(ActReport.of("AGREEMENT", "LY", List.of("QA"), "2020-11-26", null).sameActAs(qatari), "another day's signing");
        assertFalse(ActReport.of("AGREEMENT", "LY", List.of("QA", "TR"), "2020-10-26", null).sameActAs(qatari), "a third party");
        assertFalse(ActReport.of("VISIT", "LY", List.of("QA"), "2020-10-26", "QA").sameActAs(qatari), "the visit it was signed on");
    }

    @Test
    void theActorPartnersAndPlaceMustAgree() {
        ActReport host = report("HOST", "2024-03-11", "MA", "ES");
        assertFalse(host.sameActAs(ActReport.of("HOST", "DZ", List.of("ES"), "2024-03-11", "MA")), "another actor");
        assertFalse(host.sameActAs(report("HOST", "2024-03-11", "MA", "ES", "FR")), "another partner set");
        assertFalse(host.sameActAs(report("HOST", "2024-03-11", "MA", "ES", "INTERPOL")), "an organisation more");
        assertTrue(host.sameActAs(report("HOST", "2024-03-11", null, "ES")), "a report silent on the place");
    }

    @Test
    void placesMustAgreeUnlessBothReportsGiveTheDay() {
        ActReport host = report("HOST", "2024-03", "MA", "ES");
        assertFalse(host.sameActAs(report("HOST", "2024-03", "ES", "ES")), "another place, the same month");
        assertFalse(host.sameActAs(report("HOST", "2024-03-11", "ES", "ES")), "another place, a day of the month");
        ActReport onTheDay = report("AGREEMENT", "2026-02-17", "EG", "RW");
        assertTrue(onTheDay.sameActAs(report("AGREEMENT", "2026-02-17", "RW", "RW")), "another place, the same day");
        assertTrue(onTheDay.sameActAs(report("AGREEMENT", "2026-02-18", "RW", "RW")), "another place, the next day");
        assertFalse(onTheDay.sameActAs(report("AGREEMENT", "2026-02-20", "RW", "RW")), "another place, days later");
    }

    @Test
    void anUndatedReportIsAnActOfItsOwn() {
        assertFalse(report("MEET", null, null, "TR").sameActAs(report("MEET", null, null, "TR")));
        assertFalse(report("MEET", null, null, "TR").sameActAs(report("MEET", "2019", null, "TR")));
    }

    @Test
    void joiningKeepsTheMoreSpecificTypeThePreciserDateAndAKnownPlace() {
        ActReport joined = report("MEET", "2024-03", null, "ES").joinedWith(report("HOST", "2024-03-11", "MA", "ES"));
        assertEquals(report("HOST", "2024-03-11", "MA", "ES"), joined);
        assertEquals(joined, report("HOST", "2024-03-11", "MA", "ES").joinedWith(report("MEET", "2024-03", null, "ES")));
    }

    @Test
    void aReportJoinsTheMostPreciseNearestAgreeingIncident() {
        ActReport march = report("HOST", "2024-03", "MA", "ES");
        ActReport eleventh = report("HOST", "2024-03-11", "MA", "ES");
        ActReport twentieth = report("HOST", "2024-03-20", "MA", "ES");
        List<ActReport> known = List.of(march, eleventh, twentieth);
        assertEquals(List.of(eleventh), joined(report("HOST", "2024-03-12", null, "ES"), known));
        assertEquals(List.of(eleventh), joined(report("HOST", "2024-03-10", null, "ES"), known));
        assertEquals(List.of(twentieth), joined(report("HOST", "2024-03-21", null, "ES"), known));
        assertEquals(List.of(march), joined(report("HOST", "2024-03-25", null, "ES"), known));
        assertEquals(List.of(), joined(report("HOST", "2024-04-01", null, "ES"), known));
    }

    @Test
    void aReportOfADayBridgesTheIncidentsOfTheDaysEitherSideButNotOneOfItsMonth() {
        ActReport seventh = report("HOST", "2024-07-07", "MA", "FI");
        ActReport ninth = report("HOST", "2024-07-09", "MA", "FI");
        ActReport july = report("HOST", "2024-07", "MA", "FI");
        assertEquals(List.of(seventh, ninth), joined(report("HOST", "2024-07-08", "MA", "FI"), List.of(seventh, july, ninth)),
                "the first listed of two as near keeps the act");
        assertEquals(List.of(seventh), joined(report("HOST", "2024-07", "MA", "FI"), List.of(seventh, ninth)),
                "a report of the month joins one of its days and bridges none");
        assertEquals(List.of(seventh), joined(report("HOST", "2024-07-06", "MA", "FI"), List.of(seventh, ninth)));
    }

    @Test
    void noIncidentTakesTwoEventsOfOneArticleVersion() {
        record Known(ActReport signature, Set<String> articles) {
        }
        Known byTheMinister = new Known(report("HOST", "2022-03-28", "TN", "KR"), Set.of("tn-1@1"));
        Known byThePresident = new Known(report("HOST", "2022-03-28", "TN", "KR"), Set.of("tn-1@1"));
        Known anotherOutlets = new Known(report("HOST", "2022-03-28", "TN", "KR"), Set.of("tn-2@1"));
        ActReport reception = report("HOST", "2022-03-28", "TN", "KR");
        assertEquals(List.of(anotherOutlets), Incidents.joinedAndBridged(reception, Set.of("tn-1@1"),
                List.of(byTheMinister, anotherOutlets), Known::signature, Known::articles), "the article's other reception is another act");
        assertEquals(List.of(byTheMinister), Incidents.joinedAndBridged(reception, Set.of("tn-3@1"),
                List.of(byTheMinister, byThePresident), Known::signature, Known::articles), "another outlet's report bridges no two of them");
        assertEquals(List.of(byTheMinister), Incidents.joinedAndBridged(reception, Set.of("tn-1@2"),
                List.of(byTheMinister), Known::signature, Known::articles), "a new version of the article joins its old one's");
    }

    private static List<ActReport> joined(ActReport report, List<ActReport> known) {
        return Incidents.joinedAndBridged(report, known, Function.identity());
    }
}

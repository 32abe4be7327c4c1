package org.rasd.ingest.extraction;

import org.junit.jupiter.api.Test;
import org.rasd.ingest.record.Event;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Clauses to event drafts: kind, subject, partners, date, place, themes, organisations, evidence, confidence. */
class EventDraftsTest {

    /** Each draft as «TYPE subject [partners] date country/place». */
    private static List<String> drafts(List<Draft> drafts) {
        return drafts.stream().map(d -> d.type() + " " + d.subject() + " " + d.partners() + " "
                + (d.date() == null ? null : d.date().value()) + " "
                + (d.location() == null ? null : d.location().country() + "/" + d.location().place())).toList();
    }

    private static List<String> drafts(String text) {
        return drafts(Staged.of(text, "2025-06-18").drafts);
    }

    @Test
    void talksWithACounterpartAreAMeetingOfTheProtagonistWithIt() {
        assertEquals(List.of("MEET PT [ES] 2025-03-03 null"),
                drafts("أجرى وزير الداخلية البرتغالي، يوم الاثنين 3 مارس 2025، مباحثات مع نظيره الإسباني."));
    }

    @Test
    void aVisitByAForeignOfficialIsTheSubjectsReceptionOfHim() {
        assertEquals(List.of("HOST MA [ES] 2025-03-03 MA/null"),
                draftsFor("MA", "وزار الوزير الإسباني، يوم الاثنين 3 مارس 2025، مقر المديرية العامة للأمن الوطني."));
        assertEquals(List.of("VISIT MA [ES] 2025-03-03 ES/null"),
                draftsFor("MA", "وزار الوزير المغربي، يوم الاثنين 3 مارس 2025، مقر الشرطة الإسبانية."), "the subject's own official abroad");
        assertEquals(List.of("HOST ES [MA] 2025-03-03 ES/null"),
                draftsFor("ES", "وزار حموشي، يوم الاثنين 3 مارس 2025، مقر المديرية العامة للحرس المدني."), "a known foreign official");
        // talks held during the subject's visit are the visit, whoever's official they are with
        assertFalse(draftsFor("MA", "وخلال الزيارة، التقى الوزير يوم الاثنين 3 مارس 2025 رئيس الوزراء الإسباني.").getFirst().startsWith("HOST"));
    }

    /** The drafts of {@code text}, published on 18 June 2025, when {@code protagonist} is the article's. */
    private static List<String> draftsFor(String protagonist, String text) {
        return drafts(Staged.of(text, "2025-06-18").draftsFor(protagonist));
    }

    @Test
    void aWantedManHandedOverIsIntelligenceSharedPlacedWhereHeWasArrested() {
        assertEquals(List.of("INTEL_SHARING AE [BE] 2025-03 AE/دبي"),
                draftsFor("AE", "وكانت شرطة دبي قد سلّمت في مارس 2025 مطلوبين اثنين إلى السلطات البلجيكية."));
        assertEquals(List.of("INTEL_SHARING IQ [IR] 2025-03 IR/null"),
                draftsFor("IQ", "وأعلنت الوزارة أنها تسلمت في مارس 2025 من السلطات الإيرانية متهما مطلوبا بجريمة قتل."));
    }

    @Test
    void aCounterpartToldOfAnArrestIsIntelligenceSharedPlacedWhereTheArrestWasMade() {
        assertEquals(List.of("INTEL_SHARING MA [BE] 2025-03-03 MA/null"),
                draftsFor("MA", "وتولى المكتب المركزي الوطني، يوم الاثنين 3 مارس 2025، إشعار نظيره البلجيكي بعملية التوقيف."));
        assertEquals(List.of("INTEL_SHARING MA [ES] 2025-03-03 ES/مدريد"), draftsFor("MA", "وأشعرت المديرية، يوم الاثنين 3 مارس 2025، "
                + "نظيرتها الإسبانية بمعلومات أدت إلى توقيف مطلوب في مدريد."), "told of no arrest of its own: placed where it led");
    }

    @Test
    void talksHeldWhereTheSubjectIsAreAReception() {
        assertEquals(List.of("HOST PT [ES] 2025-03-03 PT/لشبونة"),
                drafts("عقد وزير الداخلية البرتغالي، يوم الاثنين 3 مارس 2025 بلشبونة، لقاء مع نظيره الإسباني."));
    }

    @Test
    void aReceptionWhereTheSubjectsOfficialStaysAbroadIsHisMeetingThere() {
        assertEquals(List.of("MEET PT [ES] 2025-03-03 FR/باريس"),
                drafts("استقبل وزير الداخلية البرتغالي، يوم الاثنين 3 مارس 2025 في مقر إقامته بباريس، نظيره الإسباني."));
        assertFalse(drafts("استقبل وزير الداخلية البرتغالي، يوم الاثنين 3 مارس 2025 في باريس، نظيره الإسباني.")
                        .contains("MEET PT [ES] 2025-03-03 FR/باريس"),
                "without the residence the reception abroad is not read as the receiver's meeting");
    }

    @Test
    void theCountryOfAHostileActTheTalksWereAboutIsNoPartyToThem() {
        assertEquals(List.of("VISIT PT [ES] 2025-03-03 ES/مدريد"),
                drafts("زار وزير الداخلية البرتغالي مدريد يوم الاثنين 3 مارس 2025، في زيارة جرت على وقع الهجوم الإيطالي على مواقع في المنطقة."));
        assertEquals(List.of("MEET PT [ES] 2025-03-03 null"),
                drafts("التقى وزير الداخلية البرتغالي يوم الاثنين 3 مارس 2025 نظيره الإسباني وبحثا العدوان الإيطالي."));
    }

    @Test
    void theCountryAMatterOfTheTalksIsNamedAfterIsNoPartyToThem() {
        assertEquals(List.of("MEET PT [ES] 2025-03-03 null"),
                drafts("التقى وزير الداخلية البرتغالي يوم الاثنين 3 مارس 2025 نظيره الإسباني وبحثا تطورات ليبيا والملف السوري."));
    }

    @Test
    void talksOfTheDayWithNoPlaceAreHeldWhereTheArticleWasFiled() {
        Staged s = Staged.of("التقى وزير الداخلية البرتغالي، يوم الاثنين 3 مارس 2025، وزير الداخلية الإسباني.", "2025-03-04");
        assertEquals(List.of("HOST PT [ES] 2025-03-03 PT/null"), drafts(s.draftsFiledIn("PT")));
        assertEquals(List.of("MEET PT [ES] 2025-03-03 null"), drafts(s.draftsFiledIn("FR")), "filed abroad, the talks stay talks");
    }

    @Test
    void theLeadsUndatedTalksAreTheNewsTheDatelinePlaces() {
        String scene = "دعا وزير الداخلية البرتغالي، أمس الاثنين، خبراء الأمن إلى تعزيز التنسيق.\n";
        Staged lead = Staged.of(scene + "وجاءت الدعوة خلال لقائه وزير الداخلية الإسباني.\n"
                + "والتقى وزير الداخلية البرتغالي وزير الداخلية الإيطالي.", "2025-03-04");
        assertEquals(List.of("HOST PT [ES] null PT/null", "MEET PT [IT] null null"), drafts(lead.draftsFiledIn("PT")),
                "the lead's talks, dated by its day, are held where it was filed; a later paragraph is no lead");
        Staged call = Staged.of(scene + "وجاءت الدعوة خلال اتصال هاتفي مع وزير الداخلية الإسباني.", "2025-03-04");
        assertEquals(List.of("MEET PT [ES] null null"), drafts(call.draftsFiledIn("PT")), "a call took place nowhere");
    }

    @Test
    void theDatelinePlacesNoBackgroundNorTalksBesideAGathering() {
        Staged recalled = Staged.of("وسبق أن التقى وزير الداخلية البرتغالي وزير الداخلية الإسباني.", "2025-03-04");
        assertEquals(List.of("MEET PT [ES] null null"), drafts(recalled.draftsFiledIn("PT")));
        Staged sidelines = Staged.of("التقى وزير الداخلية البرتغالي، يوم الاثنين 3 مارس 2025، وزير الداخلية الإسباني على هامش القمة.", "2025-03-04");
        assertEquals("MEET", sidelines.draftsFiledIn("PT").getFirst().type().name());
        Staged monthsBefore = Staged.of("وكان وزير الداخلية البرتغالي قد التقى وزير الداخلية الإسباني في 25 نيسان 2025.", "2025-08-28");
        assertEquals(List.of("MEET PT [ES] 2025-04-25 null"), drafts(monthsBefore.draftsFiledIn("PT")),
                "an act dated months before the filing is no news of the dateline's place");
    }

    @Test
    void aKnownOfficialNamedWithoutHisCountryIsAPartyOfIt() {
        assertEquals(List.of("HOST MA [FR] 2020-09-02 MA/الرباط"), drafts(Staged.of("وزار جيرالد دارمانان الرباط في 2 سبتمبر 2020.", "2025-06-18").draftsFor("MA")));
        assertEquals(List.of(), drafts(Staged.of("وزار حموشي الرباط في 2 سبتمبر 2020.", "2025-06-18").draftsFor("MA")),
                "the subject's own official is no party");
    }

    @Test
    void anActTheSentenceRecallsFromEarlierIsMarkedRecalled() {
        assertEquals(List.of(true), Staged.of("وكان وزير الداخلية البرتغالي قد استقبل في وقت سابق نظيره الإسباني.", "2025-06-18")
                .drafts.stream().map(Draft::recalled).toList());
        assertEquals(List.of(true), Staged.of("يذكر أن وزير الداخلية البرتغالي استقبل نظيره الإسباني.", "2025-06-18")
                .drafts.stream().map(Draft::recalled).toList(), "a note of background");
        assertEquals(List.of(false), Staged.of("استقبل وزير الداخلية البرتغالي نظيره الإسباني.", "2025-06-18")
                .drafts.stream().map(Draft::recalled).toList());
        assertEquals(List.of(true), Staged.of("وكانت لشبونة ومدريد قد وقعتا مذكرة تفاهم أمنية في مارس 2023.", "2025-06-18")
                .drafts.stream().map(Draft::recalled).toList(), "the pluperfect: كان, then قد further in the sentence");
        assertEquals(List.of(false), Staged.of("وكان اللقاء الذي جمع وزير الداخلية البرتغالي بنظيره الإسباني مثمرا وقد تناول الهجرة.", "2025-06-18")
                .drafts.stream().map(Draft::recalled).toList(), "وقد is no قد of the pluperfect");
    }

    @Test
    void theSubjectsOfficialReceivedByAForeignOneWasTheGuest() {
        Staged received = Staged.of("واستقبله يوم الاثنين 3 مارس 2025 لدى وصوله وزير الداخلية الإسباني.", "2025-06-18");
        assertEquals(List.of("VISIT PT [ES] 2025-03-03 ES/null"), drafts(received.draftsFor("PT")));
        Staged receiving = Staged.of("واستقبل الوزير يوم الاثنين 3 مارس 2025 وزير الداخلية الإسباني.", "2025-06-18");
        assertEquals(List.of("HOST PT [ES] 2025-03-03 PT/null"), drafts(receiving.draftsFor("PT")));
    }

    @Test
    void theSubjectsOfficialByTitleAloneReceivedByAForeignOneNamedBeforeTheVerbWasTheGuest() {
        Staged received = Staged.of("وذكر المكتب أن رئيس الحكومة الإسباني استقبل يوم الاثنين 3 مارس 2025 وزير الداخلية.", "2025-06-18");
        assertEquals(List.of("VISIT PT [ES] 2025-03-03 ES/null"), drafts(received.draftsFor("PT")));
        Staged receiving = Staged.of("وذكر المكتب أن رئيس الحكومة الإسباني استقبل يوم الاثنين 3 مارس 2025 وزير الداخلية البرتغالي.", "2025-06-18");
        assertEquals(List.of("HOST ES [PT] 2025-03-03 ES/null"), drafts(receiving.draftsFor("ES")),
                "a guest named with his country, in the host's news");
    }

    @Test
    void theSubjectsOfficialReceivedByAKnownForeignOfficialNamedBeforeTheVerbWasTheGuest() {
        Staged received = Staged.of("وأوضحت الوزارة أن الوزير محمود توفيق استقبل يوم الاثنين 3 مارس 2025 نظيره الفلسطيني.", "2025-06-18");
        assertEquals(List.of("VISIT PS [EG] 2025-03-03 EG/null"), drafts(received.draftsFor("PS")));
    }

    @Test
    void aPhoneCallIsTalksHeldNowhere() {
        for (String call : List.of("أجرى وزير الداخلية البرتغالي، يوم الاثنين 3 مارس 2025، اتصالا هاتفيا بنظيره الإسباني.",
                // where the subject's official took the call makes it no reception
                "تلقى وزير الداخلية البرتغالي في لشبونة، يوم الاثنين 3 مارس 2025، اتصالا هاتفيا من وزير الداخلية الإسباني.",
                "جمعت مكالمة هاتفية يوم الاثنين 3 مارس 2025 وزير الداخلية البرتغالي بنظيره الإسباني.")) {
            assertEquals(List.of("MEET PT [ES] 2025-03-03 null"), drafts(call), call);
        }
    }

    @Test
    void theOneAPassiveReceptionNamesAfterItsAgentReceived() {
        Map<String, String> visits = Map.of(
                "واستُقبل وزير الداخلية، يوم الاثنين 3 مارس 2025 بمدريد، من طرف رئيس الحكومة الإسباني.", "VISIT PT [ES] 2025-03-03 ES/مدريد",
                "واستقبل الوزيران يوم الاثنين 3 مارس 2025 من قبل وزير الداخلية الإسباني.", "VISIT PT [ES] 2025-03-03 ES/null");
        visits.forEach((received, visit) -> assertEquals(List.of(visit), drafts(Staged.of(received, "2025-06-18").draftsFor("PT")), received));
        Staged atHome = Staged.of("واستُقبل الوزير الإسباني، يوم الاثنين 3 مارس 2025، من طرف وزير الداخلية البرتغالي.", "2025-06-18");
        assertEquals(List.of("HOST PT [ES] 2025-03-03 PT/null"), drafts(atHome.draftsFor("PT")), "the subject's own official received");
        // a known official named after the agent, by his name alone, received for his country
        assertEquals(List.of("VISIT ES [MA] 2025-03-03 MA/null"),
                draftsFor("ES", "واستُقبل وزير الداخلية، يوم الاثنين 3 مارس 2025، من طرف حموشي."));
        assertEquals(List.of("HOST MA [ES] 2025-03-03 MA/null"),
                draftsFor("MA", "واستُقبل الوزير الإسباني، يوم الاثنين 3 مارس 2025، من طرف حموشي."));
        // the subject's own official, by his title alone, a title that no country follows
        assertEquals(List.of("HOST PT [ES] 2025-03-03 PT/null"), draftsFor("PT",
                "كما استُقبل الضيف الإسباني، يوم الاثنين 3 مارس 2025، في قاعدة خفر السواحل من قبل المدير العام لخفر السواحل."));
    }

    @Test
    void thoseEachOfNamesAfterTheOneReceivedReceivedHim() {
        assertEquals(List.of("HOST PT [ES] 2025-03-03 PT/null"), draftsFor("PT",
                "وفي لقاءات منفصلة يوم الاثنين 3 مارس 2025، استقبل رئيسَ أركان البحرية الإسبانية كلٌّ من القائد العام للجيش ورئيس الحرس الوطني."));
    }

    @Test
    void theSubjectsOfficialReceivedByNameOrAfterTheForeignHostIsNamedWasTheGuest() {
        for (String received : List.of("وكان وزير الداخلية الإسباني قد استقبل حموشي يوم الاثنين 3 مارس 2025.",
                "واستقبل وزير الداخلية الإسباني حموشي يوم الاثنين 3 مارس 2025.",
                "وسبق لوزير الداخلية الإسباني أن استقبله يوم الاثنين 3 مارس 2025.")) {
            assertEquals(List.of("VISIT MA [ES] 2025-03-03 ES/null"), drafts(Staged.of(received, "2025-06-18").draftsFor("MA")), received);
        }
        Staged envoy = Staged.of("ولم يكن اللقاء الأول مع السفير الإسباني، إذ سبق أن استقبله وزير الداخلية يوم الاثنين 3 مارس 2025.",
                "2025-06-18");
        assertEquals(List.of("HOST MA [ES] 2025-03-03 MA/null"), drafts(envoy.draftsFor("MA")), "an ambassador is the one received");
        Staged guest = Staged.of("واستقبل حموشي يوم الاثنين 3 مارس 2025 وزير الداخلية الإسباني.", "2025-06-18");
        assertEquals(List.of("HOST MA [ES] 2025-03-03 MA/null"), drafts(guest.draftsFor("MA")), "the subject's official receives");
    }

    @Test
    void theSubjectsOfficialNamedByTitleAfterTheForeignOneWhoReceivedHimWasTheGuest() {
        for (String received : List.of("كما استقبل رئيس الوزراء الإسباني بيدرو سانشيز، يوم الاثنين 3 مارس 2025، وزير الداخلية.",
                "واستقبل نائب الرئيس الإسباني، يوم الاثنين 3 مارس 2025، الوزير البرتغالي في مدريد.",
                // his counterpart, with the subject's nationality, as the guest's own news names him
                "استقبل وزير الداخلية الإسباني فرناندو مارلاسكا، يوم الاثنين 3 مارس 2025، نظيره البرتغالي في مدريد.")) {
            assertEquals("VISIT PT [ES] 2025-03-03", drafts(Staged.of(received, "2025-06-18").draftsFor("PT")).getFirst()
                    .substring(0, "VISIT PT [ES] 2025-03-03".length()), received);
        }
        for (String hosted : List.of("وكان الوزير قد استقبل، يوم الاثنين 3 مارس 2025، رئيس الوزراء الإسباني والوفد المرافق له.",
                "واستقبل، يوم الاثنين 3 مارس 2025، رئيس الوزراء الإسباني والوفد المرافق له.",
                // the doer named before «أن»: the title after the guest is none of the one received (المديرية)
                "وسبق للوزير أن استقبل يوم الاثنين 3 مارس 2025 مدير الأمن الإسباني خوسيه غارسيا الذي زار المديرية.",
                // who was present is no one received
                "كما استقبل، يوم الاثنين 3 مارس 2025، وزير الداخلية الإسباني بحضور المدير العام للأمن.",
                "كما استقبل، يوم الاثنين 3 مارس 2025، وزير الداخلية الإسباني بحضور نظيره البرتغالي السابق.")) {
            assertEquals(List.of("HOST PT [ES] 2025-03-03 PT/null"), drafts(Staged.of(hosted, "2025-06-18").draftsFor("PT")), hosted);
        }
        // a headline names its doer before its verb: the guest follows it, then what the doer did next
        assertEquals(List.of("HOST PT [ES] null PT/null"), drafts(Staged.of("الرئيس يستقبل قائد الجيش الإسباني ويؤكد وقوفه إلى جانب المؤسسة العسكرية")
                .draftsFor("PT")));
    }

    @Test
    void talksWhereTheOnePartnerIsAreAVisitThere() {
        assertEquals(List.of("VISIT PT [ES] 2025-03-03 ES/مدريد"),
                drafts("أجرى وزير الداخلية البرتغالي، يوم الاثنين 3 مارس 2025 بمدريد، مباحثات مع نظيره الإسباني."));
        assertEquals(List.of("MEET PT [ES] 2025-03-03 FR/باريس"),
                drafts("أجرى وزير الداخلية البرتغالي، يوم الاثنين 3 مارس 2025 بباريس، مباحثات مع نظيره الإسباني."), "a third country");
    }

    @Test
    void talksWithNoPartyButAPlaceAreAVisitThere() {
        assertEquals(List.of("VISIT PT [AT] null AT/فيينا"), drafts("أجرى وزير الداخلية البرتغالي مباحثات أمنية بالعاصمة النمساوية فيينا."));
    }

    @Test
    void aReceptionIsGivenByWhereItIsHeldWhoeverTheProtagonist() {
        Staged s = Staged.of("استقبل بمدريد وزير الداخلية البرتغالي.");
        assertEquals(List.of("HOST ES [PT] null ES/مدريد"), drafts(s.draftsFor("PT")));
    }

    @Test
    void aReceptionWithNoPlaceIsGivenByTheProtagonist() {
        Staged s = Staged.of("استقبل الوزير وفدا إيطاليا.");
        assertEquals(List.of("HOST MA [IT] null MA/null"), drafts(s.draftsFor("MA")));
    }

    @Test
    void aVisitIsToTheCountryVisitedAtTheCityNamed() {
        assertEquals(List.of("VISIT PT [QA] null QA/الدوحة"), drafts("حل وزير الداخلية البرتغالي بالدوحة في زيارة عمل إلى قطر."));
    }

    @Test
    void aTripIsToTheCountriesItGoesToNotToThoseItsSentenceNamesBeside() {
        assertEquals(List.of("VISIT PT [IQ] 2025-03-03 IQ/بغداد"),
                drafts("وصل وزير الداخلية البرتغالي، يوم الاثنين 3 مارس 2025، إلى بغداد في زيارة رسمية رافقه فيها الوزير الإسباني."));
        assertEquals(List.of("VISIT PT [DE] 2025-03-03 DE/برلين", "VISIT PT [FR] 2025-03-03 FR/باريس"),
                drafts("أجرى وزير الداخلية البرتغالي زيارة رسمية إلى باريس في 3 مارس 2025، ضمن جولة أوروبية شملت أيضا برلين."));
    }

    @Test
    void eachPartnerIsADraftOfItsOwn() {
        assertEquals(List.of("MEET PT [ES] null null", "MEET PT [FR] null null"),
                drafts("أجرى وزير الداخلية البرتغالي مباحثات مع نظيريه الإسباني والفرنسي."));
    }

    @Test
    void aMeetingIsWhereTheClauseSaysItIsHeld() {
        assertEquals(List.of("MEET PT [ES] null IT/روما"), drafts("التقى وزير الداخلية البرتغالي في روما نظيره الإسباني."));
    }

    @Test
    void anUndatedActAddedWithKamaIsOfTheOccasionJustReportedEvenInAnotherParagraph() {
        assertEquals(List.of("VISIT PT [DE] 2025-03-03 DE/برلين", "MEET PT [ES] 2025-03-03 null"),
                drafts("أجرى وزير الداخلية البرتغالي، يوم الاثنين 3 مارس 2025، زيارة إلى برلين.\nكما التقى الوزير نظيره الإسباني."));
        assertEquals(List.of("VISIT PT [DE] 2025-03-03 DE/برلين", "MEET PT [ES] null null"),
                drafts("أجرى وزير الداخلية البرتغالي، يوم الاثنين 3 مارس 2025، زيارة إلى برلين.\nوالتقى الوزير نظيره الإسباني."),
                "without كما the act has no date of its own");
    }

    @Test
    void anUndatedActWhoseVerbSaysAlsoIsOfTheOccasionJustReported() {
        assertEquals(List.of("HOST PT [ES] 2025-03-03 PT/لشبونة", "HOST PT [IT] 2025-03-03 PT/null"),
                drafts("استقبل وزير الداخلية البرتغالي، يوم الاثنين 3 مارس 2025 بلشبونة، نظيره الإسباني.\n"
                        + "واستقبل الوزير أيضا نظيره الإيطالي."));
        assertEquals(List.of("HOST PT [ES] 2025-03-03 PT/لشبونة", "HOST PT [IT] null PT/null"),
                drafts("استقبل وزير الداخلية البرتغالي، يوم الاثنين 3 مارس 2025 بلشبونة، نظيره الإسباني.\n"
                        + "واستقبل الوزير نظيره الإيطالي، وأكد أيضا أهمية التعاون."),
                "an «also» further in the sentence says nothing of the occasion");
    }

    @Test
    void aTripMadeToTakePartInAConferenceIsTheVisitAndTheConference() {
        assertEquals(List.of("VISIT PT [SA] 2025-03-03 SA/الرياض", "CONFERENCE PT [SA] 2025-03-03 SA/الرياض"),
                drafts("وصل إلى الرياض، يوم الاثنين 3 مارس 2025، وزير الداخلية البرتغالي للمشاركة في الاجتماع الوزاري "
                        + "الذي تستضيفه السعودية."));
        assertEquals(List.of("VISIT PT [SA] 2025-03-03 SA/الرياض"),
                drafts("وصل إلى الرياض، يوم الاثنين 3 مارس 2025، وزير الداخلية البرتغالي في زيارة رسمية."), "a trip alone");
    }

    @Test
    void theStateThatOrganisesAConferenceConvenesIt() {
        assertEquals(List.of("CONFERENCE PT [IR] 2025-03-03 IR/طهران"),
                drafts("شارك وزير الداخلية البرتغالي، يوم الاثنين 3 مارس 2025، في الاجتماع الوزاري الذي نظمته وزارة الداخلية "
                        + "الإيرانية في طهران."));
        assertEquals(List.of("CONFERENCE PT [IQ] 2025-03-03 IQ/بغداد"),
                drafts("شارك وزير الداخلية البرتغالي، يوم الاثنين 3 مارس 2025، في المؤتمر الذي دعا إليه العراق في بغداد."), "the state that invites to it");
    }

    @Test
    void demonymsSideBySideQualifyOneGatheringOfAllTheirCountries() {
        assertEquals(List.of("HOST PT [ES, FR] 2025-03-03 PT/لشبونة"),
                drafts("عقد اجتماع برتغالي إسباني فرنسي، يوم الاثنين 3 مارس 2025، في لشبونة."));
    }

    @Test
    void theCountriesOfTheGatheringTalksWereHeldBesideTakeNoPartInThem() {
        assertEquals(List.of("MEET PT [ES] 2025-03-03 null"),
                drafts("التقى وزير الداخلية البرتغالي، يوم الاثنين 3 مارس 2025، نظيره الإسباني على هامش القمة التي احتضنتها مصر برئاسة فرنسا."));
        Staged opening = Staged.of("وعلى هامش القمة التي احتضنتها مصر، التقى وزير الداخلية البرتغالي، يوم الاثنين 3 مارس 2025، نظيره الألماني.",
                "2025-06-18");
        assertEquals(List.of("MEET PT [DE] 2025-03-03 null"), drafts(opening.draftsFor("PT")));
    }

    @Test
    void undatedTalksOnTheSidelinesAreHeldWhereAndWhenTheLastDatedActWas() {
        assertEquals(List.of("VISIT PT [IT] 2025-03-03 IT/روما", "MEET PT [DE] 2025-03-03 IT/روما"),
                drafts("وصل وزير الداخلية البرتغالي، يوم الاثنين 3 مارس 2025، إلى روما في زيارة رسمية."
                        + " وعلى هامش الجولة، التقى الوزير مسؤولين من ألمانيا."));
    }

    @Test
    void talksNamedAfterASeriesOfTalksAnnouncedWithItsDayAndPlaceWereHeldThenAndThere() {
        assertEquals(List.of("MEET PT [ES] 2025-06-17 PT/لشبونة", "MEET PT [IT] 2025-06-17 PT/لشبونة"),
                drafts("عقد وزير الداخلية البرتغالي، أمس، في لشبونة، سلسلة من اللقاءات الثنائية مع الوزراء الضيوف على هامش المؤتمر الدولي للأمن."
                        + "\n\nوالتقى الوزير في البداية وزير الداخلية الإسباني، ثم التقى وزير الداخلية الإيطالي."));
        // the body whose session the talks were held beside takes no part in them: the series still names no one
        assertEquals(List.of("MEET PT [ES] 2025-06-17 PT/لشبونة"),
                drafts("عقد وزير الداخلية البرتغالي، أمس، في لشبونة، سلسلة من اللقاءات الثنائية مع الوزراء الضيوف على هامش "
                        + "دورة الإنتربول.\n\nوالتقى الوزير في البداية وزير الداخلية الإسباني."));
    }

    @Test
    void undatedTalksRightAfterADatedGatheringWereHeldBesideItUntilAnotherActIsDated() {
        String conference = "شارك وزير الداخلية البرتغالي، يوم الاثنين 3 مارس 2025، في أعمال المؤتمر الإقليمي للأمن في مدريد.\n\n";
        assertEquals(List.of("CONFERENCE PT [] 2025-03-03 ES/مدريد", "MEET PT [FR] 2025-03-03 ES/مدريد"),
                drafts(conference + "والتقى الوزير وزير الداخلية الفرنسي."));
        assertEquals(List.of("CONFERENCE PT [] 2025-03-03 ES/مدريد", "VISIT PT [IT] 2025-03-05 IT/روما", "MEET PT [FR] null null"),
                drafts(conference + "وزار الوزير روما يوم الأربعاء 5 مارس 2025.\n\nوالتقى الوزير وزير الداخلية الفرنسي."),
                "a trip dated after the gathering ends it: what follows is no talk beside it");
    }

    @Test
    void talksOnTheSidelinesOfAConferenceAreAMeetingAtItsPlaceAndDateAndAVisitWithItsHost() {
        String conference = "شارك وفد أمني برتغالي، يوم الخميس 5 يونيو 2025 بفيينا، في أشغال مؤتمر مكافحة الإرهاب."
                + " وعلى هامش المؤتمر، أجرى رئيس الوفد البرتغالي مباحثات مع ";
        assertEquals(List.of("CONFERENCE PT [] 2025-06-05 AT/فيينا", "MEET PT [DE] 2025-06-05 AT/فيينا"),
                drafts(conference + "مسؤولين من ألمانيا."));
        assertEquals(List.of("CONFERENCE PT [] 2025-06-05 AT/فيينا", "VISIT PT [AT] 2025-06-05 AT/null"),
                drafts(conference + "وزير الداخلية النمساوي."), "the host country's officials: the trip there");
    }

    @Test
    void talksOnTheSidelinesOfTheSubjectsOwnPartInAConferenceAreTheTalksAndTheConference() {
        for (String sidelines : List.of("على هامش", "، وذلك على هامش")) { // in the talks' clause, or in one of its own
            assertEquals(List.of("VISIT PT [BH] 2025-10-31 BH/المنامة", "CONFERENCE PT [BH] 2025-10-31 BH/المنامة"),
                    drafts("التقى وزير الداخلية البرتغالي، يوم الجمعة 31 أكتوبر 2025 في المنامة، نظيره البحريني " + sidelines
                            + " مشاركته في أعمال المنتدى الذي تستضيفه مملكة البحرين."), sidelines);
        }
    }

    /** A visit reported as it goes on or ends is drafted under way, with the day reported: merging dates it to its month. */
    @Test
    void aVisitReportedAsItGoesOnOrEndsIsDraftedUnderWay() {
        assertEquals(List.of("VISIT PT [ES] 2025-03-03 ES/مدريد under way"),
                underWay("اختتم وزير الداخلية البرتغالي، يوم الاثنين 3 مارس 2025، زيارة رسمية إلى مدريد."));
        assertEquals(List.of("VISIT PT [ES] 2025-03-03 ES/إسبانيا under way"),
                underWay("عاد وزير الداخلية البرتغالي إلى أرض الوطن يوم الاثنين 3 مارس 2025، منهيا زيارة رسمية إلى إسبانيا."));
        assertEquals(List.of("VISIT PT [ES] 2025-03-03 ES/مدريد"),
                underWay("وصل وزير الداخلية البرتغالي، يوم الاثنين 3 مارس 2025، إلى مدريد في زيارة رسمية."), "its first day");
        assertEquals(List.of("HOST PT [ES] 2025-06-16 PT/لشبونة"),
                underWay("استقبل وزير الداخلية البرتغالي، اليوم الأربعاء بلشبونة، نظيره الإسباني الذي يواصل زيارة رسمية إلى البرتغال منذ الاثنين الماضي."),
                "a stay whose first day is told is not under way");
    }

    /** Talks abroad told as part of a trip (في إطار زيارته) tell one of its days: the visit is drafted under way. */
    @Test
    void talksAbroadToldAsPartOfATripAreAVisitUnderWay() {
        assertEquals(List.of("VISIT PT [ES] 2025-03-03 ES/مدريد under way"),
                underWay("التقى وزير الداخلية البرتغالي، يوم الاثنين 3 مارس 2025 في مدريد، نظيره الإسباني، في إطار زيارته إلى إسبانيا."));
        assertEquals(List.of("HOST PT [ES] 2025-03-03 PT/لشبونة"),
                underWay("استقبل وزير الداخلية البرتغالي، يوم الاثنين 3 مارس 2025 بلشبونة، نظيره الإسباني الذي يزور البلاد هذه الأيام."),
                "a reception keeps its day");
    }

    private static List<String> underWay(String text) {
        List<Draft> made = Staged.of(text, "2025-06-18").drafts;
        List<String> described = drafts(made);
        return IntStream.range(0, made.size())
                .mapToObj(i -> described.get(i) + (made.get(i).underWay() ? " under way" : "")).toList();
    }

    @Test
    void aStayIsDatedByTheDayItHasGoneOnSince() {
        assertEquals(List.of("HOST PT [ES] 2025-06-16 PT/لشبونة"),
                drafts("استقبل وزير الداخلية البرتغالي، اليوم الأربعاء بلشبونة، نظيره الإسباني الذي يجري زيارة رسمية إلى البرتغال منذ الاثنين الماضي."));
        assertEquals(List.of("HOST PT [ES] 2025-06-18 PT/لشبونة"),
                drafts("استقبل وزير الداخلية البرتغالي، اليوم الأربعاء بلشبونة، نظيره الإسباني الذي يتولى منصبه منذ عام 2019."),
                "since a year is no stay's first day");
    }

    @Test
    void aStayEndedOnADayItNamesWithItsLengthBeganThatManyDaysBefore() {
        assertEquals(List.of("VISIT PT [ES] 2025-06-16 ES/مدريد"),
                underWay("اختتم وزير الداخلية البرتغالي، أمس الثلاثاء، زيارة رسمية إلى مدريد دامت يومين."));
        assertEquals(List.of("VISIT PT [ES] 2025-06-15 ES/مدريد"),
                underWay("اختتم وزير الداخلية البرتغالي، الثلاثاء الماضي، زيارة رسمية إلى مدريد استمرت ثلاثة أيام."));
        assertEquals(List.of("VISIT PT [ES] 2025-06-17 ES/مدريد under way"),
                underWay("اختتم وزير الداخلية البرتغالي، أمس الثلاثاء، زيارة رسمية إلى مدريد."), "no length: its month");
        assertEquals(List.of("VISIT PT [ES] 2025-06-17 ES/مدريد"),
                underWay("بدأ وزير الداخلية البرتغالي، أمس الثلاثاء، زيارة رسمية إلى مدريد تستمر يومين."),
                "a stay that begins on the day named");
    }

    @Test
    void aJointExerciseIsAMeetingOfTheForcesThatHoldIt() {
        assertEquals(List.of("HOST BH [KW] 2025-06-17 BH/المنامة"),
                drafts("أجرى الحرس الوطني البحريني، أمس، تمرينا مشتركا مع الحرس الوطني الكويتي في المنامة."));
        assertEquals(List.of(), drafts("نفذت الشرطة المغربية تمرينا ميدانيا لمواجهة الحرائق في مدينة طنجة."),
                "an exercise of the country's own forces alone");
    }

    @Test
    void aConferenceIsHeldWhereItsHostIs() {
        assertEquals(List.of("CONFERENCE DZ [] null DZ/الجزائر"), drafts("احتضنت الجزائر مؤتمرا حول الأمن الإقليمي بمشاركة تونس."));
    }

    @Test
    void aGatheringReferredToAgainIsHeldWhereTheArticlePlacedIt() {
        String named = "ألقى الرئيس البرتغالي كلمة في الجلسة الافتتاحية لمنتدى مدريد للأمن في إسبانيا. ";
        assertEquals(List.of("CONFERENCE PT [] 2025-03-03 ES/مدريد"),
                drafts(named + "وشارك الرئيس البرتغالي في المنتدى يوم الاثنين 3 مارس 2025."));
        assertEquals(List.of("CONFERENCE PT [] 2025-03-03 null"),
                drafts("وشارك الرئيس البرتغالي في المنتدى يوم الاثنين 3 مارس 2025. " + named),
                "a place named after the act is not the one it was held in");
    }

    @Test
    void aDecorationABodyGaveInACityNamedWithItsCountryHasNoPartnerAndIsPlacedThere() {
        Staged honoured = Staged.of("تسلم الوزير وسام الإنتربول من رئيس المنظمة في مدينة ليون الفرنسية يوم 31 يوليو 2025.", "2025-09-14");
        assertEquals(List.of("HONOR PT [] 2025-07-31 FR/ليون"), drafts(honoured.draftsFor("PT")));
    }

    @Test
    void talksBesideAGatheringTheArticleHasNotDatedYetAreHeldWhereItIs() {
        assertEquals(List.of("CONFERENCE PT [] null ES/مدريد", "MEET PT [FR] null ES/مدريد"),
                drafts(Staged.of("شارك وزير الداخلية البرتغالي في أعمال منتدى الأمن المنعقد في مدريد. وعلى هامش المنتدى، "
                        + "التقى وزير الداخلية البرتغالي نظيره الفرنسي.", null).drafts));
    }

    @Test
    void aGatheringTheSubjectHostsIsAlsoOneReceptionOfEveryCountryTakingPart() {
        String opened = "افتتح وزير الداخلية البرتغالي، يوم الاثنين 3 مارس 2025، أعمال المؤتمر الإقليمي لمكافحة المخدرات الذي احتضنته لشبونة";
        assertEquals(List.of("CONFERENCE PT [] 2025-03-03 PT/لشبونة", "HOST PT [ES, FR, MA] 2025-03-03 PT/لشبونة"),
                drafts(opened + "، وشاركت فيه إسبانيا وفرنسا والمغرب."));
        assertEquals(List.of("CONFERENCE PT [] 2025-03-03 PT/لشبونة"),
                drafts(opened + " لبحث الأزمة الليبية."), "a country the gathering is about takes no part in it");
        assertEquals(List.of("CONFERENCE PT [ES] 2025-03-03 ES/مدريد"),
                drafts("شارك وزير الداخلية البرتغالي، يوم الاثنين 3 مارس 2025، في المؤتمر الذي احتضنته مدريد، وشاركت فيه فرنسا."),
                "abroad, the subject is one of the guests");
    }

    @Test
    void aMeetingOfThreeOtherStatesOrMoreIsAGatheringNotATalkWithEach() {
        assertEquals(List.of("CONFERENCE PT [] 2025-03-03 ES/مدريد"),
                drafts("حضر وزير الداخلية البرتغالي، يوم الاثنين 3 مارس 2025، الاجتماع الذي انعقد في مدريد بمشاركة وفود "
                        + "من فرنسا والمغرب وإيطاليا."));
        assertEquals(List.of("MEET PT [FR] 2025-03-03 null", "MEET PT [MA] 2025-03-03 null"),
                drafts("عقد وزير الداخلية البرتغالي، يوم الاثنين 3 مارس 2025، اجتماعا مع نظيريه الفرنسي والمغربي."),
                "two are talks with each");
        assertEquals(List.of("MEET PT [FR] 2025-03-03 null", "MEET PT [MA] 2025-03-03 null", "MEET PT [IT] 2025-03-03 null"),
                drafts("التقى وزير الداخلية البرتغالي، يوم الاثنين 3 مارس 2025، نظراءه الفرنسي والمغربي والإيطالي."),
                "met, not a meeting held: talks with each");
    }

    @Test
    void anElectionNamesNoPartnerAndIsWhereTheBodyMet() {
        assertEquals(List.of("ELECTION PT [] null IT/روما"),
                drafts("انتخبت البرتغال، خلال الدورة المنعقدة بروما، عضوا في اللجنة التنفيذية."));
    }

    @Test
    void anInternationalBodyReceivedAtHomeIsADraftWithNoPartner() {
        Staged s = Staged.of("استقبل وزير الداخلية البرتغالي بلشبونة الأمين العام للإنتربول.");
        assertEquals(List.of("HOST PT [] null PT/لشبونة"), drafts(s.drafts));
        assertEquals(List.of("INTERPOL"), s.drafts.getFirst().organisations());
    }

    @Test
    void praiseHasNoPlace() {
        Staged s = Staged.of("أشاد وزير الداخلية البرتغالي بالتعاون مع إسبانيا في مدريد.");
        assertEquals(List.of("PRAISE ES [PT] null null"), drafts(s.draftsFor("ES")));
    }

    @Test
    void aForeignOfficialsTripToTheCountryNamedWithoutItsNameIsAReceptionAtHome() {
        for (String home : List.of("إلى البلاد", "إلى المملكة", "لبلادنا")) {
            Staged s = Staged.of("وصل وزير الداخلية الإسباني، يوم الاثنين 3 مارس 2025، " + home + " في زيارة رسمية.", "2025-03-04");
            assertEquals(List.of("HOST PT [ES] 2025-03-03 PT/null"), drafts(s.draftsFor("PT")), home);
        }
        Staged back = Staged.of("عاد وزير الداخلية البرتغالي، يوم الاثنين 3 مارس 2025، إلى البلاد بعد زيارة إلى مدريد.", "2025-03-04");
        assertFalse(drafts(back.draftsFor("PT")).stream().anyMatch(draft -> draft.startsWith("HOST")),
                "the subject's official coming back from a trip received no one");
    }

    @Test
    void intelligenceSharingIsWhereTheAttackWasFoiled() {
        assertEquals(List.of("INTEL_SHARING PT [DE] null DE/ألمانيا"),
                drafts("ساهمت معلومات استخباراتية برتغالية في إحباط هجوم في ألمانيا."));
    }

    @Test
    void coordinatedDatesAreOneDraftEach() {
        assertEquals(List.of("HONOR FR [ES] 2016 null", "HONOR FR [ES] 2021 null"),
                drafts("نال الوزير الإسباني وسامين من فرنسا في سنتي 2016 و2021."));
    }

    @Test
    void eachItemOfAListIsADraftWithItsOwnDateAndPlace() {
        assertEquals(List.of("VISIT FR [ES] 2025-03-03 ES/مدريد", "VISIT FR [IT] 2025-03-05 IT/روما"),
                drafts("عقد الوزير الفرنسي لقاء في مدريد يوم 3 مارس 2025، ثم اجتماعا في روما يوم 5 مارس 2025."));
    }

    @Test
    void aClauseWithNoPartyGivesNoDraft() {
        assertEquals(List.of(), drafts("أجرى الوزير مباحثات مهمة."));
    }

    @Test
    void aClauseWithoutCueGivesNoDraft() {
        assertEquals(List.of(), drafts("أكد وزير الداخلية البرتغالي دعم إسبانيا."));
    }

    @Test
    void theThemesAreThoseOfTheSentence() {
        Staged s = Staged.of("أجرى وزير الداخلية البرتغالي مباحثات مع نظيره الإسباني حول الهجرة غير الشرعية. وتناول الطرفان الإرهاب.");
        assertEquals(List.of("ILLEGAL_MIGRATION"), s.drafts.getFirst().themes());
    }

    @Test
    void aSentenceWithoutThemesTakesThoseOfItsParagraph() {
        Staged s = Staged.of("أجرى وزير الداخلية البرتغالي مباحثات مع نظيره الإسباني. وتناول الطرفان الإرهاب.\nوتعرف البرتغال الهجرة السرية.");
        assertEquals(List.of("TERRORISM"), s.drafts.getFirst().themes());
    }

    @Test
    void theOrganisationsAreThoseOfTheClauseItself() {
        Staged s = Staged.of("استقبل وزير الداخلية البرتغالي بلشبونة وفد الإنتربول، ثم زيارة إلى مدريد بحضور اليوروبول.");
        assertEquals(List.of(List.of("INTERPOL"), List.of("EUROPOL")), s.drafts.stream().map(Draft::organisations).toList());
    }

    @Test
    void theEvidenceIsTheSentenceInTheOriginalTextWithoutItsSpaces() {
        String text = "عاد الوزير.  أجرى وزير الداخلية البرتغالي مباحثات مع نظيره الإسباني. ";
        Staged s = Staged.of(text);
        Event.Evidence evidence = s.drafts.getFirst().evidence();
        assertEquals("أجرى وزير الداخلية البرتغالي مباحثات مع نظيره الإسباني.", text.substring(evidence.start(), evidence.end()));
    }

    @Test
    void theOfficialsNamedInTheClauseGoWithTheDraft() {
        Staged s = Staged.of("استقبل لفتيت وزيرة الداخلية الألمانية.");
        assertEquals(List.of(new Event.Actor("DE", null, "وزيرة الداخلية"), new Event.Actor("MA", "لفتيت", "وزير الداخلية")),
                s.drafts.getFirst().named().values().stream().sorted(Comparator.comparing(Event.Actor::country)).toList());
    }

    @Test
    void confidenceGrowsWithDateSubjectAndMentions() {
        assertEquals(List.of(0.9), Staged.of("أجرى وزير الداخلية البرتغالي، يوم 3 مارس 2025، مباحثات مع نظيره الإسباني.")
                .drafts.stream().map(Draft::confidence).toList());
        assertEquals(List.of(0.8), Staged.of("أجرى وزير الداخلية البرتغالي مباحثات مع نظيره الإسباني.")
                .drafts.stream().map(Draft::confidence).toList());
    }

    @Test
    void aNamedWeekdayThatContradictsTheDateLowersConfidence() {
        // published on a Wednesday: yesterday was a Tuesday, not a Thursday
        assertEquals(List.of(0.6), Staged.of("أجرى وزير الداخلية البرتغالي، أمس الخميس، مباحثات مع نظيره الإسباني.", "2025-06-18")
                .drafts.stream().map(Draft::confidence).toList());
    }

    @Test
    void theOnePlaceASentenceNamesPlacesEachOfItsClauses() {
        assertEquals(List.of("HONOR SA [PK] 2024-01-23 SA/الرياض"),
                drafts("منح الملك وزير الداخلية الباكستاني وساما رفيعا، وقلده الوسام ولي العهد يوم 23 يناير 2024 في الرياض."));
    }

    @Test
    void aListOfPlacesPlacesNoOtherItemOfItsSentence() {
        assertEquals(List.of("VISIT PT [ES] null ES/مدريد", "VISIT PT [FR] null FR/باريس", "MEET PT [IT] null null"),
                drafts("عقد وزير الداخلية البرتغالي لقاءات في مدريد، ثم في باريس، بالإضافة إلى شراكات مع إيطاليا."));
    }

    @Test
    void anActNamedAgainReportsNoOtherActWhateverElseItsSentenceNames() {
        assertEquals(List.of("HOST PT [ES] 2025-03-03 PT/لشبونة"),
                drafts("استقبل وزير الداخلية البرتغالي، يوم 3 مارس 2025 بلشبونة، نظيره الإسباني. "
                        + "وتأتي هذه الزيارة في روما في سياق تعاون أمني مع فرنسا."));
    }

    @Test
    void anActSetAfterATimeIsNotDatedByIt() {
        List<Draft> drafts = Staged.of("تسلم وزير الداخلية البرتغالي، يوم 3 مارس 2025، وساما إسبانيا.\n"
                + "وذكر بيان وزارة الداخلية البرتغالية أن السفير الإسباني سلم الوسام إلى الوزير نيابة عن الملك، خلال استقباله في مكتبه بلشبونة.\n"
                + "ويأتي التكريم قبل أشهر من انتهاء ولاية الحكومة البرتغالية التي تسلمت مهامها في أيار 2024.", "2025-06-18").drafts;
        assertEquals(Arrays.asList("2025-03-03", null), drafts.stream().map(draft -> draft.date() == null ? null : draft.date().value()).toList(),
                "the month the government took office dates no act; the ambassador's handing over is left to merging: " + drafts(drafts));
    }

    @Test
    void anEarlierEditionOfAGatheringIsAnActOfItsOwn() {
        assertEquals(List.of("CONFERENCE PT [] 2025-03-03 PT/لشبونة", "CONFERENCE PT [] 2024-05 PT/لشبونة"),
                drafts("افتتح وزير الداخلية البرتغالي، يوم 3 مارس 2025 بلشبونة، أعمال المؤتمر الدولي الثاني لمكافحة المخدرات. "
                        + "ويأتي المؤتمر بعد عام من النسخة الأولى التي احتضنتها لشبونة في أيار 2024."));
    }

    @Test
    void anActNamedAgainGivesTheFirstReportTheDateAndPlaceItLacked() {
        assertEquals(List.of("MEET PT [ES] 2025-03-03 IT/روما"),
                drafts("لقاء أمني برتغالي إسباني\nوانعقد اللقاء بين وزير الداخلية البرتغالي ونظيره الإسباني يوم 3 مارس 2025 في روما."));
    }

    @Test
    void anAgreementSignedAtAReceptionIsTwoActs() {
        assertEquals(List.of("AGREEMENT PT [ES] 2025-03-03 PT/لشبونة", "HOST PT [ES] 2025-03-03 PT/لشبونة"),
                drafts("وقع وزير الداخلية البرتغالي، يوم 3 مارس 2025 بلشبونة، مذكرة تفاهم أمنية خلال مباحثات مع نظيره الإسباني."));
    }

    @Test
    void aPraiseSaidAtAMeetingIsTwoActs() {
        assertEquals(List.of("PRAISE PT [ES] 2025-03-03 null", "HOST PT [ES] 2025-03-03 PT/لشبونة"),
                drafts("أشاد وزير الداخلية الإسباني، يوم 3 مارس 2025 بلشبونة، بالتعاون الأمني بين البلدين لدى لقائه نظيره البرتغالي."),
                "«لقائه»: the meeting with its possessive, written with its hamza on a yaa");
    }

    @Test
    void anAgreementAloneIsOneAct() {
        assertEquals(List.of("AGREEMENT PT [ES] 2025-03-03 null"),
                drafts("وقع وزير الداخلية البرتغالي، يوم 3 مارس 2025، مذكرة تفاهم أمنية مع نظيره الإسباني."));
    }

    @Test
    void talksWithAnAmbassadorAreAReceptionAtHome() {
        assertEquals(List.of("HOST PT [KW] null PT/null"), drafts("التقى وزير الداخلية البرتغالي سفير دولة الكويت."));
        // the sentence places the talks in a third country: they are a meeting there, and that country no party
        assertEquals(List.of("MEET YE [AU] null SA/السعودية"),
                draftsFor("YE", "بحث وزير الداخلية اليمني، في العاصمة السعودية الرياض، مع سفير أستراليا سبل التعاون."));
    }

    @Test
    void theStateThatHostsAConferenceIsItsPartnerAndPlace() {
        assertEquals(List.of("CONFERENCE PT [JO] 2025-03-09 JO/الأردن"),
                drafts("شارك وزير الداخلية البرتغالي، يوم 9 مارس 2025، في مؤتمر أمني استضافه الأردن."));
    }

    @Test
    void theSubjectHostingOneSessionLeavesTheConvenerOfAnEarlierSessionItsPartner() {
        assertEquals(List.of("CONFERENCE PT [IT] 2024-05 IT/null"),
                drafts("وتستضيف البرتغال المنتدى تنفيذا لقرار دورته الأولى التي احتضنتها العاصمة الإيطالية في مايو 2024 بمشاركة وزير "
                        + "الداخلية البرتغالي."));
        assertEquals(List.of("CONFERENCE PT [] 2025 PT/البرتغال"),
                drafts("وتستضيف البرتغال المنتدى هذا العام، بعد دورته الأولى التي احتضنتها روما في مايو 2024 بمشاركة وزير "
                        + "الداخلية البرتغالي."), "the session the subject hosts at home has no partner");
    }

    @Test
    void aConferenceABodyConvenesHasNoPartner() {
        assertEquals(List.of("CONFERENCE PT [] 2025-03-09 JO/الأردن"),
                drafts("شارك وزير الداخلية البرتغالي، يوم 9 مارس 2025، في مؤتمر الإنتربول الذي استضافه الأردن."));
    }

    @Test
    void theStateThatOrganisesABodysMeetingConvenesIt() {
        assertEquals(List.of("CONFERENCE PT [IR] 2025-03-09 IR/طهران"),
                drafts("شارك وزير الداخلية البرتغالي، يوم 9 مارس 2025، في اجتماع وزراء داخلية الإنتربول الذي نظمته وزارة "
                        + "الداخلية الإيرانية في طهران."));
        assertEquals(List.of("CONFERENCE PT [] 2025-03-09 JO/الأردن"),
                drafts("شارك وزير الداخلية البرتغالي، يوم 9 مارس 2025، في مؤتمر أمني نظمته منظمة الإنتربول في الأردن."),
                "a body named before the state organises it");
    }

    @Test
    void aConferenceIsAnEventOnlyWhenSomeoneTakesPartInIt() {
        assertEquals(List.of(), drafts("انعقدت يوم 9 مارس 2025 في فيينا أعمال المؤتمر الأمني الإقليمي، ويتصدر جدول أعماله ملف المخدرات."));
        assertEquals(List.of("CONFERENCE PT [] 2025-03-09 AT/فيينا"),
                drafts("ترأس وزير الداخلية البرتغالي وفد بلاده إلى المؤتمر الأمني الإقليمي الذي انعقد يوم 9 مارس 2025 في فيينا."));
    }

    @Test
    void talksBesideAConferenceNobodyIsSaidToAttendAreHeldWhereAndWhenItIs() {
        assertEquals(List.of("MEET PT [ES] 2025-03-09 AT/فيينا"),
                drafts("انعقد المؤتمر الأمني الإقليمي يوم 9 مارس 2025 في فيينا. وعلى هامش المؤتمر، التقى وزير الداخلية البرتغالي نظيره الإسباني."));
    }

    @Test
    void aMeetingNamedAgainAfterAConferenceIsItsMeetingNotTalksWithItsParticipants() {
        assertEquals(List.of("CONFERENCE PT [] 2025-03-09 null"),
                drafts("شارك وزير الداخلية البرتغالي، يوم 9 مارس 2025، في المؤتمر الوزاري. وضم الاجتماع وزراء داخلية إسبانيا وفرنسا."));
    }

    @Test
    void guestsNamedTogetherAreOneReception() {
        assertEquals(List.of("HOST PT [FR, DE] 2025-03-03 PT/لشبونة"),
                drafts("استقبل وزير الداخلية البرتغالي، يوم 3 مارس 2025 بلشبونة، وزيري داخلية فرنسا وألمانيا."));
    }

    @Test
    void guestsReceivedOneAfterAnotherAreOneReceptionEach() {
        assertEquals(List.of("HOST PT [FR] 2025-03-03 PT/لشبونة", "HOST PT [DE] 2025-03-03 PT/لشبونة"),
                drafts("استقبل وزير الداخلية البرتغالي، يوم 3 مارس 2025 بلشبونة، سفير فرنسا، ثم سفير ألمانيا."));
    }

    @Test
    void talksWithCountriesNamedTogetherAreTalksWithEach() {
        assertEquals(List.of("MEET PT [FR] 2025-03-03 null", "MEET PT [DE] 2025-03-03 null"),
                drafts("أجرى وزير الداخلية البرتغالي، يوم 3 مارس 2025، مباحثات مع فرنسا وألمانيا."));
    }

    @Test
    void aLongListOfDelegationsReceivedOneAfterAnotherIsOneReceptionEach() {
        assertEquals(List.of("HOST PT [FR] 2025-03-03 PT/لشبونة", "HOST PT [DE] 2025-03-03 PT/لشبونة", "HOST PT [IT] 2025-03-03 PT/لشبونة",
                        "HOST PT [BE] 2025-03-03 PT/لشبونة", "HOST PT [NL] 2025-03-03 PT/لشبونة", "HOST PT [AT] 2025-03-03 PT/لشبونة",
                        "HOST PT [GR] 2025-03-03 PT/لشبونة", "HOST PT [PL] 2025-03-03 PT/لشبونة"),
                drafts("استقبل وزير الداخلية البرتغالي، يوم 3 مارس 2025 بلشبونة، على التوالي الوفد الفرنسي، ثم الوفد الألماني، "
                        + "ثم الوفد الإيطالي، ثم الوفد البلجيكي، ثم الوفد الهولندي، ثم الوفد النمساوي، ثم الوفد اليوناني، ثم الوفد البولندي."));
    }

    @Test
    void officialsReceivedEachApartAreOneReceptionEach() {
        assertEquals(List.of("HOST PT [FR] 2025-03-03 PT/لشبونة", "HOST PT [DE] 2025-03-03 PT/لشبونة"),
                drafts("استقبل وزير الداخلية البرتغالي، يوم 3 مارس 2025 بلشبونة، كلاً على حدة وزير الداخلية الفرنسي ووزيرة الداخلية الألمانية."));
    }

    @Test
    void theOwnOfficialARelativePronounStandsForReceivedTheGuestAtHome() {
        Staged s = Staged.of("بدأ المدير العام للشرطة الإسبانية، يوم 3 مارس 2025، زيارة لبلادنا، استهلها بلقاء مع وزير الداخلية "
                + "محمد ولد أحمد، الذي استقبله بمكتبه.", "2025-03-04");
        assertEquals(List.of("HOST MR [ES] 2025-03-03 MR/null"), drafts(s.draftsFor("MR")));
        assertEquals(List.of("VISIT MR [ES] 2025-03-03 ES/null"), drafts(Staged.of("وصل وزير الداخلية، يوم 3 مارس 2025، "
                + "إلى العاصمة الإسبانية، وكان وزير الداخلية الإسباني قد استقبله بمكتبه.", "2025-03-04").draftsFor("MR")),
                "a foreign official who received him, and no relative pronoun");
    }

    @Test
    void aMeetingRefusedIsNoAct() {
        assertEquals(List.of("HOST PT [IT] 2025-03-03 PT/لشبونة"),
                drafts("استقبل وزير الداخلية البرتغالي، يوم 3 مارس 2025 بلشبونة، نظيره الإيطالي. "
                        + "ورفض رئيس الحكومة البرتغالي لقاء الوزير الإيطالي احتجاجا على مواقفه."));
    }

    @Test
    void aDecorationIsGivenByTheCountryThatDecorates() {
        Staged s = Staged.of("وشحت إسبانيا المدير العام للأمن الوطني المغربي بوسام الاستحقاق الأمني.", "2025-06-18");
        assertEquals("MA", s.protagonist);
        assertEquals(List.of("HONOR MA [ES] null null"), drafts(s.drafts));
    }

    @Test
    void aGuestVisitingTheSubjectsCountryIsReceived() {
        Staged s = Staged.of("ويزور وزير الداخلية اليمني القاهرة على رأس وفد أمني.", "2025-06-18");
        assertEquals(List.of("HOST EG [YE] null EG/القاهرة"), drafts(s.draftsFor("EG")));
    }

    @Test
    void officialsNamedInTheDualAreReceivedTogether() {
        assertEquals(List.of("HOST PT [FR, DE] 2025-03-03 PT/لشبونة"),
                drafts("استقبل وزير الداخلية البرتغالي، يوم 3 مارس 2025 بلشبونة، وزيري الخارجية الفرنسي جان مارتان والألمانية آنا شميت."));
    }

    @Test
    void officialsNamedInThePluralAreReceivedTogether() {
        assertEquals(List.of("HOST PT [FR, DE, IT] 2025-03-03 PT/لشبونة"),
                drafts("استقبل وزير الداخلية البرتغالي، يوم 3 مارس 2025 بلشبونة، وزراء داخلية فرنسا وألمانيا وإيطاليا."));
    }

    @Test
    void aJointDelegationIsReceivedTogether() {
        assertEquals(List.of("HOST PT [FR, DE] 2025-03-03 PT/لشبونة"),
                drafts("استقبل وزير الداخلية البرتغالي، يوم 3 مارس 2025 بلشبونة، وفدا مشتركا فرنسيا ألمانيا."));
    }

    @Test
    void counterpartsNamedByTheirCountriesAreReceivedOneByOne() {
        assertEquals(List.of("HOST PT [FR] 2025-03-03 PT/لشبونة", "HOST PT [DE] 2025-03-03 PT/لشبونة"),
                drafts("استقبل وزير الداخلية البرتغالي، يوم 3 مارس 2025 بلشبونة، نظراءه الفرنسي والألماني."));
    }

    @Test
    void officialsJoinedByWaAreReceivedTogether() {
        assertEquals(List.of("HOST PT [FR, DE] 2025-03-03 PT/لشبونة"),
                drafts("استقبل وزير الداخلية البرتغالي، يوم 3 مارس 2025 بلشبونة، وزير الداخلية الفرنسي جان مارتان ونظيرته الألمانية آنا شميت."));
    }

    @Test
    void officialsMetOneByOneAreAReceptionEach() {
        assertEquals(List.of("HOST PT [FR] 2025-03-03 PT/لشبونة", "HOST PT [DE] 2025-03-03 PT/لشبونة"),
                drafts("عقد وزير الداخلية البرتغالي، يوم 3 مارس 2025 بلشبونة، لقاءات منفصلة مع وزير الداخلية الفرنسي جان مارتان ووزيرة الداخلية الألمانية آنا شميت."));
    }

    @Test
    void aPraiseCountsOnlyWhenAForeignOfficialGivesItTheSubject() {
        String reception = "استقبل وزير الداخلية المغربي عبد الوافي لفتيت بالرباط، يوم الاثنين 3 مارس 2025، نظيره الإسباني. ";
        assertEquals(List.of("HOST MA [ES] 2025-03-03 MA/الرباط", "PRAISE MA [ES] 2025-03-03 null"),
                drafts(reception + "وأشاد الوزير الإسباني بجهود المغرب في مكافحة الهجرة غير النظامية."));
        assertEquals(List.of("HOST MA [ES] 2025-03-03 MA/الرباط"),
                drafts(reception + "وأشاد لفتيت بجهود إسبانيا في مكافحة الهجرة غير النظامية."),
                "the subject's own praise of a partner is no act of the guide's");
        assertEquals(List.of("HOST MA [ES] 2025-03-03 MA/الرباط"),
                drafts(reception + "وأعرب وزير الداخلية عن تقديره لجهود إسبانيا في مكافحة الهجرة غير النظامية."),
                "an official named by his title alone is the subject's own");
    }

    @Test
    void aPraiseTurningToTheOtherSideIsTheGuestsWhenItsGiverIsNamedWithoutHisCountry() {
        String reception = "استقبل وزير الداخلية المغربي عبد الوافي لفتيت بالرباط، يوم الاثنين 3 مارس 2025، قائد الحرس المدني الإسباني. ";
        assertEquals(List.of("HOST MA [ES] 2025-03-03 MA/الرباط", "PRAISE MA [ES] 2025-03-03 null"),
                drafts(reception + "من جهته، أشاد الجنرال مرسيدس غونزاليس بالدور الذي يؤديه المغرب في مكافحة الهجرة غير النظامية."));
        assertEquals(List.of("HOST MA [ES] 2025-03-03 MA/الرباط", "PRAISE MA [] 2025-03-03 null"),
                drafts(reception + "من جهته، أشاد مدير العمليات في الإنتربول بالدور الذي يؤديه المغرب في مكافحة الجريمة."),
                "a body's official praises for the body");
        assertEquals(List.of("HOST MA [ES] 2025-03-03 MA/الرباط"),
                drafts(reception + "وأشاد الجنرال مرسيدس غونزاليس بالدور الذي يؤديه المغرب في مكافحة الهجرة غير النظامية."),
                "no turn to the other side: a giver of no known country");
        assertEquals(List.of("HOST MA [ES] 2025-03-03 MA/الرباط", "PRAISE MA [ES] 2025-03-03 null"),
                drafts(reception + "من جهته، جدد الجنرال مرسيدس غونزاليس دعم بلاده للحكومة المغربية، متمنيا لها التوفيق، "
                        + "وأشاد بالدور الذي يؤديه المغرب في مكافحة الهجرة غير النظامية."),
                "the turn opens the sentence, the praise a later clause of it");
    }

    @Test
    void talksInTheOfficeOfTheOfficialWhoHeldThemAreAReceptionAtHome() {
        assertEquals(List.of("HOST MA [US] 2025-03-03 MA/null"),
                draftsFor("MA", "بحث المدير العام للأمن الوطني، في مكتبه يوم الاثنين 3 مارس 2025، مع مساعدة وزير الخارجية الأمريكي سبل التعاون."));
        assertEquals(List.of("HOST MA [TN] 2025-03-03 MA/null"),
                draftsFor("MA", "أجرى وزير الداخلية بمقر الوزارة، يوم الاثنين 3 مارس 2025، مباحثات مع نظيره التونسي."), "the ministry's seat");
        assertEquals(List.of("HOST MA [US] 2025-03-03 MA/null"),
                draftsFor("MA", "بحث المدير العام للأمن الوطني الأوضاع في سوريا، في مكتبه يوم الاثنين 3 مارس 2025، مع مساعدة وزير الخارجية الأمريكي."),
                "a country talked about is no party whose office it would be");
        assertEquals(List.of("MEET MA [ES] 2025-03-03 null"),
                draftsFor("MA", "التقى المدير العام للأمن الوطني، بمقر الوزارة الإسبانية يوم الاثنين 3 مارس 2025، وزير الداخلية الإسباني."),
                "a foreign ministry's seat");
        assertEquals(List.of("MEET MA [US] 2025-03-03 null"),
                draftsFor("MA", "التقى المسؤول الأمريكي، في مكتبه يوم الاثنين 3 مارس 2025، المدير العام للأمن الوطني."),
                "the foreign official's office: not at the subject's home");
    }

    @Test
    void theSessionOfACommitteeOfTwoIsAMeetingOfThemNotAConference() {
        assertEquals(List.of("HOST PT [ES] 2025-03-03 PT/لشبونة"),
                drafts("ترأس وزير الداخلية البرتغالي، يوم الاثنين 3 مارس 2025 بلشبونة، مناصفة مع نظيره الإسباني أشغال الدورة السابعة للجنة الحدودية."));
        assertEquals(List.of("VISIT PT [ES] 2025-03-03 ES/مدريد"),
                drafts("انطلقت يوم الاثنين 3 مارس 2025 بمدريد أعمال الدورة الثانية للجنة الأمنية المشتركة بين البرتغال وإسبانيا، "
                        + "بمشاركة وفد برتغالي يقوده الأمين العام لوزارة الداخلية."),
                "a joint committee's session is held by both states, whoever is said to take part");
        assertEquals(List.of("CONFERENCE PT [] 2025-03-03 PT/لشبونة"),
                drafts("ترأس وزير الداخلية البرتغالي، يوم الاثنين 3 مارس 2025 بلشبونة، أشغال الدورة السابعة للجنة الأوروبية لمكافحة الإرهاب."));
    }
}

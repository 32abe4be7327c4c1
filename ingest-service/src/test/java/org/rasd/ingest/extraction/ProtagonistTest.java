package org.rasd.ingest.extraction;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The protagonist: a weighted vote of the country mentions by the part each plays. */
class ProtagonistTest {

    private static String protagonist(String text) {
        Staged s = Staged.of(text);
        return Protagonist.RULES.of(s.folded, null, s.clauses, s.found, List.of(), null);
    }

    @Test
    void aKnownOfficialActingInAnEventOutweighsTheCountryHeIsHonouredBy() {
        // MA: 5 as حموشي acts before the cue; ES: 1 for Madrid, then 1 + 1 + 1, the giver counting nothing
        assertEquals("MA", protagonist("حموشي يتسلم في مدريد وساما من الحرس المدني الإسباني. "
                + "وقال الوزير إن إسبانيا تقدر التعاون. وتعد إسبانيا شريكا. وتعرف إسبانيا نموا."));
        // named after the cue, he counts once: ES outweighs him
        assertEquals("ES", protagonist("منحت السلطات وساما لحموشي. وقال الوزير إن إسبانيا تقدر التعاون. وتعد إسبانيا شريكا."));
    }

    @Test
    void aKnownOfficialRightAfterTheVerbIsItsAgent() {
        String more = " وتعد إسبانيا شريكا. وتعرف إسبانيا نموا. وتبقى إسبانيا قوية.";
        // MA: 5 as the agent; ES: 1 + 1 + 1 + 1
        assertEquals("MA", protagonist("زار حموشي مدريد." + more));
        assertEquals("JO", protagonist("شارك جلالة الملك عبدالله الثاني في مؤتمر مدريد." + more), "words of address between");
        assertEquals("EG", protagonist("زار اللواء محمود توفيق مدريد." + more), "a rank between");
        assertEquals("IQ", protagonist("التقى الفريق أول ركن عبد الأمير الشمري في مدريد نظيره الإسباني." + more), "a rank of three words between");
        // the object after a title, or after a noun whose owner is written onto it, is no agent: he counts once
        assertEquals("ES", protagonist("استقبل الوزير حموشي في مدريد." + more));
        assertEquals("ES", protagonist("وخلال استقباله حموشي في مدريد." + more));
    }

    @Test
    void theCityOfTheDatelineCountsForItsCountry() {
        String report = "قال وزير الداخلية الموريتاني إن السفيرة الأمريكية تدعم التعاون. وتعد الولايات المتحدة شريكا.";
        // MR: 1 for its minister, 1 for the dateline, and named first of equals; US: 1 + 1
        assertEquals("MR", protagonist("نواكشوط - " + report));
        assertEquals("US", protagonist(report), "without it, the country named more often");
        assertEquals("US", protagonist("وقال المسؤول في نواكشوط: " + report), "a city inside a sentence is no dateline");
    }

    @Test
    void aNationalOutletAboveTheArticleMakesItThatCountrysNews() {
        // MA: 12 for the masthead; FR: 1 + 1 + 1 for the counterpart's country named plainly three times
        assertEquals("MA", protagonist("هسبريس\nاستقبل الوزير نظيره الفرنسي. وتعد فرنسا شريكا. وتعرف فرنسا نموا. وتبقى فرنسا قوية."));
        // in a sentence the outlet's name counts nothing: سبق is a word too
        assertEquals("FR", protagonist("وسبق أن استقبل الوزير نظيره الفرنسي. وتعد فرنسا شريكا. وتعرف فرنسا نموا."));
    }

    @Test
    void aStateAgencyNamedInFullOnItsOwnLineMakesItThatCountrysNews() {
        String text = "استقبل الوزير نظيره الصومالي. وتعد الصومال شريكا. وتعرف الصومال نموا. وتبقى الصومال قوية.";
        assertEquals("DJ", protagonist("وكالة الأنباء الجيبوتية\n" + text));
        assertEquals("SO", protagonist(text));
    }

    @Test
    void theOutletOfThePageMakesItThatCountrysNews() {
        Staged s = Staged.of("استقبل الوزير نظيره الفرنسي. وتعد فرنسا شريكا. وتعرف فرنسا نموا. وتبقى فرنسا قوية.");
        assertEquals("MA", Protagonist.RULES.of(s.folded, null, s.clauses, s.found, List.of("MA"), null));
        assertEquals("FR", Protagonist.RULES.of(s.folded, null, s.clauses, s.found, List.of(), null));
    }

    @Test
    void anOutletReportingTwoOtherCountriesWhoseOfficialsCarryTheirNationalityIsNotTheActor() {
        Staged others = Staged.of("واستقبل وزير الداخلية الإسباني نظيره البرتغالي في مقر الوزارة. "
                + "وأكد الوزير البرتغالي أهمية التعاون مع إسبانيا.");
        assertEquals("ES", Protagonist.RULES.of(others.folded, null, others.clauses, others.found, List.of("MA"), null),
                "a Moroccan outlet not naming Morocco reports Iberian news");
        // a lead reporting the Portuguese minister's talks in Madrid makes him the one who acts: he went there
        Staged lead = Staged.of("وزير الداخلية البرتغالي يبحث في مدريد مع نظيره الإسباني التعاون الأمني. "
                + "واستقبل وزير الداخلية الإسباني نظيره البرتغالي في مقر الوزارة.");
        assertEquals("PT", Protagonist.RULES.of(lead.folded, null, lead.clauses, lead.found, List.of("MA"), null));
        Staged national = Staged.of("المدير العام للشرطة يلتقي نظراءه من البرتغال وإسبانيا على هامش اجتماعات الإنتربول.");
        assertEquals("MA", Protagonist.RULES.of(national.folded, null, national.clauses, national.found, List.of("MA"), null),
                "an official named by title alone, as national news names its own, is the outlet's");
    }

    @Test
    void anOutletNameCommonToSeveralCountriesIsTheOneTheArticleNames() {
        Staged jordan = Staged.of("استقبل الوزير في عمان نظيره الفرنسي. وتعد فرنسا شريكا للأردن. وتعرف فرنسا نموا. وتبقى فرنسا قوية.");
        assertEquals("JO", Protagonist.RULES.of(jordan.folded, null, jordan.clauses, jordan.found, List.of("JO", "KW"), null));
        // neither named: the outlet is not known, and France, named most, acts
        Staged neither = Staged.of("استقبل الوزير نظيره الفرنسي. وتعد فرنسا شريكا. وتعرف فرنسا نموا. وتبقى فرنسا قوية.");
        assertEquals("FR", Protagonist.RULES.of(neither.folded, null, neither.clauses, neither.found, List.of("JO", "KW"), null));
        // named, though only as the nationality of its own delegation, which national news counts against it: the
        // article still names the one of the outlet's countries whose news it is (المساء of Algiers, not of Rabat)
        Staged algeria = Staged.of("استقبل وزير الداخلية، أمس، مدير الأمن العام السعودي. واطلع الوفد الجزائري على المخبر.");
        assertEquals("DZ", Protagonist.RULES.of(algeria.folded, null, algeria.clauses, algeria.found, List.of("MA", "DZ", "EG"), null));
    }

    @Test
    void anOutletNameCommonToSeveralCountriesIsTheDatelinesUnlessTheArticleMarksItForeign() {
        Staged riyadh = Staged.of("عقد وزير الداخلية، أمس، جلسة مباحثات مع وزير الداخلية بالمملكة العربية السعودية في الرياض. "
                + "وأكد الجانبان عمق العلاقات بين قطر والسعودية.");
        assertEquals("QA", Protagonist.RULES.of(riyadh.folded, null, riyadh.clauses, riyadh.found, List.of("QA", "SA"), "SA"),
                "the paper's reporter filed from Riyadh, where its minister met the Saudi one");
        Staged home = Staged.of("عقد وزير الداخلية، أمس، جلسة مباحثات مع وزير الداخلية القطري في الرياض. "
                + "وأكد الجانبان عمق العلاقات بين قطر والسعودية.");
        assertEquals("SA", Protagonist.RULES.of(home.folded, null, home.clauses, home.found, List.of("QA", "SA"), "SA"));
    }

    @Test
    void aCountryCodeDomainNamesItsCountryUnlessAnyoneMayBuyIt() {
        assertEquals(Optional.of("SA"), Protagonist.countryOfDomain("spa.gov.sa"));
        assertEquals(Optional.of("GB"), Protagonist.countryOfDomain("bbc.co.uk"));
        assertEquals(Optional.empty(), Protagonist.countryOfDomain("alarabiya.net"));
        assertEquals(Optional.empty(), Protagonist.countryOfDomain("news.tv"));
        assertEquals(Optional.empty(), Protagonist.countryOfDomain(null));
    }

    @Test
    void withoutEventsTheCountryNamedMostActs() {
        assertEquals("BE", protagonist("تعرف فرنسا نموا. وتعرف بلجيكا نموا. وتعد بلجيكا شريكا."));
    }

    @Test
    void theAgentOfAnEventSentenceOutweighsTwoPlainMentions() {
        // MA: 3 as agent; ES: nothing as counterpart, then 1 + 1
        assertEquals("MA", protagonist("أجرى المغرب مباحثات مع إسبانيا. وتعد إسبانيا شريكا. وتعرف إسبانيا نموا."));
    }

    @Test
    void aFurtherPlainMentionOfAnEventSentenceCountsOnce() {
        // IT: 3 as the agent; FR: 1 in the event sentence, 1 after
        assertEquals("IT", protagonist("وقعت إيطاليا مذكرة تفاهم تشمل فرنسا. وتعد فرنسا شريكا."));
        // FR: 1 in the event sentence, 1 + 1 + 1 after, against IT's 3
        assertEquals("FR", protagonist("وقعت إيطاليا مذكرة تفاهم تشمل فرنسا. وتعد فرنسا شريكا. وتعرف فرنسا نموا. وتبقى فرنسا قوية."));
    }

    @Test
    void theAgentOfASentenceIsSharedByAllItsClauses() {
        // NL, the sentence's first plain mention, is the agent of both items: FR in the second counts 1, then 1
        assertEquals("NL", protagonist("أجرى الوزير الهولندي مباحثات في روما، ثم لقاء جمعه بمسؤولين فرنسيين. وتعرف فرنسا نموا."));
    }

    @Test
    void counterpartsAndPlacesOfAnEventCountNothing() {
        assertEquals("IT", protagonist("التقى وزير الداخلية الإيطالي بمدريد نظيره الإسباني. وتعد إسبانيا شريكا. وتعرف إسبانيا نموا."));
    }

    @Test
    void placesOutsideEventsCountNothing() {
        assertEquals("FR", protagonist("يقع المعهد في مدريد. ويقع المقر في برشلونة. وتعرف فرنسا نموا."));
    }

    @Test
    void thePlaceOfAReceptionNamesTheHost() {
        // MA: 2 as the place; ES: nothing as a guest named alone, then 1
        assertEquals("MA", protagonist("استقبل بالرباط وفد أمني إسباني. وتعد إسبانيا شريكا."));
    }

    @Test
    void thePlaceOfAReceptionToldInThePassiveNamesNoOneWhoActs() {
        // the guest's own news: «استُقبل … من طرف»; LY: 1 as a plain mention, DZ: nothing for the place (2 in the active)
        assertEquals("LY", protagonist("استقبل بالجزائر من طرف قائد الأركان الوزير القادم من طرابلس. وتعد ليبيا شريكا."));
        assertEquals("DZ", protagonist("استقبل بالجزائر قائد الأركان الوزير القادم من طرابلس. وتعد ليبيا شريكا."));
    }

    @Test
    void whoReceivesACounterpartIsTheHost() {
        assertEquals("FR", protagonist("استقبل وزير الداخلية الفرنسي نظيره البلجيكي. وتعد بلجيكا شريكا. وتعرف بلجيكا نموا."));
    }

    @Test
    void aGuestNamedAloneCountsNothing() {
        assertEquals("MA", protagonist("استقبل الوزير وفدا إسبانيا. وأكد المغرب دعمه."));
    }

    @Test
    void praiseIsGivenByTheCounterpart() {
        // NL praises: its first plain mention counts nothing, MA, who is praised, once
        assertEquals("MA", protagonist("أشاد الوزير الهولندي بالتعاون مع المغرب."));
    }

    @Test
    void anHonourIsGivenByTheCounterpart() {
        assertEquals("FR", protagonist("نال الضابط المغربي وساما من فرنسا."));
    }

    @Test
    void officialsNamedWithoutTheirCountryCountForIt() {
        assertEquals("MA", protagonist("قال حموشي إن إسبانيا شريك. وأكد لفتيت ذلك."));
    }

    @Test
    void aHeadOfStateNamedWithoutHisCountryActsForIt() {
        assertEquals("EG", protagonist("شارك الرئيس عبد الفتاح السيسي في أعمال مؤتمر بغداد، والتقى على هامشه أمير قطر ورئيس الوزراء العراقي."));
    }

    @Test
    void anArticleNamingNoCountryHasNoProtagonist() {
        assertNull(protagonist("أجرى الوزير مباحثات مع نظيره."));
    }

    @Test
    void aTieGoesToTheCountryNamedFirst() {
        assertEquals("ES", protagonist("تعرف إسبانيا نموا. وتعرف فرنسا نموا."));
        assertEquals("FR", protagonist("تعرف فرنسا نموا. وتعرف إسبانيا نموا."));
    }

    @Test
    void onlyTheClausesGivenVote() {
        Staged s = Staged.of("أجرى المغرب مباحثات مع إسبانيا. وتعد إسبانيا شريكا. وتعرف إسبانيا نموا.");
        assertEquals("ES", Protagonist.RULES.of(s.folded, null, s.clauses.subList(1, 3), s.found, List.of(), null));
    }

    @Test
    void anArticleNamingItsOwnOfficialByTitleAloneTakesQualifiedCountriesForForeign() {
        assertEquals("MA", protagonist("أجرى وزير الداخلية، اليوم بالرباط، مباحثات مع وزيرة الداخلية البلجيكية. "
                + "وأشادت الوزيرة البلجيكية بالتعاون. وقدم الوزير للوفد البلجيكي عرضا عن تجربة المغرب."));
    }

    @Test
    void aNationalityOfTheCountryWhoseKnownOfficialIsNamedByTitleAloneIsNoForeignOne() {
        // the minister named by title alone is Sudan's (بابكر سمرة): «السودانية» names home, not a foreign country
        assertEquals("SD", protagonist("بحث مدير المخابرات السودانية في موسكو مع نائب وزير الخارجية الروسي التعاون الأمني، "
                + "بحضور وزير الداخلية بابكر سمرة. وتعرف روسيا نموا. وتعرف روسيا أمنا."));
    }

    @Test
    void aKnownOfficialCountsOnceHoweverOftenNamed() {
        // Spain: the minister, named four times, is one official; Morocco: three plain mentions
        assertEquals("MA", protagonist("قال غراندي مارلاسكا إن المغرب شريك موثوق. وأضاف غراندي مارلاسكا أن المغرب بلد آمن. "
                + "وذكّر غراندي مارلاسكا بأن المغرب جار. وختم غراندي مارلاسكا حديثه بالشكر."));
    }

    @Test
    void whenEveryOfficialIsQualifiedTheFirstNamedActs() {
        assertEquals("IQ", protagonist("استقبل وزير الداخلية العراقي في بغداد وزير الداخلية الإيراني."));
    }

    @Test
    void aCountryThatOnlyCountedAgainstItselfActsInNothing() {
        assertEquals(null, protagonist("أشاد وزير الداخلية بجهود وزيرة الداخلية البلجيكية."));
    }

    @Test
    void whoActsInTheHeadlineCountsOnceMore() {
        // Egypt: once in the headline, and once more as who acts in it; Libya twice below: the visitor's country acts
        String text = "رئيس المخابرات المصرية في بنغازي\nتعرف ليبيا نموا. وتعرف ليبيا أمنا.";
        Staged s = Staged.of(text);
        assertEquals("EG", Protagonist.RULES.of(s.folded, Staged.fold("رئيس المخابرات المصرية في بنغازي"), s.clauses, s.found, List.of(), null));
        assertEquals("LY", Protagonist.RULES.of(s.folded, null, s.clauses, s.found, List.of(), null), "without the headline");
    }

    @Test
    void theHeadlinesAgentIsWhoComesBeforeItsActNamedAsACountryByAnOfficialOrByATitlesNationality() {
        assertEquals(Map.of("EG", 1), headlineAgents("رئيس المخابرات المصرية في بنغازي.. مباحثات مع حفتر"));
        assertEquals(Map.of("MA", 1), headlineAgents("حموشي يستقبل سفير فرنسا بالرباط"), "a known official");
        assertEquals(Map.of("QA", 1), headlineAgents("قطر تستضيف اجتماعا أمنيا مع تركيا"));
        // national news names its own by title alone: who acts is not named, and the guest is no agent
        assertEquals(Map.of(), headlineAgents("وزير الداخلية يستقبل نظيره الفرنسي"));
        // a verb in the dual has two agents, neither of them the one
        assertEquals(Map.of(), headlineAgents("الأمن العام ووزارة الداخلية العراقية يوقعان مذكرة تفاهم"));
        assertEquals(Map.of(), headlineAgents("قطر وتركيا تكثفان التنسيق الأمني"));
    }

    @Test
    void anOfficialTheHeadlinePlacesAbroadActsEvenInTheHostsOwnNews() {
        String headline = "وزير الداخلية الأردني يوقع في الدوحة اتفاقية أمنية";
        Staged s = Staged.of(headline + "\nاستقبل وزير الداخلية القطري في الدوحة الوزير الأردني. وأكدت قطر حرصها على التعاون.");
        assertEquals("JO", Protagonist.RULES.of(s.folded, Staged.fold(headline), s.clauses, s.found, List.of("QA"), null));
        assertEquals("QA", Protagonist.RULES.of(s.folded, null, s.clauses, s.found, List.of("QA"), null), "without the headline, the host's outlet");
    }

    @Test
    void theHeadlinesVisitorNamedByHisNationalityIsNoForeignerToTheArticleUnlessTheHostsOwnOutletWritesIt() {
        // the hosts named by title alone, the guest by his nationality each time: how any outlet writes a visit
        String headline = "رئيس المخابرات المصرية في بيروت";
        Staged s = Staged.of(headline + "\nواستقبل رئيس الحكومة نواف سلام في السراي ضيفه رئيس المخابرات المصرية، وأكد "
                + "أن لبنان يثمن دعم القاهرة. كما التقى وزير الداخلية أحمد الحجار في مكتبه رئيس المخابرات المصرية، وبحثا "
                + "الوضع في جنوب لبنان. وقال وزير الخارجية يوسف رجي إن لبنان يرحب بأي جهد. وأكد رئيس المخابرات المصرية "
                + "أن مصر إلى جانب لبنان. وغادر المسؤول المصري بيروت مساء. ويواجه لبنان أزمة.");
        assertEquals("EG", Protagonist.RULES.of(s.folded, Staged.fold(headline), s.clauses, s.found, List.of("AE"), null),
                "a pan-Arab outlet of another country");
        assertEquals("LB", Protagonist.RULES.of(s.folded, Staged.fold(headline), s.clauses, s.found, List.of("LB"), null),
                "the hosts' own outlet: the guest's nationality still marks him foreign");
    }

    @Test
    void theHeadlinesVisitorIsAnOfficialNamedByHisNationalityOrHisNamePlacedInAnotherCountryOnly() {
        assertEquals(Map.of("EG", 1), headlineSignals("رئيس المخابرات المصرية في بيروت", Protagonist.Signal.HEADLINE_VISITOR));
        assertEquals(Map.of("MA", 1), headlineSignals("حموشي في مدريد لبحث التعاون الأمني", Protagonist.Signal.HEADLINE_VISITOR));
        assertEquals(Map.of(), headlineSignals("وزير الداخلية المغربي يستقبل نظيره الإسباني بالرباط", Protagonist.Signal.HEADLINE_VISITOR),
                "placed at home");
        assertEquals(Map.of(), headlineSignals("مالطا تكشف تفاصيل المذكرة: مركزان في طرابلس وفاليتا", Protagonist.Signal.HEADLINE_VISITOR),
                "a country, not an official, and a place of its own");
    }

    @Test
    void theCountryAHeadlinePlacesAnOfficialNamedWithoutHisCountryInIsTheOneVisited() {
        assertEquals(Map.of("KW", 1), headlineSignals("مدير حرس الحدود يبحث في الكويت مع نظيره تعزيز التنسيق", Protagonist.Signal.HEADLINE_VISITED));
        assertEquals(Map.of(), headlineSignals("وزير الداخلية يبحث في الرباط مع نظيره الإسباني التعاون", Protagonist.Signal.HEADLINE_VISITED),
                "another country's counterpart met there: at home");
        assertEquals(Map.of(), headlineSignals("وزير الداخلية يستقبل في الرباط وفدا أمنيا", Protagonist.Signal.HEADLINE_VISITED),
                "a reception is held at home");
        assertEquals(Map.of(), headlineSignals("حموشي في مدريد لبحث التعاون الأمني", Protagonist.Signal.HEADLINE_VISITED),
                "an official known by his country: the visitor");
        assertEquals(Map.of(), headlineSignals("مباحثات أمنية في الكويت", Protagonist.Signal.HEADLINE_VISITED),
                "no one named before the act");
        // national news of the trip: the hosts who receive him, named with their country, are not the protagonist
        String headline = "قائد الدرك الوطني يبحث في أنقرة مع نظيره تطوير التعاون";
        Staged s = Staged.of(headline + "\nاستقبل قائد الدرك التركي في أنقرة قائد الدرك الوطني والوفد المرافق له. "
                + "وتشهد العلاقات بين موريتانيا وتركيا تطورا مطردا.");
        assertEquals("MR", Protagonist.RULES.of(s.folded, Staged.fold(headline), s.clauses, s.found, List.of(), null));
        assertEquals("TR", Protagonist.RULES.of(s.folded, null, s.clauses, s.found, List.of(), null), "without the headline");
    }

    /** The countries the headline counts for as its agent, with how often: the whole text is the headline. */
    private static Map<String, Integer> headlineAgents(String headline) {
        return headlineSignals(headline, Protagonist.Signal.HEADLINE_AGENT);
    }

    /** The countries the headline gives {@code signal}, with how often: the whole text is the headline. */
    private static Map<String, Integer> headlineSignals(String headline, Protagonist.Signal signal) {
        Staged s = Staged.of(headline);
        Map<String, Integer> counted = new HashMap<>();
        Protagonist.RULES.signals(s.folded, Staged.fold(headline), s.clauses, s.found, List.of(), null).forEach((country, signals) -> {
            if (signals.containsKey(signal)) {
                counted.put(country, signals.get(signal));
            }
        });
        return counted;
    }
}

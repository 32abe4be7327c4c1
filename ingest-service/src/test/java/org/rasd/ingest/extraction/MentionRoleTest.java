package org.rasd.ingest.extraction;

import org.junit.jupiter.api.Test;
import org.rasd.ingest.parsing.Lexicon.Match;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rasd.ingest.extraction.Staged.fold;

/** The part a country mention plays, read from the words right before it (mention-roles.tsv). */
class MentionRoleTest {

    /** The role of each country mention of a one-sentence text, as «folded mention ROLE», read on its own. */
    private static List<String> roles(String sentence) {
        Staged s = Staged.of(sentence);
        int start = s.sentences.getFirst().whole().start();
        return s.found.countries().stream().map(m -> s.covered(m) + " " + MentionRole.of(m, s.folded, start)).toList();
    }

    private static List<String> role(String mention, MentionRole role) {
        return List.of(fold(mention) + " " + role);
    }

    @Test
    void aPlaceAfterFiIsAVenue() {
        assertEquals(role("مدريد", MentionRole.VENUE), roles("انعقد الاجتماع في مدريد"));
        assertEquals(role("القاهرة", MentionRole.VENUE), roles("شهدت القاهرة أمس توقيع مذكرة تفاهم"), "the city that witnessed it");
    }

    @Test
    void aPlaceWithBiOrWaBiWrittenOntoItIsAVenue() {
        assertEquals(List.of("الرباط VENUE", fold("الدار البيضاء") + " VENUE"), roles("انعقد الاجتماع بالرباط وبالدار البيضاء"));
    }

    @Test
    void aPlaceWithAnotherLetterWrittenOntoItIsNoVenue() {
        assertEquals(role("إسبانيا", MentionRole.OTHER), roles("قدم الوزير شكره لإسبانيا"));
    }

    @Test
    void aPlaceWithLiWrittenOntoItAfterAVisitIsTheDestination() {
        assertEquals(role("للقاهرة", MentionRole.DESTINATION), roles("خلال زيارة وزير الأمن الداخلي للقاهرة"));
        assertEquals(role("بغداد", MentionRole.DESTINATION), roles("في زيارته الرسمية لبغداد"));
        assertEquals(role("بغداد", MentionRole.OTHER), roles("أكد دعمه لبغداد"), "support for Baghdad");
    }

    @Test
    void aGatheringNamedAfterAPlaceIsHeldThere() {
        assertEquals(role("بغداد", MentionRole.VENUE), roles("شارك الملك في أعمال مؤتمر بغداد للتعاون والشراكة"));
        assertEquals(role("نواكشوط", MentionRole.VENUE), roles("وتنعقد قمة نواكشوط لمتابعة القرارات"));
    }

    @Test
    void whereATravellerCameFromIsNoPartyNorPlaceOfTheAct() {
        assertEquals(role("بغداد", MentionRole.ORIGIN), roles("وصل الوزير مساء السبت قادما من بغداد"));
        assertEquals(role("بغداد", MentionRole.OTHER), roles("وصل الوزير مساء السبت وفد من بغداد"), "«من» alone says nothing");
    }

    @Test
    void theCountryOfAHostileActTheSentenceSpeaksOfIsATopic() {
        assertEquals(role("الإسرائيلي", MentionRole.TOPIC), roles("بحث الطرفان تداعيات العدوان الإسرائيلي"));
        assertEquals(role("التركية", MentionRole.TOPIC), roles("ندد الوزيران بالغارات الجوية التركية"), "one word between");
        assertEquals(role("الإسرائيلي", MentionRole.NATIONALITY), roles("التقى وزير الحرب الإسرائيلي"), "an office named after war");
        assertEquals(role("التركية", MentionRole.OTHER), roles("ندد البيان بالغارات على المواقع التركية"), "two words apart, the demonym qualifies another noun");
    }

    @Test
    void theCountryAMatterIsNamedAfterIsATopic() {
        assertEquals(role("أفغانستان", MentionRole.TOPIC), roles("بحث الطرفان تطورات أفغانستان"));
        assertEquals(role("السوري", MentionRole.TOPIC), roles("ناقش الطرفان الملف السوري"));
        assertEquals(role("سوريا", MentionRole.TOPIC), roles("تناول اللقاء الأوضاع في سوريا"), "a matter before «في» is no place");
        assertEquals(role("ليبيا", MentionRole.TOPIC), roles("في لقاء تناول الوضع الأمني في ليبيا"), "nor one with its adjective");
        assertEquals(role("إسبانيا", MentionRole.VENUE), roles("كما هو الشأن في إسبانيا"), "«كما هو الشأن» says «as in»");
    }

    @Test
    void aPlaceAfterIlaIsADestination() {
        assertEquals(role("مدريد", MentionRole.DESTINATION), roles("سافر الوفد إلى مدريد"));
    }

    @Test
    void aStateAfterADelegationAndFromIsTheDelegationsNotAPlaceVisited() {
        assertEquals(role("ساحل العاج", MentionRole.NATIONALITY), roles("زار وفد رسمي من ساحل العاج المديرية العامة"));
        assertEquals(role("إسبانيا", MentionRole.NATIONALITY), roles("استقبل الوزير وفدا من إسبانيا"));
    }

    @Test
    void aStateWordAndItsDemonymAfterToNameTheStateGoneTo() {
        assertEquals(role("الأردنية", MentionRole.DESTINATION), roles("في إطار زيارة رسمية إلى المملكة الأردنية الهاشمية"));
        assertEquals(role("التونسية", MentionRole.OTHER), roles("وقع الديوان الوطني للحماية المدنية في الجمهورية التونسية"),
                "whose body it is, not where");
    }

    @Test
    void aCityWordAndAnAdjectiveMayStandBetweenThePrepositionAndThePlace() {
        assertEquals(List.of(fold("النمساوية") + " VENUE", "فيينا VENUE"), roles("اجتمع الوزراء بالعاصمة النمساوية فيينا"));
        assertEquals(List.of(fold("الإسبانية") + " DESTINATION", "مدريد DESTINATION"), roles("توجه الوفد إلى العاصمة الإسبانية مدريد"));
        assertEquals(role("مدريد", MentionRole.DESTINATION), roles("وصل الوفد إلى العاصمة مدريد"));
        assertEquals(role("بيروت", MentionRole.VENUE), roles("قلده الوسام على متن فرقاطة راسية في مرفأ بيروت"), "a port named after its city");
        assertEquals(role("بغداد", MentionRole.DESTINATION), roles("استقبله لدى وصوله إلى مطار بغداد"), "an airport named after its city");
    }

    @Test
    void theUnitOfGovernmentACityLiesInStandsWhereTheCityWordWould() {
        assertEquals(List.of(fold("خانقين") + " VENUE", fold("ديالى") + " VENUE"),
                roles("التقى نظيره في منفذ حدودي بقضاء خانقين في محافظة ديالى"));
        assertEquals(role("البصرة", MentionRole.VENUE), roles("عقد الاجتماع بمحافظة البصرة"));
        assertEquals(role("العراقي", MentionRole.OTHER), roles("أكد البيان الثقة بالقضاء العراقي"), "with its article, the judiciary");
    }

    @Test
    void aDemonymAfterACityTheGazetteerDoesNotKnowQualifiesThatPlace() {
        assertEquals(role("الألمانية", MentionRole.VENUE), roles("التقى الوزير بمدينة شتوتغارت الألمانية قائد القيادة"));
        assertEquals(role("الإيطالية", MentionRole.DESTINATION), roles("توجه الوفد إلى مدينة ميرابيلا الإيطالية"));
    }

    @Test
    void aCityWordTwoWordsBeforeThePlaceSaysNothing() {
        assertEquals(List.of(fold("الإسبانية") + " VENUE", fold("برشلونة") + " OTHER"),
                roles("حل الوفد بالمدينة الإسبانية العريقة برشلونة"));
    }

    @Test
    void aPlaceAfterACityWordAloneIsAVenue() {
        assertEquals(role("ليون", MentionRole.VENUE), roles("أشادت شرطة مدينة ليون"));
        assertEquals(List.of("الرباط DESTINATION", "المغرب VENUE"), roles("وصل الوفد إلى الرباط عاصمة المغرب"));
    }

    @Test
    void aPlaceOpeningItsSentenceBeforeADashOrColonIsTheDateline() {
        assertEquals(role("مدريد", MentionRole.DATELINE), roles("مدريد – أعلنت الشرطة توقيف مشتبه"));
        assertEquals(role("باريس", MentionRole.DATELINE), roles("باريس: أعلنت الشرطة توقيف مشتبه"));
    }

    @Test
    void aPlaceBeforeADashInsideItsSentenceIsNoDateline() {
        assertEquals(role("مدريد", MentionRole.VENUE), roles("أعلنت الشرطة في مدريد – الخبر"));
    }

    @Test
    void aNationalBodyAfterItsSeatIsAVenue() {
        String body = "المديرية العامة لمراقبة التراب الوطني";
        assertEquals(role(body, MentionRole.VENUE), roles("استقبل الوزير الوفد بمقر " + body));
        assertEquals(role(body, MentionRole.VENUE), roles("استقبل الوزير الوفد في مقر " + body));
        assertEquals(role(body, MentionRole.OTHER), roles("تحدث الوزير عن " + body));
    }

    @Test
    void aDemonymNotQualifyingACityIsNoPlace() {
        assertEquals(role("الإسباني", MentionRole.OTHER), roles("أكد الجانب الإسباني دعمه"));
    }

    @Test
    void counterpartWordsTakeAnyEnding() {
        assertEquals(role("الإسباني", MentionRole.COUNTERPART), roles("التقى الوزير نظيره الإسباني"));
        assertEquals(role("الفرنسية", MentionRole.COUNTERPART), roles("التقت الوزيرة نظيرتها الفرنسية"));
        assertEquals(role("الألمان", MentionRole.COUNTERPART), roles("التقى الوزير نظراءه الألمان"));
        assertEquals(role("الألماني", MentionRole.COUNTERPART), roles("اجتمع الوزير بنظيره الألماني"));
    }

    @Test
    void counterpartsInTheGenitiveAreCounterpartsToo() {
        assertEquals(role("الألمان", MentionRole.COUNTERPART), roles("أشاد الوزير بنظرائه الألمان"));
    }

    @Test
    void maNamesTheOtherParty() {
        assertEquals(role("إسبانيا", MentionRole.COUNTERPART), roles("وقع الوزير اتفاقية مع إسبانيا"));
    }

    @Test
    void aCounterpartWordMayStandFourWordsBeforeTheMentionButNoFurther() {
        assertEquals(role("الإسبان", MentionRole.COUNTERPART), roles("التقى الوزير مع كبار الخبراء الأمنيين الإسبان"));
        assertEquals(role("الإسبان", MentionRole.OTHER), roles("التقى الوزير مع عدد من كبار الخبراء الأمنيين الإسبان"));
    }

    @Test
    void theNearestMarkerDecides() {
        assertEquals(role("السعودية", MentionRole.VENUE), roles("عقد مع لقاءات في السعودية"));
    }

    @Test
    void punctuationEndsTheWordsRead() {
        assertEquals(role("إسبانيا", MentionRole.OTHER), roles("اجتمع الوزير مع الوفد، وأكدت إسبانيا دعمها"));
    }

    @Test
    void aLetterWrittenOntoTheMentionMakesNoCounterpart() {
        assertEquals(role("إسبانيا", MentionRole.OTHER), roles("اجتمع الوزير مع ممثلين لإسبانيا"));
    }

    @Test
    void aCountryNamedWithNoMarkerIsPlain() {
        assertEquals(role("المغرب", MentionRole.OTHER), roles("أعلن المغرب دعمه"));
    }

    @Test
    void aPlaceAfterWaFiIsAVenue() {
        assertEquals(role("برشلونة", MentionRole.VENUE), roles("عقد الوزير لقاءات وفي برشلونة"));
    }

    @Test
    void aCountryAfterWaMaIsACounterpart() {
        assertEquals(role("إسبانيا", MentionRole.COUNTERPART), roles("وقع الوزير اتفاقية أمنية ومع إسبانيا مذكرة تفاهم"));
    }

    @Test
    void placeRolesAreVenueDestinationAndDateline() {
        assertTrue(MentionRole.VENUE.place());
        assertTrue(MentionRole.DESTINATION.place());
        assertTrue(MentionRole.DATELINE.place());
        assertFalse(MentionRole.COUNTERPART.place());
        assertFalse(MentionRole.OTHER.place());
    }

    @Test
    void placePrepositionsAreFiAndBiWrittenOn() {
        assertTrue(MentionRole.isPlacePreposition("في"));
        assertTrue(MentionRole.isPlacePreposition("ب"));
        assertTrue(MentionRole.isPlacePreposition("وب"));
        assertFalse(MentionRole.isPlacePreposition(fold("إلى")));
        assertFalse(MentionRole.isPlacePreposition("مع"));
    }

    @Test
    void theRoleOfAMentionIsReadFromItsOwnMatch() {
        Staged s = Staged.of("التقى الوزير نظيره الإسباني في مدريد");
        Match<Gazetteer.CountryForm> madrid = s.found.countries().get(1);
        assertEquals(MentionRole.VENUE, MentionRole.of(madrid, s.folded, 0));
    }

    @Test
    void aDemonymAfterAnOfficialGivesItsNationality() {
        assertEquals(role("الإيطالي", MentionRole.NATIONALITY), roles("وصل وزير الداخلية الإيطالي"));
        assertEquals(role("المغربي", MentionRole.NATIONALITY), roles("غادر الوفد الأمني المغربي"));
    }

    @Test
    void aCountryInConstructWithAnOfficialGivesItsNationality() {
        assertEquals(role("فرنسا", MentionRole.NATIONALITY), roles("صرح وزير خارجية فرنسا"));
        assertEquals(role("العراق", MentionRole.NATIONALITY), roles("صرح وزير داخلية العراق"));
    }

    @Test
    void aCountryAfterAnOfficialWithTheArticleIsWhatHeActsOn() {
        assertEquals(role("إسبانيا", MentionRole.OTHER), roles("دعم الوزير إسبانيا"));
    }

    @Test
    void aStateNamedWithFiOrBiAfterAnOfficialIsTheCountryHeServes() {
        assertEquals(role("إسبانيا", MentionRole.NATIONALITY), roles("وقع الاتفاق وزير الداخلية في مملكة إسبانيا"));
        assertEquals(role("المملكة العربية السعودية", MentionRole.NATIONALITY),
                roles("حضر وزير الداخلية بالمملكة العربية السعودية"));
        assertEquals(role("باكستان", MentionRole.NATIONALITY),
                roles("استقبل الوزير رئيس هيئة أركان القوات المسلحة بجمهورية باكستان"), "a title of words in construct");
    }

    @Test
    void aCountryWithBiAfterAVerbOfBindingIsTheBondsOtherSideNotAPlace() {
        assertEquals(role("المملكة المتحدة", MentionRole.OTHER),
                roles("أكد الوزير عمق العلاقات التي تربط بلاده بالمملكة المتحدة"));
        assertEquals(List.of(fold("الكويت") + " OTHER", fold("لبنان") + " OTHER"), roles("أشاد بالروابط التي تجمع دولة الكويت بلبنان"));
        assertEquals(role("المملكة المتحدة", MentionRole.VENUE), roles("عقد الاجتماع بالمملكة المتحدة"), "without it, a place");
        assertEquals(role("الرباط", MentionRole.VENUE), roles("عقد اجتماع يجمع الوزراء بالرباط"), "a meeting that brings people together");
    }

    @Test
    void aStateWordAfterTheNameMakesItAStateAsOneBeforeItDoes() {
        assertEquals(role("روسيا", MentionRole.NATIONALITY),
                roles("استقبل الوزير نائب وزير الطوارئ في روسيا الاتحادية"), "the Russian Federation he serves");
        assertEquals(role("الصومال", MentionRole.NATIONALITY),
                roles("التقى المدير وزير الداخلية في الصومال الفيدرالية"));
        assertEquals(role("روسيا", MentionRole.VENUE), roles("التقى الوزير نظراءه في روسيا"), "without it, a place");
        assertEquals(role("روسيا", MentionRole.NATIONALITY), roles("استقبل الوزير نائب وزير الطوارئ في روسيا  الاتحادية"), "two spaces");
        assertEquals(role("الصومال", MentionRole.NATIONALITY),
                roles("وقع الوزير مع وزير الدفاع في جمهورية الصومال الفيدرالية"), "a state word on both sides");
    }

    @Test
    void anUndersecretaryIsAnOfficialOfTheStateNamedAfterHisMinistry() {
        assertEquals(role("الإمارات العربية المتحدة", MentionRole.NATIONALITY),
                roles("التقى المفتش العام وكيل وزارة الداخلية بدولة الإمارات العربية المتحدة"));
        assertEquals(role("الكويت", MentionRole.NATIONALITY), roles("استقبل الوزير الوكيل المساعد بدولة الكويت"));
    }

    @Test
    void aCountryAfterOfficialsInThePluralIsTheCountryTheyServe() {
        assertEquals(role("المملكة العربية السعودية", MentionRole.NATIONALITY),
                roles("التقى الوزير وزراء الداخلية في المملكة العربية السعودية"));
    }

    @Test
    void aStateAfterALongTitleIsTheCountryTheOfficialServes() {
        assertEquals(role("باكستان", MentionRole.NATIONALITY),
                roles("التقى الوزير محسن نقوي وزير الداخلية ومكافحة المخدرات في جمهورية باكستان"));
        assertEquals(role("بلجيكا", MentionRole.NATIONALITY),
                roles("أجرى الوزير مباحثات مع وزيرة الداخلية والإصلاحات المؤسساتية والتجديد الديمقراطي بمملكة بلجيكا"));
        assertEquals(role("جمهورية كوريا", MentionRole.NATIONALITY), roles("عقد جلسة مع رئيس مجلس الوزراء بجمهورية كوريا"));
        assertEquals(role("اللبنانية", MentionRole.NATIONALITY),
                roles("عقد جلسة مع وزير الداخلية والبلديات في الجمهورية اللبنانية"), "a state word and its demonym");
        assertEquals(role("مولدوفا", MentionRole.NATIONALITY),
                roles("التقى الوزير وزيرة الشؤون الداخلية في جمهورية مولدوفا"), "a portfolio runs the title on");
    }

    @Test
    void aStateNamedWithFiAfterACounterpartIsTheCounterpartsCountry() {
        assertEquals(role("جنوب السودان", MentionRole.COUNTERPART), roles("التقى المدير العام نظيره في جمهورية جنوب السودان"));
        assertEquals(role("المملكة العربية السعودية", MentionRole.COUNTERPART), roles("التقى الوزير نظيره في المملكة العربية السعودية"));
        assertEquals(role("المملكة العربية السعودية", MentionRole.VENUE), roles("التقى الوزير نظيره أمس في المملكة العربية السعودية"),
                "a word between that is no title: the place of the meeting");
    }

    @Test
    void anOfficialWithAPrepositionWrittenOntoHisTitleStillServesTheStateAfterIt() {
        assertEquals(role("المملكة العربية السعودية", MentionRole.NATIONALITY),
                roles("رحب الوزير بوزير الداخلية في المملكة العربية السعودية"));
        assertEquals(role("البحرين", MentionRole.NATIONALITY),
                roles("اجتمع الوزير بوزير الداخلية في مملكة البحرين"));
    }

    @Test
    void aStateWordMayStandBetweenThePrepositionAndThePlace() {
        assertEquals(role("الكويت", MentionRole.VENUE), roles("عقد الاجتماع في دولة الكويت"));
        assertEquals(role("البحرين", MentionRole.VENUE), roles("عقد الاجتماع بمملكة البحرين"));
        assertEquals(role("الكويت", MentionRole.DESTINATION), roles("توجه الوفد إلى دولة الكويت"));
        assertEquals(role("الكويت", MentionRole.OTHER), roles("أشادت دولة الكويت بالجهود"));
    }

    @Test
    void timeWordsAfterAnOfficialAreNoTitle() {
        assertEquals(role("الكويت", MentionRole.VENUE), roles("وصل الوزير اليوم الاثنين إلى الرياض ثم حل الوزير اليوم الاثنين في دولة الكويت").subList(1, 2));
    }

    @Test
    void aCapitalNamedLikeItsCountryAfterAnOfficialStaysAPlace() {
        assertEquals(role("الجزائر", MentionRole.VENUE), roles("استقبل وزير الداخلية بالجزائر نظيره"));
    }

    @Test
    void aCountryAfterAnAmbassadorIsTheOneHeRepresents() {
        assertEquals(role("الكويت", MentionRole.ENVOY), roles("استقبل الوزير سفير دولة الكويت"));
        assertEquals(role("الفرنسي", MentionRole.ENVOY), roles("استقبل الوزير السفير الفرنسي"));
        assertEquals(role("قطر", MentionRole.ENVOY), roles("التقى الوزير سفراء قطر"));
        assertEquals(role("قطر", MentionRole.ENVOY), roles("بحث الوزير مع سفراء قطر"), "the envoy word is nearer than مع");
        assertEquals(role("أوكرانيا", MentionRole.ENVOY), roles("استعرض الوزير مع سفير جمهورية أوكرانيا"));
    }

    @Test
    void aChargeDAffairesOrAConsulRepresentsHisCountryAsAnAmbassadorDoes() {
        assertEquals(role("الياباني", MentionRole.ENVOY), roles("بحث المدير العام مع القائم بالأعمال الياباني سبل التعاون"));
        assertEquals(role("الفرنسي", MentionRole.ENVOY), roles("استقبل الوالي القنصل العام الفرنسي"));
        assertEquals(role("الياباني", MentionRole.OTHER), roles("أشاد بالأعمال التي قام بها الجانب الياباني"),
                "the word for deeds, several words away from the demonym, is no title");
    }

    @Test
    void aPlaceAfterAVerbOfVisitingIsTheDestination() {
        assertEquals(List.of(fold("اليمني") + " NATIONALITY", fold("القاهرة") + " DESTINATION"), roles("ويزور الوزير اليمني القاهرة"));
        // a headline's verb of arriving, with no preposition: «يصل عمّان»
        assertEquals(role("عمّان", MentionRole.DESTINATION), roles("الشمري يصل عمّان ويوقع مذكرة تعاون"));
        assertEquals(role("الرباط", MentionRole.DESTINATION), roles("وصلت الوزيرة الرباط صباح اليوم"));
    }
}

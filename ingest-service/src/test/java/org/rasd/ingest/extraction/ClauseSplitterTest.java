package org.rasd.ingest.extraction;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.rasd.ingest.extraction.Staged.fold;

/** Sentences to clauses: mentions and their roles, cue types, and where a listing sentence splits into items. */
class ClauseSplitterTest {

    /** Each clause as «TYPE [folded text] [code ROLE, …]». */
    private static List<String> clauses(String text) {
        Staged s = Staged.of(text);
        return s.clauses.stream().map(c -> c.type() + " [" + s.covered(c.span()) + "] " + Staged.roles(c.mentions())).toList();
    }

    /** The cue type of each clause («null» for none). */
    private static List<String> types(String text) {
        return Staged.of(text).clauses.stream().map(c -> String.valueOf(c.type())).toList();
    }

    private static String clause(String type, String text, String... roles) {
        return type + " [" + fold(text) + "] " + List.of(roles);
    }

    @Test
    void eachSentenceIsAClauseWithTheTypeOfItsCue() {
        assertEquals(List.of(clause("MEET", "التقى وزير الداخلية الفرنسي نظيره الإسباني.", "FR NATIONALITY", "ES COUNTERPART"),
                        clause("null", "وأكد الطرفان دعم إسبانيا.", "ES OTHER")),
                clauses("التقى وزير الداخلية الفرنسي نظيره الإسباني. وأكد الطرفان دعم إسبانيا."));
    }

    @Test
    void anEventNounQualifiedByAPlanRightAfterItIsNoCue() {
        assertEquals(List.of(clause("null", "وأكد الوزير الإسباني أهمية المؤتمر الدولي الذي", "ES NATIONALITY")),
                clauses("وأكد الوزير الإسباني أهمية المؤتمر الدولي الذي تنوي مدريد احتضانه."));
        assertEquals(List.of(clause("null", "وأكد الوزير الإسباني أهمية الاجتماع الوزاري", "ES NATIONALITY")),
                clauses("وأكد الوزير الإسباني أهمية الاجتماع الوزاري المقبل."));
    }

    @Test
    void aSentenceSayingWhatAlwaysHoldsReportsNoAct() {
        assertEquals(List.of(clause("null", "وتنتخب الجمعية العامة خمسة أعضاء كل عام، ويعقد المؤتمر في إسبانيا.", "ES VENUE")),
                clauses("وتنتخب الجمعية العامة خمسة أعضاء كل عام، ويعقد المؤتمر في إسبانيا."));
    }

    @Test
    void whatSomethingIsMadeOfSaysWhatAlwaysHoldsBeforeAnActAndDescribesItsPartyAfterOne() {
        assertEquals(List.of("null"), types("وتتألف اللجنة التنفيذية للإنتربول من الرئيس وثلاثة نواب تنتخبهم الجمعية العامة في اجتماع سنوي."));
        assertEquals(List.of("VISIT"), types("زار وفد رسمي من إسبانيا، يتكون من 18 إطارا، مقر المديرية العامة."));
    }

    @Test
    void theRuleOfAnAwardOrABodyInThePresentPassiveReportsNoAct() {
        assertEquals(List.of("null"), types("ويُمنح هذا الوسام الإسباني لرؤساء الدول ووزراء الداخلية."));
        assertEquals(List.of("null"), types("ويُنتخب أعضاء اللجنة التنفيذية للإنتربول لثلاث سنوات."));
        assertEquals(List.of("HONOR"), types("ومنح الملك الإسباني الوزير وساما."), "a decoration granted is an act");
    }

    @Test
    void aVisitToTheKingdomIsAReceptionUnlessTheKingdomIsNamed() {
        assertEquals(List.of("HOST"), types("وحل الوزير الإسباني بالرباط في زيارة عمل إلى المملكة."));
        assertEquals(List.of("VISIT"), types("واستهل حموشي زيارة عمل إلى المملكة العربية السعودية."));
    }

    @Test
    void theMoreSpecificCueDecidesTheType() {
        assertEquals(List.of(clause("HONOR", "وشح الملك الضابط الفرنسي بوسام خلال لقاء بالرباط.", "FR OTHER", "MA VENUE")),
                clauses("وشح الملك الضابط الفرنسي بوسام خلال لقاء بالرباط."));
    }

    @Test
    void aVisitTheGuestPaysIsAReception() {
        String guest = "أجرى الوزير مباحثات مع وزير الداخلية الإسباني، الذي يقوم بزيارة رسمية، تناولت التعاون الأمني.";
        assertEquals(List.of(clause("HOST", guest, "ES COUNTERPART")), clauses(guest));
        // a visit reported first is the subject's
        String own = "قام الوزير بزيارة رسمية إلى مدريد التقى خلالها وزير الداخلية الإسباني.";
        assertEquals("VISIT", clauses(own).getFirst().split(" ")[0]);
    }

    @Test
    void mentionsJoinedByCommasAndOneWaShareTheRoleOfTheFirst() {
        assertEquals(List.of(clause("null", "جال الوفد في تونس، مصر، والأردن.", "TN VENUE", "EG VENUE", "JO VENUE")),
                clauses("جال الوفد في تونس، مصر، والأردن."));
    }

    @Test
    void twoCapitalsOfTwoCountriesJoinedByADashNameARelationNotADateline() {
        assertEquals(List.of(clause("MEET", "تونس – روما: وزير الداخلية يلتقي نظيره الإيطالي", "TN OTHER", "IT OTHER", "IT COUNTERPART")),
                clauses("تونس – روما: وزير الداخلية يلتقي نظيره الإيطالي"));
        // a dateline and the agency that filed it, of one country, stay a dateline
        assertEquals(List.of(clause("MEET", "مسقط - العمانية: التقى وزير الداخلية نظيره الإيطالي", "OM DATELINE", "OM OTHER", "IT COUNTERPART")),
                clauses("مسقط - العمانية: التقى وزير الداخلية نظيره الإيطالي"));
    }

    @Test
    void mentionsWithOtherWordsBetweenHaveTheirOwnRole() {
        assertEquals(List.of(clause("MEET", "التقى الوزير في روما مسؤولين من فرنسا.", "IT VENUE", "FR NATIONALITY")),
                clauses("التقى الوزير في روما مسؤولين من فرنسا."));
    }

    @Test
    void aCommaAloneDoesNotOpenAListItem() {
        assertEquals(List.of(clause("MEET", "عقد الوزير الفرنسي، صباح الاثنين بمدريد، لقاء مع نظيره الإسباني.",
                        "FR NATIONALITY", "ES VENUE", "ES COUNTERPART")),
                clauses("عقد الوزير الفرنسي، صباح الاثنين بمدريد، لقاء مع نظيره الإسباني."));
        assertEquals(List.of(clause("CONFERENCE", "أجرى الوزير لقاءات ثنائية في مدريد، مؤتمرا دوليا في لشبونة.", "ES VENUE", "PT VENUE")),
                clauses("أجرى الوزير لقاءات ثنائية في مدريد، مؤتمرا دوليا في لشبونة."));
    }

    @Test
    void aCommaAndALinkingWordBeforeACueOpenAnItem() {
        assertEquals(List.of(clause("MEET", "أجرى الوزير لقاءات ثنائية في مدريد، وأخيرا", "ES VENUE"),
                        clause("CONFERENCE", "مؤتمرا دوليا في لشبونة.", "PT VENUE")),
                clauses("أجرى الوزير لقاءات ثنائية في مدريد، وأخيرا مؤتمرا دوليا في لشبونة."));
    }

    @Test
    void aCueWithWaWrittenOntoItOpensAnItem() {
        assertEquals(List.of(clause("MEET", "عقد الوزير لقاء في مدريد", "ES VENUE"),
                        clause("VISIT", "وزيارة إلى روما.", "IT DESTINATION")),
                clauses("عقد الوزير لقاء في مدريد وزيارة إلى روما."));
    }

    @Test
    void thenOpensAnItemWithoutAComma() {
        assertEquals(List.of(clause("CONFERENCE", "حضر الوزير قمة في مدريد ثم", "ES VENUE"),
                        clause("MEET", "لقاء مع الوفد الفرنسي.", "FR COUNTERPART")),
                clauses("حضر الوزير قمة في مدريد ثم لقاء مع الوفد الفرنسي."));
    }

    @Test
    void aWordThatStartsWithThenOpensNoItem() {
        assertEquals(List.of(clause("CONFERENCE", "حضر الوزير قمة في مدريد وثمن لقاء مع الوفد الفرنسي.", "ES VENUE", "FR COUNTERPART")),
                clauses("حضر الوزير قمة في مدريد وثمن لقاء مع الوفد الفرنسي."));
    }

    @Test
    void anAdditionOpensAnItemThatReportsWhatTheItemBeforeReports() {
        assertEquals(List.of(clause("AGREEMENT", "وقع الوزير اتفاقية في الدوحة،", "QA VENUE"),
                        clause("AGREEMENT", "بالإضافة إلى شراكات مع باكستان.", "PK COUNTERPART")),
                clauses("وقع الوزير اتفاقية في الدوحة، بالإضافة إلى شراكات مع باكستان."));
    }

    @Test
    void anItemWithoutACountryBelongsToTheNextWithTheMoreSpecificType() {
        assertEquals(List.of(clause("AGREEMENT", "وقع الوزير اتفاقية ثنائية، وأخيرا زيارة إلى روما.", "IT DESTINATION")),
                clauses("وقع الوزير اتفاقية ثنائية، وأخيرا زيارة إلى روما."));
    }

    @Test
    void aLastItemWithoutACountryBelongsToTheOneBefore() {
        assertEquals(List.of(clause("AGREEMENT", "زار الوزير روما، وأخيرا وقع اتفاقية ثنائية.", "IT DESTINATION")),
                clauses("زار الوزير روما، وأخيرا وقع اتفاقية ثنائية."));
    }

    @Test
    void aSentenceWithoutCountriesStaysOneClause() {
        assertEquals(List.of(clause("VISIT", "عقد الوزير لقاء ثم قمة ثم زيارة.")), clauses("عقد الوزير لقاء ثم قمة ثم زيارة."));
    }

    @Test
    void onlyTheReportedPartIsSplitAndHoldsMentions() {
        assertEquals(List.of(clause("MEET", "التقى الوزير الإيطالي نظيره الإسباني، ثم", "IT NATIONALITY", "ES COUNTERPART"),
                        clause("MEET", "اجتماعا في باريس،", "FR VENUE")),
                clauses("التقى الوزير الإيطالي نظيره الإسباني، ثم اجتماعا في باريس، والمقرر عقد قمة في روما ثم لقاء في برلين."));
    }

    @Test
    void anEventNounRightAfterATopicVerbReportsNoNewEvent() {
        assertEquals(List.of(clause("null", "وتناولت المباحثات الوضع في ليبيا.", "LY TOPIC")),
                clauses("وتناولت المباحثات الوضع في ليبيا."));
    }

    @Test
    void anEventNounWithTheArticleAfterATopicVerbIsABackReferenceToo() {
        assertEquals(List.of(clause("null", "وتمحور اللقاء حول الوضع في ليبيا.", "LY TOPIC")),
                clauses("وتمحور اللقاء حول الوضع في ليبيا."));
    }

    @Test
    void anEventNounFurtherFromATopicVerbStillReports() {
        assertEquals(List.of(clause("MEET", "وتطرق الوزير خلال اللقاء إلى الوضع في ليبيا.", "LY TOPIC")),
                clauses("وتطرق الوزير خلال اللقاء إلى الوضع في ليبيا."));
    }

    @Test
    void aClauseKeepsItsWholeSentenceAsEvidence() {
        Staged s = Staged.of("عقد الوزير لقاء في مدريد وزيارة إلى روما.");
        assertEquals(List.of(fold("عقد الوزير لقاء في مدريد وزيارة إلى روما."), fold("عقد الوزير لقاء في مدريد وزيارة إلى روما.")),
                s.clauses.stream().map(c -> s.covered(c.sentence())).toList());
    }

    private static List<Boolean> reMentions(String text) {
        return Staged.of(text).clauses.stream().filter(Clause::reportsEvent).map(Clause::reMention).toList();
    }

    @Test
    void anEventNounWithTheArticleNamesAnActAlreadyKnown() {
        assertEquals(List.of(false, true), reMentions("زار الوزير الإسباني الرباط. وتأتي الزيارة في سياق تعاون قديم."));
        assertEquals(List.of(true), reMentions("وتناول الجانبان خلال اللقاء ملف الهجرة."));
    }

    @Test
    void anEventNounAfterADemonstrativeNamesAnActAlreadyKnown() {
        assertEquals(List.of(true), reMentions("ويجمع هذا اللقاء وزراء داخلية إيطاليا وتونس."));
    }

    @Test
    void anEventNounAVerbOfComingSetsInContextNamesAnActAlreadyKnown() {
        // «وتأتي زيارة …» comments on the visit reported before it, whoever else it names
        assertEquals(List.of(true), reMentions("وتأتي زيارة قائد القوة الفرنسية في وقت تتولى فيه بلادنا رئاسة مجموعة تضم مالي والنيجر وتشاد."));
        assertEquals(List.of(true), reMentions("وجاء لقاء الوزيرين بعد أسابيع من التوتر بين الجزائر وباريس."));
    }

    @Test
    void anIndefiniteEventNounOrAVerbReportsAnAct() {
        assertEquals(List.of(false, false), reMentions("أجرى الوزير مباحثات مع نظيره الإسباني. واستقبل الوزير السفير الفرنسي."));
    }

    @Test
    void aRelativeClauseAfterTheNounReportsTheAct() {
        assertEquals(List.of(false), reMentions("واستمرت المباحثات التي أجراها الوزير مع نظيره البرتغالي ساعتين."));
    }

    @Test
    void aQuantifierBeforeTheNounMakesActsOfTheirOwn() {
        assertEquals(List.of(false), reMentions("وظهر ذلك في بعض الزيارات إلى تركيا والسعودية."));
    }

    @Test
    void anActSetInTheContextOfAnotherLeavesThatOtherAClauseOfItsOwn() {
        String set = "ويأتي لقاء مسقط بعد نحو خمسة أشهر على زيارة أجراها إلى بيروت وزير الداخلية الكويتي.";
        assertEquals(List.of(clause("MEET", "ويأتي لقاء مسقط", "OM OTHER"),
                        clause("VISIT", "بعد نحو خمسة أشهر على زيارة أجراها إلى بيروت وزير الداخلية الكويتي.", "LB DESTINATION", "KW COUNTERPART")),
                clauses(set));
        assertEquals(List.of(true, false), reMentions(set), "the act set in context is one already reported");
        assertEquals(1, clauses("وزار الوزير بيروت بعد أشهر من زيارة أجراها إليها وزير الداخلية الكويتي.").size(),
                "no sentence opening that sets an act in context: one act");
        assertEquals(1, clauses("وتأتي زيارة الوزير إلى بيروت بعد أشهر من التوتر بين لبنان والكويت.").size(), "no other act: one clause");
    }

    @Test
    void anActSetBeforeAnotherLeavesThatOtherToComeNoClauseNorParty() {
        String set = "ويأتي لقاء مسقط قبل أيام من اجتماع وزاري تستضيفه العاصمة السعودية الرياض.";
        List<String> clauses = clauses(set);
        assertEquals(1, clauses.size(), "the meeting still to come is no clause: " + clauses);
        assertEquals(List.of(true), reMentions(set), "the act set in context is one already reported");
        assertEquals(false, clauses.getFirst().contains("SA"), "the country of what is to come is no party: " + clauses);
    }

    @Test
    void anActSetAfterATimeThatReportsNoActTakesNothingOfThatTime() {
        String set = "ويأتي التكريم بعد أشهر من تسلم الحكومة البرتغالية مهامها في أيار 2020.";
        List<String> clauses = clauses(set);
        assertEquals(List.of(clause("HONOR", "ويأتي التكريم")), clauses, "the clause ends where the other time begins: " + clauses);
        assertEquals(List.of(true), reMentions(set), "the act set in context is one already reported");
    }

    @Test
    void aPressConferenceIsNoEvent() {
        assertEquals(List.of(clause("null", "وقال الوزير الإسباني في مؤتمر صحفي إن التعاون مستمر.", "ES NATIONALITY")),
                clauses("وقال الوزير الإسباني في مؤتمر صحفي إن التعاون مستمر."));
    }

    @Test
    void onTheBackdropOfSignsNothing() {
        assertEquals(List.of(clause("null", "وجاء تصريح الوزير الإسباني على وقع توتر في المنطقة.", "ES NATIONALITY")),
                clauses("وجاء تصريح الوزير الإسباني على وقع توتر في المنطقة."), "«على وقع» is no «وقع», signed");
    }

    @Test
    void thePilgrimageOfArbaeenIsNoVisit() {
        assertEquals(List.of(clause("null", "ناقش الوزير العراقي خطة تأمين زيارة الأربعين.", "IQ NATIONALITY")),
                clauses("ناقش الوزير العراقي خطة تأمين زيارة الأربعين."), "the pilgrimage, not a visit of a state's official");
    }
}

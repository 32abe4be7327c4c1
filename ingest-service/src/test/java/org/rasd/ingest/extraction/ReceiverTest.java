package org.rasd.ingest.extraction;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Who received: the words naming the subject's official who received a guest, read around the verb. */
class ReceiverTest {

    /** The receiver of each clause that reports an act. */
    private static List<Set<String>> receivers(String text) {
        Staged s = Staged.of(text);
        return s.eventClauses().stream().map(clause -> Receiver.of(s.folded, clause, s.found)).toList();
    }

    private static Set<String> words(String... words) {
        return Set.of(Arrays.stream(words).map(Staged::fold).toArray(String[]::new));
    }

    @Test
    void theOfficialNamedAfterTheVerbUpToWhenHeReceived() {
        // read without the article, name parts and titles that tell no two officials apart (رئيس، عبد)
        assertEquals(List.of(words("جمهورية", "مجيد", "تبون")),
                receivers("استقبل رئيس الجمهورية، السيد عبد المجيد تبون، في 28 مارس 2022، وزير الداخلية الفرنسي."));
    }

    @Test
    void theOfficialNamedBeforeTheVerbCommasAndAllWhenQadStandsBeforeIt() {
        assertEquals(List.of(words("داخلية", "والجماعات", "محلية", "نور", "دين", "بدوي")),
                receivers("وكان وزير الداخلية والجماعات المحلية، نور الدين بدوي، قد استقبل ضيفه التونسي أمس."));
        assertEquals(List.of(words("دفاع")), receivers("وزير الدفاع يستقبل نظيره التركي"));
    }

    @Test
    void theOfficialNamedAfterTheVerbUpToTheGuestsTitleBeforeHisNationality() {
        assertEquals(List.of(words("مجلس", "وزراء", "شياع", "سوداني")),
                receivers("كما استقبل رئيس مجلس الوزراء محمد شياع السوداني الوزير الباكستاني."));
    }

    @Test
    void theOfficialAGuestMetNamedAfterTheGuestsCountry() {
        assertEquals(List.of(words("حمد", "دهيمي")),
                receivers("كما التقى رئيس قوة الإطفاء الإسبانية في لقاء آخر اللواء حمد الدهيمي."));
    }

    @Test
    void theOfficialWhoWelcomedAGuestTheClauseReportsArrivingOrTouring() {
        assertEquals(List.of(words("عامة", "سالم", "هاشمي")), // أركان is a title: it tells no two apart
                receivers("ووصل وزير الدفاع البرتغالي إلى البلاد في زيارة رسمية، وكان في استقباله لدى وصوله رئيس الأركان العامة اللواء سالم الهاشمي."));
        assertEquals(List.of(words("منير", "زياني", "مركز")), // العقيد addresses, مدير titles
                receivers("وزار الوفد الكيني مركز التدريب، حيث كان في استقبالهم العقيد منير الزياني مدير المركز."));
        assertEquals(List.of(words("منير", "زياني", "مركز")), receivers("وزار الوفد الكيني مركز التدريب، "
                + "وفي استقبالهم العقيد منير الزياني مدير المركز، ثم في استقباله اللواء سالم الهاشمي."), "the first welcome, و and all");
    }

    @Test
    void noReceiverWhereACountryComesFirstOrNoOfficialIsNamedOrTheVerbIsANoun() {
        assertEquals(List.of(Set.of()), receivers("واستقبل وزير الداخلية الفرنسي نظيره المغربي."), "his nationality or the guest");
        assertEquals(List.of(Set.of()), receivers("وفي القاهرة، التقى عددا من الطلاب المصريين اليوم."), "no title, no word of address");
        assertEquals(List.of(Set.of()), receivers("وأكد الوزير خلال استقباله السفير الياباني أهمية التعاون."), "a noun of receiving");
    }
}

package org.rasd.ingest.extraction;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Who gives a praise: the official named before what the praise is of, after the turn of the report it follows. */
class PraiseGiverTest {

    /** The givers of the praises of the text's first praise clause, in an article about Morocco. */
    private static List<Optional<String>> givers(String text) {
        Staged staged = Staged.of(text);
        Clause clause = staged.clauses.stream().filter(c -> c.type() == EventType.PRAISE).findFirst().orElseThrow();
        return PraiseGiver.of(staged.folded, clause, staged.found, "MA");
    }

    @Test
    void theOfficialNamedByHisNationalityBeforeWhatHePraisesGivesThePraise() {
        assertEquals(List.of(Optional.of("IT")), givers("وأشاد الوزير الإيطالي بجهود المغرب في مكافحة الهجرة."));
        assertEquals(List.of(Optional.of("SO")), givers("من جانبه، أعرب السفير الصومالي عن تقدير بلاده لليمن."));
    }

    @Test
    void aBodyNamedByItsNationalityGivesThePraiseOfItsCountry() {
        assertEquals(List.of(Optional.of("US")),
                givers("أشادت وزارة الخارجية الأمريكية، أمس الجمعة، بضبط القوات اليمنية شحنة الأسلحة الإيرانية."));
    }

    @Test
    void aKnownOfficialNamedAloneGivesThePraiseOfHisCountry() {
        assertEquals(List.of(Optional.of("LB")), givers("وأثنى الوزير أحمد الحجار على ما تقوم به سلطنة عمان من دور في المنطقة."));
    }

    @Test
    void aCountryNamedInWhatIsPraisedIsPraisedNotPraising() {
        assertEquals(List.of(Optional.empty()), givers("وأشاد السفير يومها بالخطط الأمنية لتأمين مقر السفارة السعودية."));
        assertEquals(List.of(Optional.empty()), givers("وأشاد الوزير بجهود وزير الداخلية الإيطالي."));
    }

    @Test
    void aSecurityChiefNamedByHisTitleAloneIsTheSubjectsOwn() {
        assertEquals(List.of(Optional.of("MA")), givers("ورحب رئيس الأمن العام بالضيف، منوها بما يربط البلدين الجارين."));
        assertEquals(List.of(Optional.of("MA")),
                givers("من جهته، عبر رئيس مصلحة خفر السواحل عن امتنانه للدعم الذي قدمته فرنسا وإسبانيا."));
        assertEquals(List.of(Optional.of("MA")), givers("وأشاد مدير عام الشرطة بحرفية العناصر المشاركة في الدورة."));
    }

    @Test
    void aPraiseAfterTheOtherSidesTurnIsGivenByWhoeverIsNamedAfterIt() {
        assertEquals(List.of(Optional.of("YE"), Optional.of("GB")),
                givers("وأشاد الوزير حيدان بالدعم البريطاني، فيما أشادت السفيرة البريطانية بالجهود التي تبذلها الوزارة."));
    }
}

package org.rasd.ingest.extraction;

import org.junit.jupiter.api.Test;
import org.rasd.ingest.record.Event.Actor;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The officials each clause names, by country: people of persons.tsv, officials by title and nationality. */
class NamedActorsTest {

    /** The officials of each clause of a text. */
    private static List<Map<String, Actor>> named(String text) {
        Staged s = Staged.of(text);
        return s.clauses.stream().map(s::named).toList();
    }

    private static Map<String, Actor> namedInFirst(String text) {
        return named(text).getFirst();
    }

    @Test
    void anOfficialOfPersonsTsvIsNamedForTheirCountryWithTheRoleListed() {
        assertEquals(Map.of("MA", new Actor("MA", "عبد الوافي لفتيت", "وزير الداخلية")),
                namedInFirst("صرح عبد الوافي لفتيت للصحافة."));
    }

    @Test
    void theNameIsTheOriginalText() {
        assertEquals(Map.of("DE", new Actor("DE", "نانسي فيزر", "وزيرة الداخلية")), namedInFirst("صرحت نانسي فيزر للصحافة."));
    }

    @Test
    void aNameWrittenAfterLiTakesItsArticleBack() {
        assertEquals(Map.of("IQ", new Actor("IQ", "الأعرجي", "مستشار الأمن القومي")), namedInFirst("وسبق للأعرجي أن زار طهران."));
    }

    @Test
    void anOfficialIsNamedByTitleAndDemonymRightAfterIt() {
        assertEquals(Map.of("DE", new Actor("DE", null, "وزيرة الداخلية")), namedInFirst("التقى الوزير وزيرة الداخلية الألمانية."));
    }

    @Test
    void anOfficialIsNamedByTitleAndCountryNameRightAfterIt() {
        assertEquals(Map.of("MA", new Actor("MA", null, "سفير")), namedInFirst("التقى الوزير سفير المغرب."));
    }

    @Test
    void anOfficialIsNamedByTitleAndCountryAfterFiOrBi() {
        assertEquals(Map.of("FR", new Actor("FR", null, "مدير المخابرات")), namedInFirst("التقى الوزير مدير المخابرات في فرنسا."));
        assertEquals(Map.of("FR", new Actor("FR", null, "مدير المخابرات")), namedInFirst("التقى الوزير مدير المخابرات بفرنسا."));
    }

    @Test
    void aCityAfterFiOrBiIsNoNationality() {
        assertEquals(Map.of(), namedInFirst("التقى الوزير وزير الداخلية بمدريد."));
    }

    @Test
    void aDemonymAfterFiIsNoNationality() {
        assertEquals(Map.of(), namedInFirst("التقى الوزير وزير الداخلية في الحكومة الإسبانية."));
    }

    @Test
    void onlyTheFirstMentionAfterATitleIsRead() {
        // مدريد does not say the minister's country, and فرنسا is the ambassador's, not his
        assertEquals(Map.of("FR", new Actor("FR", null, "سفير")), namedInFirst("التقى وزير الداخلية بمدريد سفير فرنسا."));
    }

    @Test
    void theFirstOfficialOfEachCountryIsKept() {
        assertEquals(Map.of("ES", new Actor("ES", null, "وزير العدل")),
                namedInFirst("التقى الوزير وزير العدل الإسباني ووزير الخارجية الإسباني."));
    }

    @Test
    void anOfficialByNameComesBeforeOneByTitle() {
        assertEquals(Map.of("MA", new Actor("MA", "لفتيت", "وزير الداخلية")), namedInFirst("التقى الوفد سفير المغرب ولفتيت."));
    }

    @Test
    void officialsOfSeveralCountriesAreNamedTogether() {
        assertEquals(Map.of("MA", new Actor("MA", "حموشي", "المدير العام للأمن الوطني ومراقبة التراب الوطني"),
                        "BE", new Actor("BE", null, "وزيرة العدل")),
                namedInFirst("استقبل حموشي وزيرة العدل البلجيكية."));
    }

    @Test
    void eachItemOfAListNamesItsOwnOfficials() {
        assertEquals(List.of(Map.of("ES", new Actor("ES", null, "وزير العدل")), Map.of("FR", new Actor("FR", null, "وزير الداخلية"))),
                named("عقد الوزير الإيطالي لقاء مع وزير العدل الإسباني في مدريد، ثم اجتماعا مع وزير الداخلية الفرنسي في باريس."));
    }

    @Test
    void aTitleWithNoCountryAfterItNamesNoOne() {
        assertEquals(Map.of(), namedInFirst("التقى وزير الداخلية مع الوفد."));
    }
}

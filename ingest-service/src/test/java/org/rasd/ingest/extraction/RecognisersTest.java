package org.rasd.ingest.extraction;

import org.junit.jupiter.api.Test;
import org.rasd.ingest.extraction.Recognisers.Recognised;
import org.rasd.ingest.parsing.Lexicon.Match;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.rasd.ingest.extraction.Staged.fold;

/** The recognisers: every phrase list read in one pass, and the rules of the language tables they rely on. */
class RecognisersTest {

    @Test
    void aPhraseListedTwiceInOneListIsRefused() {
        // one phrase has one meaning in a list: a second row would silently replace the first
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> Recognisers.table("repeated-phrase.tsv", "word", row -> row.get("kind")));
        assertTrue(refused.getMessage().contains("البلاد$"));
    }

    private static Recognised found(String text) {
        return Staged.of(text, "2025-06-18").found;
    }

    /** Each match as «folded text=value». */
    private static List<String> described(Staged staged, List<? extends Match<?>> matches) {
        return matches.stream().map(m -> staged.covered(m) + "=" + value(m.value())).toList();
    }

    private static String value(Object value) {
        return value instanceof Gazetteer.CountryForm form ? form.code() + " " + form.kind()
                : value instanceof Person person ? person.country() + " " + person.role() : String.valueOf(value);
    }

    @Test
    void oneScanFindsEveryPhraseList() {
        Staged s = Staged.of("استقبل لفتيت، أمس بالرباط، وزيرة العدل البلجيكية والإنتربول لبحث مكافحة الإرهاب، ثم غادر.",
                "2025-06-18");
        assertEquals(List.of(fold("الرباط") + "=MA CITY", fold("البلجيكية") + "=BE DEMONYM"), described(s, s.found.countries()));
        // a phrase may stand in several lists: Interpol is an organisation and says the theme
        assertEquals(List.of(fold("الإنتربول") + "=POLICE_COOPERATION", fold("إرهاب") + "=TERRORISM"), described(s, s.found.themes()));
        assertEquals(List.of(fold("الإنتربول") + "=INTERPOL"), described(s, s.found.organisations()));
        assertEquals(List.of("لفتيت=MA وزير الداخلية"), described(s, s.found.persons()));
        assertEquals(List.of(fold("وزيرة العدل")), s.covered(s.found.titles()));
        assertEquals(List.of("استقبل=HOST"), described(s, s.found.cues()));
        assertEquals(List.of("ثم=THEN"), described(s, s.found.markers()));
        assertEquals(List.of("2025-06-17 DAY"), s.found.dates().stream().map(d -> d.value() + " " + d.precision()).toList());
    }

    @Test
    void aCueTakesAnyEndingAndMayCarryCliticsAndTheArticle() {
        Staged s = Staged.of("استقبلته الوزيرة وباللقاء");
        assertEquals(List.of("استقبل=HOST", "لقاء=MEET"), described(s, s.found.cues()));
    }

    @Test
    void aCueEndingInDollarTakesNoEnding() {
        Staged visited = Staged.of("زار الوزير");
        assertEquals(List.of("زار=VISIT"), described(visited, visited.found.cues()));
        assertEquals(List.of(), found("أعلنت وزارة الداخلية").cues(), "وزارة is no و + زار");
        assertEquals(List.of(), found("زارع الزيتون").cues());
    }

    @Test
    void thenIsAWholeWordOnly() {
        assertEquals(List.of(Marker.PARTICIPATION, Marker.THEN), found("حضر القمة ثم اللقاء").markers().stream().map(Match::value).toList());
        assertEquals(List.of(), found("ثمن الوزير الجهود الثمينة").markers(), "ثمن and ثمينة are no ثم");
    }

    @Test
    void everyKindOfDiscourseMarkerIsFoundWithItsEnding() {
        Staged s = Staged.of("وتناولت المباحثات والمقررة بالإضافة إلى فضلا عن وعلى هامش المرتقبة");
        assertEquals(List.of("تناول=TOPIC", "مقرر=SCHEDULED", fold("بالإضافة إلى") + "=ADDITION", "فضلا عن=ADDITION",
                fold("على هامش") + "=SIDELINES", "مرتقب=SCHEDULED"), described(s, s.found.markers()));
        assertEquals(List.of(Marker.SCHEDULED, Marker.SCHEDULED), s.found.markers().stream().map(Match::value).filter(kind -> kind == Marker.SCHEDULED).toList());
    }

    @Test
    void aDefinitePhraseAlsoMatchesAfterTheLamPreposition() {
        Staged s = Staged.of("دعم للمغرب في التصدي للإرهاب");
        assertEquals(List.of("للمغرب=MA NAME"), described(s, s.found.countries()));
    }

    @Test
    void aThemeCueTakesAnyEnding() {
        Staged s = Staged.of("الخلية الإرهابية");
        assertEquals(List.of(fold("إرهاب") + "=TERRORISM"), described(s, s.found.themes()));
    }

    @Test
    void theLongestCountryFormIsOneMention() {
        Staged s = Staged.of("وفد من الولايات المتحدة الأمريكية");
        assertEquals(List.of(fold("الولايات المتحدة الأمريكية") + "=US NAME"), described(s, s.found.countries()));
    }

    @Test
    void countryFormsMustEndAWord() {
        assertEquals(List.of("RO"), found("قال الروماني").countries().stream().map(m -> m.value().code()).toList(),
                "روما (IT) is no country inside الروماني");
    }

    @Test
    void everyInflectionOfADemonymIsOneCountry() {
        Staged s = Staged.of("الوفد الفرنسي والوزيرة الفرنسية وضباط فرنسيون ومع الفرنسيين");
        assertEquals(List.of(fold("الفرنسي") + "=FR DEMONYM", fold("الفرنسية") + "=FR DEMONYM", "فرنسيون=FR DEMONYM",
                "الفرنسيين=FR DEMONYM"), described(s, s.found.countries()));
    }

    @Test
    void aDerivedFormThatIsAlsoANameStaysAName() {
        Staged s = Staged.of("زار السعودية الوفد السعودي");
        assertEquals(List.of(fold("السعودية") + "=SA NAME", "السعودي=SA DEMONYM"), described(s, s.found.countries()));
    }

    @Test
    void anAmbiguousNameIsNoCountryButItsOtherFormsAre() {
        assertEquals(List.of(), found("رصد الغلاف المالي").countries());
        assertEquals(List.of(), found("حل مالي محتمل").countries());
        Staged s = Staged.of("الوضع الأمني في مالي");
        assertEquals(List.of("في مالي=ML NAME"), described(s, s.found.countries()));
    }

    @Test
    void aRegionNamedAfterACountryIsNoCountry() {
        Staged s = Staged.of("شراكات مع أمريكا اللاتينية ومع أمريكا");
        assertEquals(List.of(fold("أمريكا") + "=US NAME"), described(s, s.found.countries()));
    }

    @Test
    void aNationalBodyStandsForItsCountryAndIsNoInternationalOrganisation() {
        // an act of the FBI is an act with the United States: as an organisation too it would set apart reports of one
        // act that name the body from those that name its country
        Staged s = Staged.of("أعلن مكتب التحقيقات الفيدرالي بالتنسيق مع الإنتربول");
        assertEquals(List.of(fold("مكتب التحقيقات الفيدرالي") + "=US BODY"), described(s, s.found.countries()));
        assertEquals(List.of(fold("الإنتربول") + "=INTERPOL"), described(s, s.found.organisations()));
    }

    @Test
    void regionalBodiesAreOrganisationsNotCountries() {
        Staged s = Staged.of("اختتمت أعمال مجلس وزراء الداخلية العرب بحضور ممثل مجلس التعاون لدول الخليج العربية");
        assertEquals(List.of(fold("مجلس وزراء الداخلية العرب") + "=ARAB_INTERIOR_COUNCIL",
                fold("مجلس التعاون لدول الخليج العربية") + "=GCC"), described(s, s.found.organisations()));
        assertEquals(List.of(), described(s, s.found.countries()));
    }

    @Test
    void anOfficialIsFoundByFullNameOrFamilyNameAlone() {
        Staged s = Staged.of("صرح عبد الوافي لفتيت ثم أكد لفتيت");
        assertEquals(List.of(fold("عبد الوافي لفتيت") + "=MA وزير الداخلية", "لفتيت=MA وزير الداخلية"),
                described(s, s.found.persons()));
    }

    @Test
    void anOfficialNamedInFullIsNamedAgainByTheLastWordOfHisNameAlone() {
        Staged s = Staged.of("في خطاب ألقاه أمس، رحب أنس خطاب بالوفد، ثم أكد الوزير خطاب أن الخطابات لا تكفي.");
        assertEquals(List.of(fold("أنس خطاب") + "=SY وزير الداخلية", "خطاب=SY وزير الداخلية"), described(s, s.found.persons()));
    }

    @Test
    void aHeadlineNamesAnOfficialByHisFamilyNameBeforeTheStoryNamesHimInFull() {
        Staged s = Staged.of("الشمري يصل عمّان\nوصل وزير الداخلية عبد الأمير الشمري إلى عمّان.");
        assertEquals(List.of("الشمري=IQ وزير الداخلية", fold("عبد الأمير الشمري") + "=IQ وزير الداخلية"),
                described(s, s.found.persons()));
    }

    @Test
    void anOfficialsNameMustEndAWord() {
        assertEquals(List.of(), found("قال لفتيتي").persons());
    }

    @Test
    void relativeDatesNeedThePublicationDay() {
        assertEquals(List.of("2025-06-17"), found("وصل أمس").dates().stream().map(d -> d.value()).toList());
        assertEquals(List.of(), Staged.of("وصل أمس").found.dates());
    }

    /** Many national pages name themselves in Latin letters, as their site name or in their title. */
    @Test
    void anOutletsLatinNameGivesItsCountry() {
        Recognisers recognisers = Staged.RECOGNISERS;
        assertEquals(List.of("LB"), recognisers.outletCountries("Lebanon24"));
        assertEquals(List.of("TN"), recognisers.outletCountries("Mosaique FM"));
        assertEquals(List.of("MA"), recognisers.outletCountries("Hespress - هسبريس جريدة إلكترونية مغربية"));
        assertEquals(List.of("EG"), recognisers.outletCountries("youm7"), "whatever the case");
        assertEquals(List.of(), recognisers.outletCountries("France 24"), "a foreign state's service");
        assertEquals(List.of("TN"), recognisers.outletCountries("وكالة تونس أفريقيا للأنباء"), "two spellings, one country");
    }

    /** A page's name gives its outlet's country by the outlets table, or by the country it names, if its press is listed. */
    @Test
    void anOutletsCountryFromThePagesName() {
        Recognisers recognisers = Staged.RECOGNISERS;
        assertEquals(List.of("MA"), recognisers.outletCountries("هسبريس"));
        assertEquals(List.of("JO"), recognisers.outletCountries("جريدة الدستور الأردنية"), "the country the name gives");
        assertEquals(List.of("KW"), recognisers.outletCountries("كونا - وكالة الأنباء الكويتية"));
        assertEquals(List.of(), recognisers.outletCountries("روسيا اليوم"), "a foreign state's Arabic service");
        assertEquals(List.of(), recognisers.outletCountries("الرئيسية › عربي ودولي › العراق"), "a section is no outlet's name");
        // a common word is an outlet only as the name's first part, and may be one in several countries
        assertEquals(List.of("JO", "KW"), recognisers.outletCountries("الرأي | محليات"));
        assertEquals(List.of("KW"), recognisers.outletCountries("جريدة الرأي - الكويت"), "the one whose country the name gives too");
        assertEquals(List.of(), recognisers.outletCountries("الحرة | الخليج"), "a section after the name");
        assertEquals(List.of(), recognisers.outletCountries("وكالة الأنباء الرسمية"));
        // once a country's press is listed, a name that gives its capital gives the country
        assertEquals(List.of("SO"), recognisers.outletCountries("الصومال الجديد"));
        assertEquals(List.of("SO"), recognisers.outletCountries("إذاعة مقديشو"));
    }

    /** The word a page's name puts before an outlet's own, and a state news agency's full name, name the outlet too. */
    @Test
    void anOutletsCountryFromItsNameAfterAPressWordOrAsAStateAgency() {
        Recognisers recognisers = Staged.RECOGNISERS;
        assertEquals(List.of("LB"), recognisers.outletCountries("جريدة اللواء"));
        assertEquals(List.of("LB"), recognisers.outletCountries("اللواء"));
        assertEquals(List.of(), recognisers.outletCountries("جريدة النجمة"), "a word no outlet is named by");
        assertEquals(List.of("DJ"), recognisers.outletCountries("وكالة الأنباء الجيبوتية"));
        assertEquals(List.of("MA"), recognisers.outletCountries("وكالة المغرب العربي للأنباء"));
    }
}

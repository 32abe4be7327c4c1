package org.rasd.ingest.extraction;

import org.junit.jupiter.api.Test;
import org.rasd.ingest.parsing.Lexicon;
import org.rasd.ingest.parsing.NormalizedText;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The country forms of countries.tsv beside CLDR's names: what names a country in news, and what only looks like it. */
class GazetteerTest {

    private static final Lexicon.Builder WORDS = Lexicon.builder();
    private static final Gazetteer GAZETTEER = new Gazetteer(WORDS);
    private static final Lexicon LEXICON = WORDS.build();

    /** The codes of the country mentions of {@code text}, in text order. */
    private static List<String> codes(String text) {
        return GAZETTEER.find(LEXICON.scan(NormalizedText.fold(text))).stream().map(m -> m.value().code()).toList();
    }

    @Test
    void palestineIsNamedByItsNameItsDemonymAndItsPlaces() {
        assertEquals(List.of("PS", "MA"), codes("وصل وفد من دولة فلسطين إلى الرباط صباحا"));
        assertEquals(List.of("PS", "PS"), codes("أعلنت السلطة الفلسطينية من رام الله"));
        assertEquals(List.of("PS", "PS"), codes("قدمت مساعدات إلى قطاع غزة وللاجئين الفلسطينيين"));
        assertEquals(List.of("PS"), codes("اجتماع أمني في الضفة الغربية"));
    }

    @Test
    void namesNewsUsesThatCldrLacksNameTheirCountry() {
        assertEquals(List.of("HU", "DK", "BY", "MM", "NO"), codes("وفود من المجر والدنمارك وبيلاروسيا وميانمار والنروج"), "Norway as Lebanese press writes it");
        assertEquals(List.of("CD"), codes("سفير جمهورية الكونغو الديمقراطية"), "not the Republic of the Congo");
        assertEquals(List.of("KR"), codes("رئيس وزراء جمهورية كوريا"));
        assertEquals(List.of("KP"), codes("حكومة جمهورية كوريا الديمقراطية الشعبية"), "not the Republic of Korea");
        assertEquals(List.of("SY"), codes("الحدود مع سورية"));
        assertEquals(List.of("MX"), codes("سفير الولايات المتحدة المكسيكية"), "Mexico's own name, not the United States");
        assertEquals(List.of("BD", "BD", "MD", "TH", "LK"), codes("سفراء بنغلادش وبنجلاديش ومولدافيا وتايلند وسيريلانكا"));
    }

    @Test
    void anAmbiguousFormListedWithACountryNamesItsCountry() {
        // «مالي» is also «my money», «السوداني» a family name: in a list of countries they are countries
        assertEquals(List.of("TD", "ML", "NE"), codes("بمشاركة وفود من تشاد ومالي والنيجر"));
        assertEquals(List.of("ML", "NE"), codes("قرب الحدود مع مالي، النيجر"));
        assertEquals(List.of("DZ", "ML"), codes("مناورات بين الجزائر ومالي"));
        assertEquals(List.of("ML"), codes("أدى زيارة إلى مالي دامت أربعة أيام"));
        // a list goes on past an ambiguous form, whatever the spaces around its comma; only the listed form names the country
        assertEquals(List.of("NE", "ML", "BJ"), codes("وفود من النيجر ومالي وبنين"));
        assertEquals(List.of("TD", "ML"), codes("من تشاد ،   مالي"));
        assertEquals(List.of("TD", "ML", "NE"), codes("من تشاد ومالي والنيجر. وأكد الوزير مالي من حقوق"));
        // a name followed by a country with nothing between makes no list (the Iraqi prime minister and a dateline)
        assertEquals(List.of("IQ"), codes("برعاية السوداني بغداد"));
    }

    @Test
    void aTwoWordDemonymAgreesOnEachWord() {
        assertEquals(List.of("KP"), codes("أطلقت البحرية الكورية الشمالية صاروخا"));
        assertEquals(List.of("KP"), codes("المسؤولين الكوريين الشماليين"));
        assertEquals(List.of("KR"), codes("التقى الوزير نظيره الكوري"));
    }

    @Test
    void demonymsAndCapitalsNameTheirCountry() {
        assertEquals(List.of("RW", "ET", "KE"), codes("الشرطة الرواندية والوفد الإثيوبي والمرشح الكيني"));
        assertEquals(List.of("AL", "UA"), codes("اجتماع في تيرانا ثم زيارة إلى كييف"));
        assertEquals(List.of("YE", "BH"), codes("خفر السواحل اليمنية والداخلية البحرينية"));
        // Interpol's 2019 assembly was held in Chile, written both ways: تشيلي and شيلي
        assertEquals(List.of("CL", "CL"), codes("الجمعية العامة التي استضافتها العاصمة التشيلية سانتياغو"));
        assertEquals(List.of("CL", "XK"), codes("المندوب الشيلي ونظيره الكوسوفي"));
    }

    @Test
    void nationalBodiesStandForTheirCountry() {
        assertEquals(List.of("IR", "IL", "US", "MA", "RU"),
                codes("الحرس الثوري والموساد وإف بي آي والديستي والكرملين"));
        assertEquals(List.of("LY"), codes("رئيس المجلس الرئاسي لحكومة الوفاق"));
        // «عمان» alone may be Amman: Oman's police names Oman
        assertEquals(List.of("OM"), codes("وجرى تبادل المعلومات مع شرطة عمان السلطانية"));
    }

    @Test
    void citiesOfTheArabWorldNameTheirCountry() {
        assertEquals(List.of("IQ", "SA", "EG", "PS", "YE"), codes("من كربلاء إلى المدينة المنورة ومن العريش إلى الخليل وعدن"));
        assertEquals(List.of("OM", "OM"), codes("من محافظة مسندم إلى صحار"));
    }

    @Test
    void phrasesThatHoldACountryFormButNameNoneGiveNoCountry() {
        assertEquals(List.of("IT"), codes("قالت رئيسة الوزراء الإيطالية جورجيا ميلوني"), "the person, not Georgia");
        assertEquals(List.of(), codes("حضر الرئيس كلاوس يوهانيس"), "ك + لاوس is a first name");
        assertEquals(List.of(), codes("عاد الوزير إلى مسقط رأسه"), "the idiom, not Muscat");
        assertEquals(List.of(), codes("بلدان أميركا اللاتينية والمغرب العربي"));
        assertEquals(List.of(), codes("تؤمن السفن العابرة لخليج عدن ومضيق باب المندب"), "the sea, not Yemen");
        assertEquals(List.of(), codes("غارة قرب مدينة جلب بإقليم جوبا الوسطى"), "Somalia's Juba valley, not South Sudan's capital");
        assertEquals(List.of(), codes("زار الوفد المدرسة العليا للشرطة علي تونسي"), "the school's name, not Tunisia");
        assertEquals(List.of(), codes("الاجتماع الوزاري لعملية الخرطوم"), "the migration dialogue, not Sudan");
        assertEquals(List.of("ES"), codes("لقاء بين بوريطة والباريس وزير الخارجية الإسباني"), "Albares, not Paris");
    }

    @Test
    void turkiAsAGivenNameInALineageNamesNoCountry() {
        // Turki (تركي) is a Saudi given name: in a lineage (بن، آل) or after «الأمير» it is the person, not a Turk
        assertEquals(List.of("OM"), codes("قلّد قائد سلاح الجو العماني الأمير تركي بن بندر وسام الاستحقاق"));
        assertEquals(List.of(), codes("استقبل قائد القوات المشتركة الفريق الركن فهد بن تركي الوفد"));
        assertEquals(List.of(), codes("وحضر المستشار تركي آل الشيخ الحفل"));
        assertEquals(List.of(), codes("التقى الأمير تركي الفيصل بالوفد"));
        assertEquals(List.of(), codes("وحضر اللواء تركي بن صالح الحفل"));
        assertEquals(List.of("TR"), codes("التقى الوزير بنظيره التركي"), "the demonym still names Turkey");
    }

    @Test
    void anAmbiguousFormNamesTheOneCountryItMayStandForThatTheTextNamesOtherwise() {
        assertEquals(List.of("JO", "JO"), codes("استضافت عمّان اجتماعا دعا إليه الأردن"), "Amman in Jordan's news");
        assertEquals(List.of("OM", "OM"), codes("وصل الوفد العماني إلى عمان"), "Oman in Oman's news");
        assertEquals(List.of("OM", "JO"), codes("وفد عماني في عمان الأردنية"), "a form of each: the bare one names neither");
        assertEquals(List.of("ML", "ML"), codes("قال رئيس مالي في باماكو"));
        assertEquals(List.of("LB", "LB"), codes("ضبطت السلطات اللبنانية الشحنة في مرفأ طرابلس"), "Tripoli of Lebanon");
        assertEquals(List.of("LY", "LY"), codes("وصل الوزير إلى طرابلس في زيارة إلى ليبيا"), "Tripoli of Libya");
    }

    @Test
    void aNationalBodyTwoCountriesNameAlikeIsTheOneTheTextNamesOtherwise() {
        assertEquals(List.of("DZ", "DZ"), codes("حل الوفد بمقر المديرية العامة للأمن الوطني بالجزائر العاصمة"), "Algeria's");
        assertEquals(List.of("MA", "MA"), codes("استقبل المدير العام للأمن الوطني بالرباط وفدا من المديرية العامة للأمن الوطني"), "Morocco's");
        assertEquals(List.of(), codes("أعلنت المديرية العامة للأمن الوطني توقيف المشتبه به"), "neither country named");
    }

    @Test
    void theComorosAreNamedByTheUnionItsCapitalAndItsDemonym() {
        assertEquals(List.of("KM", "SA"), codes("الاجتماع الأول للجنة المشتركة بين الاتحاد القمري والمملكة العربية السعودية"));
        assertEquals(List.of("SA", "KM"), codes("وصل الوفد السعودي إلى موروني"));
        assertEquals(List.of("KM", "SA"), codes("زار وفد من الشرطة القمرية المديرية العامة للأمن العام في الرياض"));
        assertEquals(List.of("KM"), codes("واستقبل الوزير ضباطا قمريين"));
    }

    @Test
    void anAmbiguousFormIsDroppedWithItsArticleForm() {
        assertEquals(List.of(), codes("قدم الدعم المالي للبرنامج"), "المالي is financial before it is Malian");
        assertEquals(List.of(), codes("صرح رئيس الوزراء محمد شياع السوداني"), "السوداني is also a family name");
        assertEquals(List.of("SD", "SD"), codes("أكدت الحكومة السودانية من الخرطوم"));
        assertEquals(List.of("OM", "JO"), codes("وفد من سلطنة عمان في العاصمة عمان"));
        assertEquals(List.of(), codes("أرجأ الاجتماع في عمان"), "Oman or Amman");
    }

    @Test
    void anAmbiguousFormWrittenWithTheVowelMarksOfOneSenseNamesIt() {
        assertEquals(List.of("JO"), writtenCodes("استقبل الوزير نظراءه صباح اليوم في عمّان"), "the shadda of Amman");
        assertEquals(List.of("JO", "IQ"), writtenCodes("عقد في عَمّان اجتماعا مع وزير الداخلية في العراق"), "more marks than the shadda");
        assertEquals(List.of("OM"), writtenCodes("وصل الوفد إلى عُمان"), "the damma of Oman");
        assertEquals(List.of("OM", "OM"), writtenCodes("وصل الوفد العماني إلى عُمان"));
        assertEquals(List.of("JO", "OM"), writtenCodes("من عمّان إلى سلطنة عمان"), "a form of each sense");
        assertEquals(List.of(), writtenCodes("أرجأ الاجتماع في عمان"), "no marks: Oman or Amman");
        assertEquals(List.of(), codes("استقبل الوزير نظراءه في عمّان"), "folded text alone keeps no marks");
    }

    /** The codes of the country mentions of {@code text}, its vowel marks read too. */
    private static List<String> writtenCodes(String text) {
        NormalizedText written = NormalizedText.of(text);
        return GAZETTEER.find(LEXICON.scan(written.folded()), written).stream().map(m -> m.value().code()).toList();
    }
}

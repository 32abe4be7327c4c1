package org.rasd.ingest.extraction;

import org.junit.jupiter.api.Test;
import org.rasd.ingest.parsing.ArticleParser.RawArticle;
import org.rasd.ingest.record.ArticleRecord;

import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The theme cues of themes.tsv: every inflection of a concept is found, and near words of other senses are not. */
class ThemeCuesTest {

    private static final ArticleExtractor EXTRACTOR = new ArticleExtractor();

    private static Set<String> themes(String text) {
        RawArticle raw = new RawArticle(null, null, null, null, text, null);
        return EXTRACTOR.extract(raw, "ar").themes().stream().map(ArticleRecord.ThemeScore::code).collect(Collectors.toSet());
    }

    @Test
    void aBareStemFindsEveryInflectionOfItsWord() {
        assertEquals(Set.of("TRAINING"), themes("استفاد الضباط من دورات تدريبية مكثفة."));
        assertEquals(Set.of("TRAINING"), themes("اتفق الطرفان على تدريب عناصر خفر السواحل."));
        assertEquals(Set.of("EXTREMISM"), themes("أوقفت السلطات شابا متطرفا كان ينشط على الشبكة."));
        assertEquals(Set.of("DRUG_TRAFFICKING"), themes("حجزت الجمارك شحنة مخدرات في الميناء."));
    }

    @Test
    void aCueThatNeedsItsArticleDoesNotTakeAnotherSense() {
        assertFalse(themes("تعثرت مشاورات تكوين الحكومة الجديدة.").contains("TRAINING"));
        assertFalse(themes("شارك الوزير في الاجتماع عبر تقنية الاتصال المرئي.").contains("SECURITY_TECHNOLOGY"));
    }

    @Test
    void technicalSupportAndModernTechniquesAreSecurityTechnology() {
        // the taxonomy's «المساعدة التقنية» and «التقنيات الحديثة», as statements also write them
        assertEquals(Set.of("SECURITY_TECHNOLOGY"), themes("وتطرق اللقاء إلى الدعم التقني الذي تقدمه الوزارة."));
        assertEquals(Set.of("SECURITY_TECHNOLOGY"), themes("يضم المركز تقنيات حديثة في إدارة البلاغات."));
        assertEquals(Set.of("SECURITY_TECHNOLOGY"), themes("اطلع الوفد على منظومة المراقبة الساحلية الجديدة."));
        assertEquals(Set.of("SECURITY_TECHNOLOGY"), themes("واستعرض الجانبان الاستفادة المشتركة من التقنيات والأنظمة الأمنية الحديثة."));
        assertEquals(Set.of("SECURITY_TECHNOLOGY"), themes("وزودت الوحدات بالرادارات."));
        assertEquals(Set.of("SECURITY_TECHNOLOGY"), themes("واتفقا على الربط الإلكتروني بين قواعد البيانات."));
    }

    @Test
    void expertiseAndInformationExchangedAreIntelligenceSharingAndPolicingIsPoliceCooperation() {
        // expertise exchanged is training still: the cue of information is «تبادل», read when «والمعلومات» follows
        assertEquals(Set.of("TRAINING", "INTELLIGENCE_SHARING"), themes("واتفق الجانبان على تبادل الخبرات والمعلومات بين الجهازين."));
        assertEquals(Set.of("INTELLIGENCE_SHARING"), themes("وأكدا أهمية تبادل معلومات دقيقة وآنية."));
        assertEquals(Set.of("POLICE_COOPERATION"), themes("وبحث الطرفان تطوير التعاون الأمني والشرطي بين البلدين."));
        assertEquals(Set.of("POLICE_COOPERATION"), themes("وتهدف الزيارة إلى تعزيز التعاون في المجال الشرطي."));
    }

    @Test
    void equipmentOfAnyKindAndDronesShotDownAreNoSecurityTechnology() {
        assertFalse(themes("وتسلم المستشفى التجهيزات الطبية اللازمة.").contains("SECURITY_TECHNOLOGY"));
        assertFalse(themes("وأسقطت الدفاعات الجوية الطائرات المسيرة المعادية.").contains("SECURITY_TECHNOLOGY"));
        assertFalse(themes("واطلع الوفد على أحدث المعدات الطبية في وزارة تكنولوجيا المعلومات.").contains("SECURITY_TECHNOLOGY"));
        assertTrue(themes("وتسلمت وحدات خفر السواحل طائرات مسيرة للمراقبة.").contains("SECURITY_TECHNOLOGY"));
    }

    @Test
    void terrorismAndItsFinancingAndInterpolsBureausNameTheirThemes() {
        assertEquals(Set.of("TERRORISM", "TERRORISM_FINANCING"), themes("وبحث الجانبان سبل مكافحة الإرهاب وتمويله."));
        assertEquals(Set.of("POLICE_COOPERATION"), themes("وأشعر المكتب المركزي الوطني نظيره بواقعة التوقيف."));
        assertEquals(Set.of("POLICE_COOPERATION"), themes("وتناول اللقاء تعزيز التعاون العملياتي بين الجهازين."));
    }

    @Test
    void criminalNetworksGangsAndCrossBorderCrimesAreOrganisedCrime() {
        assertEquals(Set.of("ORGANIZED_CRIME"), themes("وأسفرت العملية عن تفكيك شبكة إجرامية تنشط بين البلدين."));
        assertEquals(Set.of("ORGANIZED_CRIME"), themes("وتطرق اللقاء إلى التصدي للجرائم العابرة للحدود."));
        assertEquals(Set.of("ORGANIZED_CRIME"), themes("وأطاحت الشرطة بتشكيل عصابي مختص في السرقة."));
    }

    @Test
    void pluralCrimesNameTheirThemes() {
        assertEquals(Set.of("ORGANIZED_CRIME", "CYBERSECURITY"), themes("ناقش الوفدان سبل التصدي للجرائم المنظمة والجرائم الإلكترونية."));
    }

    @Test
    void informationOnWantedPersonsIsPoliceCooperation() {
        assertEquals(Set.of("POLICE_COOPERATION"), themes("اتفق الجانبان على تبادل المعلومات حول المطلوبين."));
        assertEquals(Set.of("POLICE_COOPERATION"), themes("شارك الوفد في اجتماع بمقر اليوروبول."));
    }

    @Test
    void theRegionsSecurityAndStabilityAreRegionalSecurity() {
        assertEquals(Set.of("REGIONAL_SECURITY"), themes("أكد الوزيران حرصهما على أمن المنطقة واستقرارها."));
        assertEquals(Set.of("REGIONAL_SECURITY"), themes("بما يخدم الأمن والاستقرار في المنطقة."));
        assertEquals(Set.of("REGIONAL_SECURITY"), themes("تطرق اللقاء إلى الوضع الأمني في منطقة الساحل."));
    }

    @Test
    void forensicsDronesAndCamerasAreSecurityTechnology() {
        assertEquals(Set.of("SECURITY_TECHNOLOGY"), themes("زار الوفد مختبر الأدلة الجنائية."));
        assertEquals(Set.of("SECURITY_TECHNOLOGY"), themes("ستستعمل طائرات مسيرة وكاميرات لمراقبة الحشود."));
    }

    @Test
    void tournamentsAreMajorEvents() {
        assertTrue(themes("استعدت الشرطة لتأمين الألعاب الأولمبية.").contains("MAJOR_EVENTS_SECURITY"));
        assertTrue(themes("عرضت المديرية خطتها لنهائيات كأس إفريقيا للأمم.").contains("MAJOR_EVENTS_SECURITY"));
    }

    @Test
    void irregularMigrantsAndTheirSmugglersAreIllegalMigration() {
        assertEquals(Set.of("ILLEGAL_MIGRATION"), themes("رفضت الحكومة توطين المهاجرين غير النظاميين."));
        assertEquals(Set.of("ILLEGAL_MIGRATION"), themes("فككت الشرطة شبكة لتهريب المهاجرين."));
    }

    @Test
    void theIslamicStateIsTerrorism() {
        assertEquals(Set.of("TERRORISM"), themes("اعتقل عنصران مواليان لتنظيم الدولة الإسلامية."));
        assertEquals(Set.of("TERRORISM"), themes("أحبطت الأجهزة مخططا لداعش."));
    }
}

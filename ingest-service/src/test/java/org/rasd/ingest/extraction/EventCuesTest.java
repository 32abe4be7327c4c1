package org.rasd.ingest.extraction;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The event cues of event-cues.tsv and the markers of discourse-markers.tsv that say a sentence reports no act:
 * every form of an act's words gives its type, and near words of other senses, or acts still to come, give none.
 */
class EventCuesTest {

    /** The type of each clause that reports an act, in order. */
    private static List<EventType> types(String text) {
        return Staged.of(text).eventClauses().stream().map(Clause::type).toList();
    }

    /** The reported part of each sentence, folded. */
    private static List<String> reported(String text) {
        Staged s = Staged.of(text);
        return s.sentences.stream().map(sentence -> s.covered(sentence.reported())).toList();
    }

    @Test
    void praiseVerbsInEveryPersonAndTense() {
        assertEquals(List.of(EventType.PRAISE), types("وأثنى الوزير البلجيكي على يقظة المصالح الأمنية التونسية."));
        assertEquals(List.of(EventType.PRAISE), types("وأثنت الوزيرة الهولندية على مهنية الشرطة القطرية."));
        assertEquals(List.of(EventType.PRAISE), types("وثمّنت المسؤولة النمساوية دعم الأردن للجهود الدولية."));
        assertEquals(List.of(EventType.PRAISE), types("وزير الداخلية الكيني يثمّن تجربة مصر في تأمين الحدود"));
        assertEquals(List.of(EventType.PRAISE), types("وعبّر السفير الكندي عن شكره، مثمّنا مساعدة المغرب في القضية."));
        assertEquals(List.of(EventType.PRAISE), types("الشرطة البرتغالية تشيد بخبرة الأجهزة المغربية"));
        assertEquals(List.of(EventType.PRAISE), types("وتحدثت الوزيرة الإسبانية في الحفل منوهة بمهنية الشرطة المغربية."));
        assertEquals(List.of(EventType.PRAISE), types("وتحدث السفير الصومالي في اللقاء معربا عن تقدير بلاده لليمن على احتضان الجالية."));
        assertEquals(List.of(EventType.PRAISE), types("وختم الوزير الباكستاني كلمته معربا عن امتنانه للحكومة العراقية."));
        // the verb and its subject before «عن تقديره»: أعرب …، عبّر …
        assertEquals(List.of(EventType.PRAISE), types("وعبّر الوزير الإيطالي عن تقديره لجهود تونس في حراسة حدودها."));
        assertEquals(List.of(EventType.PRAISE), types("وأعرب السفير الصومالي عن تقدير بلاده لليمن حكومة وشعبا."));
    }

    @Test
    void informationThatLedToAnOperationIsIntelligenceShared() {
        assertEquals(List.of(EventType.INTEL_SHARING), types("وجرى تزويد الجانب البلجيكي بكامل المعطيات عن الشحنة قبل ضبطها في ميناء أنتويرب."));
        assertEquals(List.of(EventType.INTEL_SHARING), types("وأوضح البيان أن معلومات قادت الشرطة الهولندية إلى توقيف المشتبه به."));
        // the information referred back to with a demonstrative, and the adjective's shorter form
        assertEquals(List.of(EventType.INTEL_SHARING), types("وبناءً على تلك المعطيات، تمكنت الجمارك اللبنانية من ضبط الشحنة في المرفأ."));
        assertEquals(List.of(EventType.INTEL_SHARING), types("وبفضل هذه المعلومات أوقفت الشرطة الإسبانية المطلوب في مالقة."));
        assertEquals(List.of(EventType.INTEL_SHARING), types("وأوقف الأمن التركي المتهم إثر معلومات استخبارية قدمها الجانب العراقي."));
    }

    @Test
    void aManWantedAccusedOrOnTheRunHandedOverIsIntelligenceShared() {
        assertEquals(List.of(EventType.INTEL_SHARING), types("وسلّمت شرطة دبي مطلوبين اثنين إلى السلطات البلجيكية."));
        assertEquals(List.of(EventType.INTEL_SHARING), types("وسلّمت شرطة دبي متهمين اثنين إلى السلطات البلجيكية."));
        assertEquals(List.of(EventType.INTEL_SHARING), types("«إنتربول عمّان» يسلّم شخصا ملاحقا قضائيا إلى نظيره الفلسطيني"));
        assertEquals(List.of(EventType.INTEL_SHARING), types("إنتربول فلسطين يتسلّم فارا من العدالة من نظيره في عمّان"));
        assertEquals(List.of(EventType.INTEL_SHARING), types("وتسلّمت السلطات العراقية محكوما بالسجن من الجانب الإيراني."));
        assertEquals(List.of(EventType.INTEL_SHARING), types("وتسلّمت السلطات مدانا بالاتجار بالمخدرات من الجانب التركي."));
        // handing over anything else is no handover of a wanted man: equipment, a treaty's annexes, a man named Faris
        assertEquals(List.of(), types("وسلّمت الشرطة المعدات إلى الجانب البلجيكي بعد انتهاء الدورة."));
        assertFalse(types("وسلّمت الوزارة ملاحق الاتفاقية إلى الجانب البلجيكي.").contains(EventType.INTEL_SHARING));
        assertEquals(List.of(), types("وتسلّم العميد فارس الحمد مهامه على رأس المديرية."));
        assertEquals(List.of(), types("يتسلّم الوزير مهامه رسميا الأسبوع المقبل. وهو متهم بالتقصير."), "«متهم» of the next sentence");
    }

    @Test
    void reachingAPointIsNoArrival() {
        assertEquals(List.of(EventType.VISIT), types("وصل إلى الرباط وزير الداخلية الإسباني."));
        assertEquals(List.of(), types("استعرض الوزير ما وصل إليه التعاون مع إسبانيا."), "what cooperation reached");
    }

    @Test
    void mondayAndPriceAreNotPraise() {
        // أثنى folds to اثني, the start of الاثنين; ثمّن, without its shadda, is also the noun «price»
        assertEquals(List.of(), types("عاد الوفد الموريتاني إلى نواكشوط يوم الاثنين."));
        assertEquals(List.of(), types("دفعت تونس الثمن غاليا، وثمن الرحلة يدفعه المهاجرون."));
    }

    @Test
    void aCountrysOwnElectionsAndAnElectionTimeIsCountedFromAreNoElectionToAnOffice() {
        assertEquals(List.of(EventType.ELECTION), types("وانتخبت الجمعية العامة للإنتربول اللواء الإماراتي رئيسا للمنظمة."));
        assertEquals(List.of(EventType.ELECTION), types("وفاز المرشح الأردني في الانتخابات التي جرت أمس لعضوية اللجنة التنفيذية."));
        assertEquals(List.of(), types("وأكد الوزير الليبي دعم بلاده لمسار يقود إلى انتخابات رئاسية وبرلمانية متزامنة."));
        assertEquals(List.of(), types("وقال إن الأجهزة العراقية أنهت خطة تأمين الانتخابات التشريعية المبكرة."));
        assertEquals(List.of(), types("وقال المسؤول إن الوزارة نجحت في تنظيم انتخابات مجلس النواب الأخيرة."),
                "a legislature named by its council is the country's own election");
        assertEquals(List.of(EventType.VISIT), types("وتعد زيارة الرئيس الصومالي الأولى له إلى القاهرة منذ انتخابه."),
                "the visit, dated from the election, is the act");
        assertEquals(List.of(EventType.HOST), types("أكد الوزير استعداد وزارته لتأمين أي استحقاق انتخابي، وذلك لدى استقباله اليوم سفير إسبانيا."),
                "what is electoral is no election, and the reception it was said at is the act");
        assertEquals(List.of(), types("الوزير لنظيره: جاهزون لتأمين الانتخابات وحماية الحدود"));
        assertEquals(List.of(EventType.MEET), types("والتقى الوزير الأمين العام للجامعة الذي دعا إلى الإسراع في انتخاب رئيس للجمهورية."),
                "a head of state's election is the country's own; the meeting is the act");
        assertEquals(List.of(), types("ودعا البرلمان إلى جلسة جديدة لانتخاب رئيس الجمهورية يوم الخميس."));
    }

    @Test
    void aDraftAndTheTermsOfAnAgreementAlreadySignedAreNoSigning() {
        assertEquals(List.of(EventType.AGREEMENT), types("ووقع الوزيران اتفاقية للتعاون الأمني."));
        assertEquals(List.of(), types("ومن الملفات المطروحة مشروع اتفاقية لإنشاء أمانة مشتركة."));
        assertEquals(List.of(), types("وتدرس اللجنة مشروع مذكرة تفاهم في مجال التدريب."));
        assertEquals(List.of(), types("وبحث الجانبان مسودة مذكرة تفاهم لمكافحة الجريمة المنظمة."));
        assertEquals(List.of(), types("ويجري التنسيق تنفيذا لما نصت عليه اتفاقية التعاون في مجال مكافحة الجريمة."));
    }

    @Test
    void thanksForTheWelcomeAGuestWasGivenOrPraiseOfTheTiesBetweenTheSidesAreACourtesyNoPraise() {
        assertEquals(List.of(), types("من جانبه، عبّر الوزير السنغالي عن امتنانه لحفاوة الاستقبال التي لقيها."));
        assertEquals(List.of(), types("وأعرب الضيف عن تقديره البالغ لحسن الاستقبال وكرم الضيافة."));
        assertEquals(List.of(), types("أما الوزير التشادي فأشاد بمتانة الروابط التي تجمع الشعبين."));
        assertEquals(List.of(), types("ونقل الوزير تحيات الرئيس، منوها بالروابط الأخوية بين قيادتي البلدين."));
        assertEquals(List.of(EventType.PRAISE), types("وأعرب الوزير الإسباني عن تقديره للجهود التي يبذلها المغرب."),
                "appreciation of a deed is a praise");
        assertEquals(List.of(EventType.PRAISE), types("وأعرب الوزير الإسباني عن تقديره للجهود المغربية، مثمنا الحفاوة التي لقيها."),
                "a praise beside the thanks stays one");
        assertEquals(List.of(EventType.PRAISE), types("وأشاد الوزير التشادي بجهود السودان في تأمين الحدود."),
                "praise of a deed of the subject stays one");
    }

    @Test
    void aVisitOnWhoseSidelinesTalksWereHeldFramesThem() {
        assertEquals(List.of(EventType.MEET), types("وعلى هامش الزيارة، عقد الوزير لقاءً مع وزير الداخلية الأردني."));
        assertEquals(List.of(EventType.VISIT), types("وعلى هامش المؤتمر، زار الوزير مقر الشرطة الأردنية."),
                "a visit made on the sidelines of something else is the act");
        assertEquals(List.of(EventType.VISIT), types("والتقى الوزير مديرة الاستخبارات على هامش زيارة العمل التي أجراها للولايات المتحدة."),
                "a visit told there with where it went is reported by it");
    }

    @Test
    void aVisitAnInvitationIsForIsInvitedToNotMade() {
        assertEquals(List.of(), types("وتسلم الوزير دعوة رسمية لزيارة جوبا."));
        assertEquals(List.of(), types("وتلقى الوزير دعوة رسمية من نظيره السعودي لزيارة المملكة."));
        assertEquals(List.of(), types("ووجه الوزير الدعوة إلى نظيره الإيطالي إلى زيارة مصراتة."));
        assertEquals(List.of(EventType.VISIT), types("ووصل الوزير بدعوة من نظيره في زيارة رسمية إلى الرباط."),
                "a visit made at an invitation");
        assertEquals(List.of(EventType.VISIT), types("وتلبية لدعوة نظيره، وصل الوزير إلى الرباط لزيارة رسمية."),
                "the invitation in another phrase");
    }

    @Test
    void aVisitAHostWelcomesIsTheGuestsToldAlready() {
        assertEquals(List.of(), types("من جانبه، رحب وزير الداخلية بزيارة ضيفه الليبي، مؤكدا دعم بلاده."));
        assertEquals(List.of(), types("وأبدى الوزير ترحيبه بزيارة الوفد الأردني إلى الرباط."));
        assertEquals(List.of(EventType.VISIT), types("وبعد أن رحب بالحضور، أعلن الوزير عن زيارة رسمية يقوم بها إلى القاهرة."),
                "the visit far from the welcome and with no ب attached");
    }

    @Test
    void talksWithACounterpartAreAMeeting() {
        // only «بحث … مع» in one sentence: بحث alone is also «research» and «looked for»
        assertEquals(List.of(EventType.MEET), types("وبحث مع نظيره الغامبي سبل مكافحة التهريب."));
        assertEquals(List.of(EventType.MEET), types("رئيس الوزراء يبحث مع الرئيس الفنلندي ملف الهجرة"));
        assertEquals(List.of(EventType.MEET), types("وبحث معه ملف الحدود."));
        assertEquals(List.of(), types("يبحث الخبراء عن حلول لظاهرة الهجرة."));
        // the verb first, its subject, titles and day before «مع», as agencies write the lead
        assertEquals(List.of(EventType.MEET), types("بحث وزير الداخلية اللواء سالم الكعبي، يوم الخميس، مع سفير النمسا سبل التعاون."));
        assertEquals(List.of(EventType.MEET), types("يبحث مدير الأمن العام في عمّان مع نظيره القبرصي أمن الملاحة"));
        assertEquals(List.of(), types("يبحث الخبراء عن حلول. ويتعاون البلدان مع الإنتربول."), "«مع» of the next sentence");
        assertEquals(List.of(), types("ويركب الشبان البحر بحثا عن عمل، مع ما يحمله ذلك من مخاطر."), "«بحثا عن»: looking for");
        // «discussed» and «reviewed» with a counterpart, an ambassador or a delegation
        assertEquals(List.of(EventType.MEET), types("ناقش وزير الداخلية، اليوم في عدن، مع سفير الولايات المتحدة دعم خفر السواحل."));
        assertEquals(List.of(EventType.MEET), types("استعرض وزير الداخلية والسفيرة الأمريكية، ظهر الثلاثاء، مع الوفد المرافق سبل التعاون."));
        assertEquals(List.of(EventType.MEET), types("الوزير يناقش مع نظيره التونسي أمن الحدود"));
        assertEquals(List.of(EventType.MEET), types("الوزير يناقش مع  نظيره التونسي أمن الحدود"), "two spaces between the words after it");
        assertEquals(List.of(), types("واستعرض الجانبان التعاون القائم مع الدول المجاورة."), "cooperation with others is what was reviewed");
        assertEquals(List.of(), types("وناقش المجلس ملف الهجرة مع ممثلي الجمعيات."));
        // «held talks», as Maghrebi and Gulf statements say it
        assertEquals(List.of(EventType.MEET), types("تحادث وزير الداخلية اليوم بمقر الوزارة مع سفير كندا بتونس."));
        assertEquals(List.of(EventType.MEET), types("وزير الداخلية يتحادث مع نظيره الإيطالي"));
        assertEquals(List.of(EventType.MEET), types("وتباحث الجانبان في سبل تطوير التعاون الأمني."));
        assertEquals(List.of(EventType.MEET), types("الشيخ سيف يتباحث مع وزير الداخلية الفرنسي"));
    }

    @Test
    void headlinesReportTheActInThePresentTense() {
        assertEquals(List.of(EventType.MEET), types("وزير الدفاع يلتقي نظيره الصومالي لبحث التعاون العسكري"));
        assertEquals(List.of(EventType.MEET), types("ابن عوف يلتقي مدير المخابرات الحربية المصرية بالخرطوم"));
        assertEquals(List.of(EventType.MEET), types("الشيباني ومنسى يلتقيان في العلا"));
        assertEquals(List.of(EventType.AGREEMENT), types("وزير الداخلية يوقع في واشنطن ثلاث مذكرات مع نظيره الأمريكي"));
        assertEquals(List.of(EventType.AGREEMENT), types("موريتانيا والسنغال توقعان في روصو محضر الدوريات المشتركة"));
        // the future and the negated forms still report nothing
        assertEquals(List.of(), types("وسيلتقي الوزير نظيره الإيطالي الأسبوع المقبل."));
        assertEquals(List.of(), types("وأكد المتحدث أن الوزير لم يلتق أي مسؤول إسرائيلي."));
    }

    @Test
    void aProgrammeThatWasScheduledIsNotReported() {
        // «كان مبرمجا أن», «كان من المبرمج أن»: the Maghrebi «it was scheduled that»
        assertEquals(List.of(), types("وكان مبرمجا أن يلتقي الوفد الألماني ممثلين عن المجتمع المدني في تونس."));
        assertEquals(List.of(), types("وكان من المبرمج أن يلتقي نظيره الجزائري خلال زيارة إلى الجزائر."));
        // a visit said to have been planned long ago still took place
        assertEquals(List.of(EventType.HOST), types("استقبل الرئيس التونسي وزير الداخلية الفرنسي، وكانت الزيارة مبرمجة منذ مدة."));
    }

    @Test
    void theMasdarOfReceivingReportsAReceptionOnlyAsAnAct() {
        assertEquals(List.of(EventType.HOST), types("وأكد الوزير خلال استقباله السفير الياباني أهمية التعاون."));
        assertEquals(List.of(EventType.HOST), types("وشدد الرئيس لدى استقباله وزيرة الداخلية السويدية على مكافحة الإرهاب."));
        // the welcome at an airport reports an arrival, not a reception by the one who welcomes
        assertEquals(List.of(), types("وكان في استقباله بالمطار مسؤولون من الشرطة الماليزية."));
        // a reception recalled from a few days before (بعد أيام من استقبال، غداة استقبال)
        assertEquals(List.of(EventType.HOST), types("وجاء ذلك بعد أيام من استقبال الوزير لسفير السويد."));
        assertEquals(List.of(EventType.HOST), types("وذلك غداة استقبال الرئيس وزير الداخلية الإسباني."));
    }

    @Test
    void sessionsAndMinisterialMeetingsAreConferences() {
        assertEquals(List.of(EventType.CONFERENCE), types("شارك الوزير في أعمال الدورة الثانية عشرة للمجلس في الجزائر."));
        assertEquals(List.of(EventType.CONFERENCE), types("انطلقت في الدوحة أشغال الاجتماع الوزاري السادس لدول الساحل."));
        assertEquals(List.of(EventType.CONFERENCE), types("ترأس الوزير أعمال الاجتماع الثلاثين لأصحاب المعالي قادة الشرطة."),
                "«أعمال»: the proceedings, as «أشغال» in the Maghreb");
        assertEquals(List.of(EventType.CONFERENCE), types("احتضنت بغداد اجتماعا لوزراء الداخلية العرب."));
        assertEquals(List.of(EventType.CONFERENCE), types("شارك العراق في اجتماع لدول جوار ليبيا عقد في القاهرة."));
        // a meeting with no sign of many parties stays a meeting
        assertEquals(List.of(EventType.MEET), types("عقد الوزير اجتماعا مع السفير الروسي."));
    }

    @Test
    void informationPassedOnIsIntelligenceSharing() {
        assertEquals(List.of(EventType.INTEL_SHARING),
                types("أوقفت الشرطة الإيطالية متطرفا بناء على معلومات وفرتها الأجهزة الأمنية المغربية."));
        assertEquals(List.of(EventType.INTEL_SHARING),
                types("مكنت معطيات دقيقة أحالتها المخابرات الأردنية على نظيرتها البريطانية من توقيف شخصين."));
        assertEquals(List.of(EventType.INTEL_SHARING), types("أحبطت الأجهزة الأمنية السعودية تهريب شحنة مخدرات إلى الكويت."));
        assertEquals(List.of(EventType.INTEL_SHARING), types("وجاء الإيقاع بالشبكة ثمرة تنسيق أمني مع الشرطة الإسبانية."));
        assertEquals(List.of(EventType.INTEL_SHARING),
                types("مكنت معلومات جمعتها الشرطة العراقية ونقلتها إلى نظيرتها السعودية من اعتقال تاجرين."));
        // a counterpart told of an arrest, the way a national Interpol bureau's notice reads
        assertEquals(List.of(EventType.INTEL_SHARING),
                types("وتولى المكتب المركزي الوطني إشعار نظيره البلجيكي بعملية التوقيف."));
        assertEquals(List.of(EventType.INTEL_SHARING),
                types("وأشعر المكتب المركزي الوطني، التابع للمديرية العامة للأمن، نظيره الهولندي بواقعة الاعتقال."));
        // a counterpart told of something else than an arrest is told, not handed intelligence
        assertEquals(List.of(), types("وتولى المكتب المركزي الوطني إشعار نظيره البلجيكي بمضامين مذكرة التفاهم."));
        // exchanging information is what talks are about, not an act of sharing
        assertEquals(List.of(EventType.MEET), types("الوزير بحث مع نظيره الليبي تبادل المعلومات حول المهاجرين."));
    }

    @Test
    void futureVerbsIntentionsAndTheNextMeetingAreNotReported() {
        // each sentence holds a cue (زيارة، اتفاقية، مؤتمر، اجتماع، مذكرة تفاهم) that the marker before it cuts off
        assertEquals(List.of(), types("سيزور وزير الداخلية الإيطالي الجزائر في زيارة رسمية."));
        assertEquals(List.of(), types("ومن المنتظر أن يوقع الوزيران اتفاقية للتعاون الأمني."));
        assertEquals(List.of(), types("وتعتزم ألمانيا تنظيم مؤتمر دولي حول الهجرة."));
        assertEquals(List.of(), types("وأكد الوزيران عزم البلدين توقيع اتفاقية للتعاون الأمني."));
        assertEquals(List.of(), types("وتستضيف الكويت الاجتماع المقبل لوزراء الداخلية."));
        assertEquals(List.of(), types("وسوف يوقع البلدان مذكرة تفاهم قبل نهاية العام."));
        // «will travel to», «will make a visit», «is expected», as Maghrebi statements write them
        assertEquals(List.of(), types("وأعلنت الوزيرة أنها ستتحول إلى تونس للقاء نظيرها التونسي."));
        assertEquals(List.of(), types("وسيقوم الوزير الجزائري بزيارة إلى نواكشوط الأسبوع القادم."));
        assertEquals(List.of(), types("ويرتقب أن يحل وزير الداخلية الإسباني بالرباط للقاء نظيره المغربي."));
    }

    @Test
    void deniedAndRumouredActsAreNotReported() {
        assertEquals(List.of(), types("نفى وزير الخارجية القطري ما تداولته الصحف عن لقاء جمعه بمسؤول إيراني."));
        assertEquals(List.of(), types("وتداولت وسائل إعلام تكهنات حول زيارة قد يقوم بها الرئيس التركي إلى مصر."));
    }

    @Test
    void actsSaidNotToHaveHappenedAreNotReported() {
        assertEquals(List.of(), types("وبقيت الحكومة السابقة خارج التحالف الدولي، ولم تشارك في أي من اجتماعاته."));
        assertEquals(List.of(), types("ولم يسبق لوزير داخلية كويتي أن زار العاصمة الليبية."));
        assertEquals(List.of(), types("وأكد المتحدث أن الوزير لم يلتق أي مسؤول إسرائيلي خلال جولته."));
        assertEquals(List.of(), types("ولن يشارك الوفد الجزائري في القمة."));
        // what was done before the negation is still reported
        String text = "استقبل وزير الداخلية التونسي نظيره الليبي، ولم يعقد الطرفان مؤتمرا مشتركا.";
        assertEquals(List.of(EventType.HOST), types(text));
    }

    @Test
    void aMarkerInTheMiddleKeepsTheActReportedBeforeIt() {
        String text = "استقبل وزير الداخلية المغربي نظيره الإسباني، ومن المنتظر أن يزور الوزيران ميناء طنجة غدا.";
        assertEquals(List.of(Staged.fold("استقبل وزير الداخلية المغربي نظيره الإسباني،")), reported(text));
        assertEquals(List.of(EventType.HOST), types(text));
    }
}

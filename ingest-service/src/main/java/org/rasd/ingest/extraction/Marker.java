package org.rasd.ingest.extraction;

/** The kinds of {@code discourse-markers.tsv}: words that shape how a sentence reports. */
enum Marker {
    /** A verb saying what an event already reported was about (تناولت المباحثات): no new event. */
    TOPIC,
    /** What follows is scheduled, not reported (والمقرر تنظيمها …). */
    SCHEDULED,
    /** Opens a further item of a list (بالإضافة إلى). */
    ADDITION,
    /** A word that opens the next item of a list on its own (ثم). */
    THEN,
    /** A demonstrative before an event noun (هذه الزيارة): the act is one already reported. */
    DEMONSTRATIVE,
    /** A relative pronoun right after an event noun (اللقاءات التي جمعت …): what follows reports the act. */
    RELATIVE,
    /** A quantifier before an event noun (بعض الزيارات، معظم اللقاءات): acts of their own, not one reported. */
    QUANTIFIER,
    /** Words of hosting a conference (استضاف، تحتضن): the state named next convenes it, unless an international body does. */
    CONVENER,
    /** Words of organising a conference or inviting to it (نظمته، بدعوة من): the state named next convenes it. */
    ORGANISER,
    /** A phrase holding an event word that names no act of diplomacy (مؤتمر صحفي). */
    NO_EVENT,
    /** A date right after it says since when, not when an act took place (منذ عام 2014). */
    SINCE,
    /** Officials named in the dual or the plural, or as one joint delegation (وزيري الخارجية، وزراء الداخلية في …، وفدا مشتركا): they act together. */
    TOGETHER,
    /** Talks held on the sidelines of a conference (على هامش). */
    SIDELINES,
    /** The officials a clause names were met one by one (لقاءات منفصلة، على التوالي): an act each. */
    SEPARATE,
    /** «كلٌّ من» after the one received names those who received him (استقبل رئيسَ … كلٌّ من القائد العام …). */
    EACH_OF,
    /** The sentence says what always holds (كل عام، سنويا، ويُمنح هذا الوسام): it reports no act. */
    GENERIC,
    /**
     * What something is made of (يتألف، يتكون): before a clause's acts, what always holds (يتألف مجلس الأمن من …);
     * after one, a description of its party (زار وفد … يتكون من 18 إطارا).
     */
    COMPOSITION,
    /** Opening a sentence, adds an act on the occasion just reported (كما التقى …). */
    ALSO,
    /** Taking part in what follows (شارك في، للمشاركة في، لحضور): a trip to a conference is also the conference. */
    PARTICIPATION,
    /** A visit reported while it goes on (واصل زيارته): dated to its month, not the report's day. */
    STAY_UNDER_WAY,
    /** Talks told as part of a trip under way (في إطار زيارته، ضمن زيارة): a visit so told is dated to its month. */
    DURING_A_VISIT,
    /** A visit reported as it ends (اختتم زيارته، منهيا زيارة): under way until then; its day and length give its first day. */
    STAY_ENDED,
    /** A praise written, not spoken (غرد، في رسالته): it happened nowhere. */
    WRITTEN,
    /**
     * An act recalled from some earlier time (في وقت سابق، سبق أن، وكان … قد): no other act of the article dates it,
     * and a signing abroad so recalled is no trip the article tells.
     */
    EARLIER,
    /** Opening a sentence, sets an act already reported in its context (وتأتي الزيارة …، وجاء اللقاء …). */
    IN_CONTEXT,
    /** Relates the act named to an earlier one (بعد، غداة، عقب، إثر). */
    ANOTHER_TIME,
    /** The office of the official named before it, or his ministry's seat (في مكتبه، بمقر الوزارة): talks there are at home. */
    OWN_OFFICE,
    /** Where a visiting official stays (في مقر إقامته): a reception there is his meeting abroad, not the host country's. */
    RESIDENCE,
    /** Relates the act named to one that follows it (قبل): after a context opening, one still to come. */
    LATER_TIME,
    /** The country the article is written from, named without its name (وصل الوزير العراقي إلى البلاد، يزور المملكة). */
    HOME,
    /** An arrest, a seizure or a plot foiled (ضبط، القبض على، أوقفت): the operation intelligence shared is dated by. */
    OPERATION,
    /** A verb of making known (أعلن، أفاد، كشف): a date right after it is the announcement's, not the act's. */
    ANNOUNCED,
    /** A meeting named as a gathering held (اجتماع): with three other states or more, a conference. */
    GATHERING,
    /** The other party's turn in a report of two (فيما، من جانبه، بدوره): a praise after it is given by whoever is named next. */
    TURN,
    /** A gathering of two (اللجنة الثنائية، يترأسها الوزيران مناصفة): a meeting of its two parties, no conference. */
    BILATERAL,
    /** Introduces the doer of a passive verb (استُقبل الوزير … من طرف الرئيس): who received is named after it. */
    AGENT,
    /** An act held at a distance (اتصالا هاتفيا، عبر تقنية الاتصال المرئي، عن بعد): talks held nowhere. */
    REMOTE,
    /** The welcome a guest was given, or the ties between the two sides (حفاوة الاستقبال، متانة العلاقات): praise of it is a courtesy, no praise of the subject. */
    COURTESY,
    /** An invitation (دعوة، دعاه): a visit it stands shortly before, as its purpose, is invited to, not made. */
    INVITATION,
    /** Taking office (تعيينه، توليه، تسلّمه مهامه): a date shortly after it is when an official took office, no act's. */
    APPOINTED,
    /** A host welcoming a guest's visit (رحب … بزيارة ضيفه): the visit welcomed is the guest's, told already, no new act. */
    WELCOMING,
    /**
     * The subject's services acted at home: handed a wanted person over (سلّمت), or told a counterpart of the arrest
     * they made (… نظيره الفرنسي بعملية التوقيف): the operation was at home.
     */
    OPERATION_AT_HOME,
    /** A phrase of welcome (وكان في استقباله لدى وصوله …): who welcomed the guest is named after it ({@link Receiver}). */
    WELCOMED_BY
}

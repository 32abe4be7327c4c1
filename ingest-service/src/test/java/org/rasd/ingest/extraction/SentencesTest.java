package org.rasd.ingest.extraction;

import org.junit.jupiter.api.Test;
import org.rasd.ingest.parsing.Lexicon.Match;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.rasd.ingest.extraction.Staged.fold;

/** The sentence splitter: where sentences end, the part of each that reports, and the paragraph around one. */
class SentencesTest {

    private static List<String> sentences(Staged s) {
        return s.sentences.stream().map(sentence -> s.covered(sentence.whole())).toList();
    }

    private static List<String> reported(Staged s) {
        return s.sentences.stream().map(sentence -> s.covered(sentence.reported())).toList();
    }

    @Test
    void sentencesEndAtEachEndMarkAndAtLineEnds() {
        Staged s = Staged.of("وصل الوفد. هل نجح؟ نعم! ربما? انتهى؛ ثم سكت… أخيرا\nسطر آخر");
        assertEquals(List.of("وصل الوفد.", "هل نجح؟", "نعم!", "ربما?", "انتهي؛", "ثم سكت…", "اخيرا", "سطر اخر"), sentences(s));
    }

    @Test
    void aDotBetweenDigitsDoesNotEndASentence() {
        Staged s = Staged.of("رصدت الحكومة 2.5 مليون درهم. وانتهى الاجتماع.");
        assertEquals(List.of(fold("رصدت الحكومة 2.5 مليون درهم."), fold("وانتهى الاجتماع.")), sentences(s));
    }

    @Test
    void aDotAfterADigitBeforeASpaceEndsOne() {
        Staged s = Staged.of("عقدت الدورة 12. وحضرها الوزراء.");
        assertEquals(List.of(fold("عقدت الدورة 12."), fold("وحضرها الوزراء.")), sentences(s));
    }

    @Test
    void blankStretchesAreNoSentences() {
        Staged s = Staged.of("وصل الوفد.\n\n   \nوغادر الوزير.  ");
        assertEquals(List.of("وصل الوفد.", "وغادر الوزير."), sentences(s));
    }

    @Test
    void theSpansOfSentencesFollowEachOtherWithoutGaps() {
        Staged s = Staged.of("وصل الوفد. وغادر الوزير");
        assertEquals(List.of(new Span(0, 10), new Span(10, s.folded.length())), s.sentences.stream().map(Sentence::whole).toList());
    }

    @Test
    void aSentenceReportsUpToWhereItTurnsToWhatIsScheduled() {
        Staged s = Staged.of("انتخب المغرب لتنظيم الدورة المقبلة، والمقررة بمراكش في عام 2027.");
        assertEquals(List.of(fold("انتخب المغرب لتنظيم الدورة")), reported(s));
        assertEquals(List.of(fold("انتخب المغرب لتنظيم الدورة المقبلة، والمقررة بمراكش في عام 2027.")), sentences(s));
    }

    @Test
    void theFirstScheduledMarkerEndsTheReportedPart() {
        Staged s = Staged.of("وقع الوزيران اتفاقية، ومن المرتقب أن تليها زيارة، والمقرر أن تتم في الخريف.");
        assertEquals(List.of(fold("وقع الوزيران اتفاقية، ومن")), reported(s));
    }

    @Test
    void aReadinessToActIsWhatIsScheduledNotWhatWasDone() {
        Staged s = Staged.of("وأبدى الملك خلال الاتصال استعداده للقيام بزيارة رسمية إلى موريتانيا.");
        assertEquals(List.of(fold("وأبدى الملك خلال الاتصال")), reported(s));
    }

    @Test
    void aVisitsProgrammeIsWhatIsScheduledNotWhatWasDone() {
        Staged s = Staged.of("ويتضمن برنامج الزيارة لقاءات مع المسؤولين الأمنيين في مدريد.");
        assertEquals(List.of(""), reported(s));
        Staged agenda = Staged.of("وعلى جدول الزيارة جولة يجريها الوزير على المرافق التدريبية.");
        assertEquals(List.of(""), reported(agenda));
        Staged within = Staged.of("وفي إطار برنامج الزيارة، التقى الوزير نظيره الإسباني.");
        assertEquals(sentences(within), reported(within), "an act done within the programme is reported");
    }

    @Test
    void whatAPartyPreparesForIsScheduled() {
        Staged s = Staged.of("وقع الوزيران اتفاقية، فيما تستعد شركات برتغالية للمشاركة في المؤتمر.");
        assertEquals(List.of(fold("وقع الوزيران اتفاقية، فيما")), reported(s));
    }

    @Test
    void aSentenceWithoutAScheduledMarkerReportsAll() {
        Staged s = Staged.of("وقع الوزيران اتفاقية للتعاون في مدريد.");
        assertEquals(sentences(s), reported(s));
    }

    @Test
    void aSentenceOpeningWithAScheduledMarkerReportsNothing() {
        Staged s = Staged.of("المرتقب أن يصل الوفد غدا.");
        assertEquals(List.of(""), reported(s));
    }

    /** A sentence opening with a scheduled marker reports nothing, at the start of a line as after a full stop. */
    @Test
    void aSentenceOpeningWithAScheduledMarkerReportsTheSameWhereverItStands() {
        String sentence = "والمقرر أن يزور الوزير مدريد في عام 2027.";
        Staged afterLineBreak = Staged.of("عاد الوزير.\n" + sentence);
        Staged afterFullStop = Staged.of("عاد الوزير. " + sentence);
        assertEquals(reported(afterLineBreak).get(1), reported(afterFullStop).get(1));
    }

    @Test
    void aSentenceKeepsItsMarkersButAKindIsReadInItsReportedPartOnly() {
        Staged s = Staged.of("حضر الوزير قمة ثم لقاء، والمقرر أن يزور روما ثم باريس.");
        Sentence sentence = s.sentences.getFirst();
        assertEquals(List.of(Marker.PARTICIPATION, Marker.THEN, Marker.SCHEDULED, Marker.THEN), sentence.markers().stream().map(Match::value).toList());
        assertEquals(List.of(s.folded.indexOf("ثم")), sentence.markers(Marker.THEN).stream().map(Match::start).toList());
    }

    @Test
    void eachSentenceHoldsOnlyItsOwnMarkers() {
        Staged s = Staged.of("حضر الوزير قمة ثم لقاء. وتناول اللقاء الأمن.");
        assertEquals(List.of(List.of(Marker.PARTICIPATION, Marker.THEN), List.of(Marker.TOPIC)),
                s.sentences.stream().map(sentence -> sentence.markers().stream().map(Match::value).toList()).toList());
    }

    @Test
    void theParagraphAroundASentenceIsItsLine() {
        Staged s = Staged.of("عنوان الخبر\nوصل الوفد. وغادر الوزير.\nسطر أخير");
        List<String> paragraphs = s.sentences.stream().map(sentence -> s.covered(Sentences.paragraphAround(s.folded, sentence.whole()))).toList();
        assertEquals(List.of("عنوان الخبر", "وصل الوفد. وغادر الوزير.", "وصل الوفد. وغادر الوزير.", "سطر اخير"), paragraphs);
    }

    @Test
    void theParagraphOfALineWithoutEndRunsToTheEndOfTheText() {
        Staged s = Staged.of("وصل الوفد");
        assertEquals(new Span(0, s.folded.length()), Sentences.paragraphAround(s.folded, s.sentences.getFirst().whole()));
    }
}

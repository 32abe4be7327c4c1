package org.rasd.ingest;

import org.rasd.ingest.parsing.DateFinder;
import org.rasd.ingest.parsing.DateFinder.DateMention;
import org.rasd.ingest.parsing.Lexicon;
import org.rasd.ingest.parsing.NormalizedText;

import java.time.LocalDate;
import java.util.List;

/** The date finder with a lexicon of its own, for tests of dates alone. */
public final class DateFinding {

    private final Lexicon lexicon;
    private final DateFinder dates;

    public DateFinding() {
        Lexicon.Builder words = Lexicon.builder();
        dates = new DateFinder(words);
        lexicon = words.build();
    }

    /** How long the acts of {@code text} are said to have lasted, in days, in text order. */
    public List<Integer> durations(String text) {
        return dates.durations(lexicon.scan(NormalizedText.fold(text))).stream().map(DateFinder.Duration::days).toList();
    }

    /** The dates in {@code text}, resolved against {@code published} (null: none). */
    public List<DateMention> find(String text, LocalDate published) {
        return dates.find(lexicon.scan(NormalizedText.fold(text)), published);
    }
}

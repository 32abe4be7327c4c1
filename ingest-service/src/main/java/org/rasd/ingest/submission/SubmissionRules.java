package org.rasd.ingest.submission;

import org.rasd.ingest.parsing.ArticleParser;
import org.rasd.ingest.parsing.NormalizedText;
import org.rasd.support.http.Problems;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * What a posted article must be for every later stage to take it: no field that PostgreSQL or a reader would
 * refuse or choke on, each within its documented length. Checked before extraction, so a refused article
 * costs nothing and the client learns which field to fix.
 */
final class SubmissionRules {

    static final int MAX_URL = 2048;
    static final int MAX_SOURCE = 200;
    static final int MAX_LANGUAGE = 35; // the longest BCP 47 tags
    static final int MAX_PUBLISHED_AT = 64;

    static void check(ArticleSubmission submission) {
        field("url", submission.url(), MAX_URL);
        field("title", submission.title(), ArticleParser.MAX_TITLE);
        field("source", submission.source(), MAX_SOURCE);
        field("language", submission.language(), MAX_LANGUAGE);
        field("publishedAt", submission.publishedAt(), MAX_PUBLISHED_AT);
        field("text", submission.text(), Integer.MAX_VALUE);
        field("html", submission.html(), Integer.MAX_VALUE);
        publishedAt(submission.publishedAt());
    }

    /** A posted text or HTML body, which the size limit already bounds. */
    static void body(String body) {
        field("body", body, Integer.MAX_VALUE);
    }

    /**
     * Refuses control characters other than tab, line feed and carriage return (NUL cannot be stored at all;
     * the others are no text), and halves of surrogate pairs (no character at all).
     */
    private static void field(String name, String value, int maxLength) {
        if (value == null) {
            return;
        }
        if (value.length() > maxLength) {
            throw Problems.unprocessable(name + " has " + value.length() + " characters; the limit is " + maxLength + ".");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (NormalizedText.isForbiddenControl(c)) {
                throw Problems.unprocessable(name + " holds the control character U+%04X at index %d; remove it."
                        .formatted((int) c, i));
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                } else {
                    throw Problems.unprocessable(name + " holds half a surrogate pair at index " + i + ", which is no character.");
                }
            }
        }
    }

    /** An ISO date or instant must fall in years 1 to 9999, as every later stage (and PostgreSQL's date) takes. */
    private static void publishedAt(String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        TemporalAccessor parsed;
        try {
            parsed = OffsetDateTime.parse(value.strip());
        } catch (DateTimeParseException notAnInstant) {
            try {
                parsed = LocalDate.parse(value.strip());
            } catch (DateTimeParseException notAnIsoDate) {
                return; // a written date, read by the parser
            }
        }
        int year = parsed.get(ChronoField.YEAR);
        if (year < 1 || year > 9999) {
            throw Problems.unprocessable("publishedAt is in year " + year + "; give a date in years 1 to 9999.");
        }
    }

    private SubmissionRules() {
    }
}

package org.rasd.catalog.record;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An article record as extraction produced it ({@code deploy/spec/topics/articles.schema.json}): what the catalog's
 * consumer reads from the {@code articles} topic, and what the API description shows of the stored record. The
 * catalog stores and serves the record's JSON as it came, so a field a newer extractor adds is kept there though this
 * reader ignores it; the fields an {@link Event} does not know are kept too, for its event messages.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@Schema(requiredProperties = {"id", "url", "source", "title", "publishedAt", "language", "text", "countries", "themes", "events",
        "extractor", "revision"})
public record ArticleRecord(
        @Schema(pattern = Event.HEX_ID, description = "A hash of the canonical URL, or of the text without one.") String id,
        @Schema(nullable = true, description = "As posted or polled.") String url,
        @Schema(nullable = true, description = "The outlet: as posted, else the URL's host.", examples = "hespress.com") String source,
        @Schema(nullable = true, maxLength = 1000) String title,
        @Schema(nullable = true, description = "A day, or an instant with its offset.", examples = "2024-02-13") String publishedAt,
        @Schema(description = "As posted, else detected: ar, or und.", examples = "ar") String language,
        @Schema(description = "The cleaned text; every evidence offset points into it.") String text,
        List<CountryMention> countries,
        List<ThemeScore> themes,
        List<Event> events,
        @Schema(examples = "rasd-rules/0.5.0") String extractor,
        @Schema(pattern = Event.HEX_ID, description = "A hash of what the record was made from: another is a new version.")
        String revision) {

    /** What a text search finds one of the record's events by: its evidence sentence and the article's title. */
    public String searchTextOf(Event event) {
        return Stream.of(event.evidenceIn(text), title).filter(Objects::nonNull).collect(Collectors.joining(" "));
    }

    /** A country the text mentions, by name, demonym, city or national body. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CountryMention(@Schema(pattern = Event.COUNTRY) String code, @Schema(minimum = "1") int mentions) {
    }

    /** A theme the article discusses: named n times, it scores 1 - 0.5^n. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ThemeScore(@Schema(examples = "TERRORISM") String code, @Schema(maximum = "1") double score) {
    }
}

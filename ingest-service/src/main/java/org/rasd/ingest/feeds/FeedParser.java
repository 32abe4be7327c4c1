package org.rasd.ingest.feeds;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the items of an RSS (0.9x, 1.0, 2.0) or Atom (0.3, 1.0) feed with ROME, which knows their many date
 * formats, {@code content:encoded} and {@code xml:base}. A document with a DOCTYPE is refused, so no external
 * entity or DTD is ever read (ROME's default, kept explicit here).
 */
final class FeedParser {

    /** Content types ROME gives text that is not HTML (Atom's {@code type="text"}). */
    private static final Set<String> PLAIN_TEXT = Set.of("text", "text/plain");

    /**
     * The items in the order of the feed.
     *
     * @param contentType the feed's HTTP Content-Type, whose charset counts (else the XML declaration's), or null
     * @param feedUrl     what relative links are resolved against
     * @throws NotAFeedException when the document is no feed, or not well-formed
     */
    static List<FeedItem> items(byte[] body, String contentType, String feedUrl) {
        SyndFeedInput input = new SyndFeedInput();
        input.setAllowDoctypes(false);
        SyndFeed feed;
        try (XmlReader reader = new XmlReader(new ByteArrayInputStream(body), contentType, true)) {
            feed = input.build(reader);
        } catch (IOException | FeedException | IllegalArgumentException e) {
            throw new NotAFeedException("not an RSS or Atom feed: " + e.getMessage(), e);
        }
        List<FeedItem> items = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            String link = resolved(feedUrl, blankToNull(entry.getLink()));
            String uri = blankToNull(entry.getUri());
            String key = uri != null ? uri : link;
            if (key == null) {
                continue; // nothing to know it again by at the next poll
            }
            SyndContent content = content(entry);
            items.add(new FeedItem(key, link, blankToNull(entry.getTitle()), instant(entry),
                    content == null ? null : content.getValue(),
                    content == null || content.getType() == null || !PLAIN_TEXT.contains(content.getType())));
        }
        return items;
    }

    /** The fullest text the item has: its content ({@code content:encoded}, Atom content), else its description. */
    private static SyndContent content(SyndEntry entry) {
        return Stream.concat(entry.getContents().stream(), Stream.ofNullable(entry.getDescription()))
                .filter(content -> blankToNull(content.getValue()) != null)
                .findFirst().orElse(null);
    }

    /** When it was published, else last updated, as an ISO instant of years 1 to 9999 (what ingest takes). */
    private static String instant(SyndEntry entry) {
        Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        if (date == null) {
            return null;
        }
        Instant instant = date.toInstant();
        int year = instant.atOffset(ZoneOffset.UTC).getYear();
        return year >= 1 && year <= 9999 ? instant.toString() : null;
    }

    /** An absolute http(s) link, relative ones resolved against the feed; anything else (mailto:, junk) is no link. */
    private static String resolved(String feedUrl, String link) {
        if (link == null) {
            return null;
        }
        try {
            URI resolved = new URI(feedUrl).resolve(new URI(link));
            String scheme = resolved.getScheme();
            return "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme) ? resolved.toString() : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private FeedParser() {
    }
}

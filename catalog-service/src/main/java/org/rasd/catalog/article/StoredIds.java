package org.rasd.catalog.article;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;

/**
 * The ids of stored articles in the order they were stored, from a moment on: what ingest follows to know which
 * articles the catalog may hold without asking it for each post.
 */
public final class StoredIds {

    /** An article's id and when it was first stored (a new version keeps that time). */
    public record StoredId(String id, OffsetDateTime storedAt) {
    }

    /** A position in storing order: after this article, stored at that time. */
    public record Cursor(OffsetDateTime storedAt, String id) {

        /** Before every article stored at that moment or later. */
        public static Cursor from(OffsetDateTime storedAt) {
            return new Cursor(storedAt, "");
        }

        public String encode() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString((storedAt + "|" + id).getBytes(StandardCharsets.UTF_8));
        }

        /** @throws IllegalArgumentException when the text is not a cursor this service gave out */
        public static Cursor decode(String text) {
            String decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int bar = decoded.indexOf('|');
            if (bar < 0) {
                throw new IllegalArgumentException("not a cursor");
            }
            return new Cursor(OffsetDateTime.parse(decoded.substring(0, bar)), decoded.substring(bar + 1));
        }
    }

    private StoredIds() {
    }
}

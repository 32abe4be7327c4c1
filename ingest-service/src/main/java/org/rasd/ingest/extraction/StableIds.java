package org.rasd.ingest.extraction;

import org.rasd.ingest.parsing.NormalizedText;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Ids that stay the same for the same article or event, however often and by whom it is posted. */
public final class StableIds {

    /**
     * The article id: from the canonical URL when it names a place ({@code scheme://authority...}, an IDN
     * host or one {@link URI} rejects included), else from the folded text: a URL with no authority, such as
     * {@code urn:...}, {@code mailto:...} or {@code javascript:...}, would give every such article one id.
     */
    public static String article(String url, String foldedText) {
        return namesAPlace(url) ? hash("url:" + canonicalUrl(url)) : hashOfCollapsedText(foldedText);
    }

    private static final Pattern WITH_AUTHORITY = Pattern.compile("(?i)[a-z][a-z0-9+.-]*://[^/?#\\s]+.*");

    private static boolean namesAPlace(String url) {
        if (url == null || url.isBlank()) {
            return false;
        }
        try {
            return new URI(url.strip()).getRawAuthority() != null;
        } catch (URISyntaxException unparsable) {
            return WITH_AUTHORITY.matcher(url.strip()).matches();
        }
    }

    /**
     * The hash of "text:" and the text in UTF-8, with runs of whitespace as one space and none at the ends: the
     * same text however it was wrapped. Hashed while collapsing, in one pass and without a copy: articles are long.
     */
    private static String hashOfCollapsedText(String text) {
        Utf8Digest digest = new Utf8Digest().append("text:");
        boolean started = false;
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (NormalizedText.isWhitespace(c)) {
                pendingSpace = started;
                continue;
            }
            if (pendingSpace) {
                digest.append(' ');
                pendingSpace = false;
            }
            digest.append(c);
            started = true;
        }
        return digest.hex();
    }

    public static String event(String articleId, String... parts) {
        return hash("event:" + articleId + "|" + String.join("|", parts));
    }

    /**
     * Lower-case scheme and host, no fragment, no tracking parameters, no trailing slash: the same story
     * shared with utm_ tags or with and without "www." is one article.
     */
    public static String canonicalUrl(String url) {
        try {
            URI uri = new URI(url.strip());
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
            String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("/+$", "");
            String query = uri.getRawQuery() == null ? "" : Arrays.stream(uri.getRawQuery().split("&"))
                    .filter(p -> !p.startsWith("utm_") && !p.startsWith("fbclid") && !p.startsWith("gclid"))
                    .sorted()
                    .collect(Collectors.joining("&"));
            return host + path + (query.isEmpty() ? "" : "?" + query);
        } catch (URISyntaxException e) {
            return url.strip();
        }
    }

    /** The source outlet named by a URL: its host without "www.". */
    public static String hostOf(String url) {
        try {
            String host = new URI(url.strip()).getHost();
            return host == null || host.isBlank() ? null : host.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /**
     * What a record was made from, as one hash: the same inputs give the same record, so a record with another
     * revision is a new version of its article (a correction, or a newer extractor).
     */
    public static String revision(String... inputs) {
        Utf8Digest digest = new Utf8Digest();
        for (int i = 0; i < inputs.length; i++) {
            if (i > 0) {
                digest.append('\u0000');
            }
            digest.append(inputs[i] == null ? "" : inputs[i]);
        }
        return digest.hex();
    }

    private static String hash(String value) {
        return new Utf8Digest().append(value).hex();
    }

    /**
     * SHA-256 of chars encoded to UTF-8 as {@link String#getBytes} encodes them (an unpaired surrogate as '?'),
     * through a small buffer: a long text is hashed without a copy of it.
     */
    private static final class Utf8Digest {
        private final MessageDigest sha256;
        private final byte[] buffer = new byte[512]; // SHA-256 reads 64-byte blocks: a larger one saves nothing
        private int length;
        /** A high surrogate waiting for the low one that completes it, or 0. */
        private char high;

        Utf8Digest() {
            try {
                sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        Utf8Digest append(String text) {
            for (int i = 0; i < text.length(); i++) {
                append(text.charAt(i));
            }
            return this;
        }

        void append(char c) {
            if (high != 0) {
                char pair = high;
                high = 0;
                if (Character.isLowSurrogate(c)) {
                    put(Character.toCodePoint(pair, c));
                    return;
                }
                put('?');
            }
            if (Character.isHighSurrogate(c)) {
                high = c;
            } else {
                put(Character.isLowSurrogate(c) ? '?' : c);
            }
        }

        private void put(int codePoint) {
            if (length + 4 > buffer.length) {
                flush();
            }
            if (codePoint < 0x80) {
                buffer[length++] = (byte) codePoint;
            } else if (codePoint < 0x800) {
                buffer[length++] = (byte) (0xC0 | codePoint >> 6);
                buffer[length++] = (byte) (0x80 | codePoint & 0x3F);
            } else if (codePoint < 0x10000) {
                buffer[length++] = (byte) (0xE0 | codePoint >> 12);
                buffer[length++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
                buffer[length++] = (byte) (0x80 | codePoint & 0x3F);
            } else {
                buffer[length++] = (byte) (0xF0 | codePoint >> 18);
                buffer[length++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
                buffer[length++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
                buffer[length++] = (byte) (0x80 | codePoint & 0x3F);
            }
        }

        private void flush() {
            sha256.update(buffer, 0, length);
            length = 0;
        }

        /** The first 8 bytes of the digest, in hex. */
        String hex() {
            if (high != 0) {
                high = 0;
                put('?');
            }
            flush();
            return HexFormat.of().formatHex(sha256.digest(), 0, 8);
        }
    }

    private StableIds() {
    }
}

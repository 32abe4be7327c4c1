package org.rasd.ingest.extraction;

import org.rasd.ingest.parsing.NormalizedText;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
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

    private static final byte[] TEXT_KEY_PREFIX = "text:".getBytes(StandardCharsets.UTF_8);

    /**
     * The hash of "text:" and the text in UTF-8, with runs of whitespace as one space and none at the ends: the
     * same text however it was wrapped. Encoded while collapsing, in one pass: articles are long.
     */
    private static String hashOfCollapsedText(String text) {
        byte[] key = new byte[TEXT_KEY_PREFIX.length + 3 * text.length()]; // UTF-8 takes at most 3 bytes per char
        System.arraycopy(TEXT_KEY_PREFIX, 0, key, 0, TEXT_KEY_PREFIX.length);
        int textStart = TEXT_KEY_PREFIX.length;
        int length = textStart;
        boolean pendingSpace = false;
        char[] chars = text.toCharArray(); // a loop over an array runs without String's per-char checks
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (NormalizedText.isWhitespace(c)) {
                pendingSpace = length > textStart;
                continue;
            }
            if (pendingSpace) {
                key[length++] = ' ';
                pendingSpace = false;
            }
            if (c < 0x80) {
                key[length++] = (byte) c;
            } else if (c < 0x800) {
                key[length++] = (byte) (0xC0 | c >> 6);
                key[length++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isSurrogate(c)) {
                // rare (emoji): let the JDK encode the pair, or an unpaired half as '?', as String.getBytes does
                int codePointEnd = Character.isHighSurrogate(c) && i + 1 < chars.length
                        && Character.isLowSurrogate(chars[i + 1]) ? i + 2 : i + 1;
                byte[] encoded = text.substring(i, codePointEnd).getBytes(StandardCharsets.UTF_8);
                System.arraycopy(encoded, 0, key, length, encoded.length);
                length += encoded.length;
                i = codePointEnd - 1;
            } else {
                key[length++] = (byte) (0xE0 | c >> 12);
                key[length++] = (byte) (0x80 | c >> 6 & 0x3F);
                key[length++] = (byte) (0x80 | c & 0x3F);
            }
        }
        return hash(key, length);
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
        return hash(String.join("\u0000", Arrays.stream(inputs).map(input -> input == null ? "" : input).toList()));
    }

    private static String hash(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        return hash(bytes, bytes.length);
    }

    private static String hash(byte[] bytes, int length) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(bytes, 0, length);
            byte[] digest = sha256.digest();
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private StableIds() {
    }
}

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
     * host or one {@link URI} rejects included), else from the folded text ({@link NormalizedText#foldedForIds}): a
     * URL with no authority, such as
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
     * The hash of "text:" and the text, with runs of whitespace as one space and none at the ends: the same text
     * however it was wrapped. No-break spaces are no whitespace here, as they were when the first ids were made.
     */
    private static String hashOfCollapsedText(String text) {
        StringBuilder collapsed = new StringBuilder(text.length() + 5).append("text:");
        boolean started = false;
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (NormalizedText.isWhitespaceOfIds(c)) {
                pendingSpace = started;
                continue;
            }
            if (pendingSpace) {
                collapsed.append(' ');
                pendingSpace = false;
            }
            collapsed.append(c);
            started = true;
        }
        return hash(collapsed.toString());
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
        return hash(inputs);
    }

    /** The first 8 bytes of SHA-256 over the parts in UTF-8, a NUL between two (an unpaired surrogate as '?'). */
    private static String hash(String... parts) {
        MessageDigest digest = sha256();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                digest.update((byte) 0);
            }
            digest.update((parts[i] == null ? "" : parts[i]).getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest(), 0, 8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private StableIds() {
    }
}

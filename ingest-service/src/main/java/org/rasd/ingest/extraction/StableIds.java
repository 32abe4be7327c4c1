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
import java.util.stream.Collectors;

/** Ids that stay the same for the same article or event, however often and by whom it is posted. */
public final class StableIds {

    /** The article id: from the canonical URL when there is one, else from the folded text. */
    public static String article(String url, String foldedText) {
        return url == null ? hash("text:" + collapsedWhitespace(foldedText)) : hash("url:" + canonicalUrl(url));
    }

    /** Runs of whitespace as one space, none at the ends: the same text however it was wrapped. */
    private static String collapsedWhitespace(String text) {
        char[] collapsed = new char[text.length()];
        int length = 0;
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (NormalizedText.isWhitespace(c)) {
                pendingSpace = length > 0;
            } else {
                if (pendingSpace) {
                    collapsed[length++] = ' ';
                    pendingSpace = false;
                }
                collapsed[length++] = c;
            }
        }
        return new String(collapsed, 0, length);
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
            return host == null ? null : host.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String hash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private StableIds() {
    }
}

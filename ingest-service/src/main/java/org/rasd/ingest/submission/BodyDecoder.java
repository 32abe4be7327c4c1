package org.rasd.ingest.submission;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jsoup.Jsoup;
import org.rasd.support.http.Problems;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/**
 * Turns a posted text or HTML body into characters by the charset it declares: the {@code charset} of its
 * Content-Type, else a byte-order mark, else, for HTML, its {@code <meta charset>}, else UTF-8. Bytes that are
 * not valid in that charset are refused, never replaced: a replaced character would change the text and so
 * the article's id.
 */
final class BodyDecoder {

    static String decode(byte[] body, MediaType type, boolean html) {
        Charset charset = declared(type);
        if (charset == null) {
            charset = byteOrderMark(body);
        }
        if (charset == null && html) {
            charset = metaCharset(body);
        }
        if (charset == null) {
            charset = StandardCharsets.UTF_8;
        }
        try {
            String text = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw Problems.problem(Response.Status.BAD_REQUEST, "The body is not valid " + charset.name()
                    + ": declare the charset it is written in (Content-Type: text/plain; charset=...).");
        }
    }

    private static Charset declared(MediaType type) {
        String name = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Charset.forName(name.strip().replace("\"", ""));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw Problems.problem(Response.Status.UNSUPPORTED_MEDIA_TYPE, "The charset " + name
                    + " is not supported; use UTF-8, UTF-16, windows-1256 or ISO-8859-6.");
        }
    }

    private static Charset byteOrderMark(byte[] body) {
        if (body.length >= 2 && (body[0] & 0xFF) == 0xFE && (body[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (body.length >= 2 && (body[0] & 0xFF) == 0xFF && (body[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    /** Browsers look for a page's {@code <meta charset>} in its first 1,024 bytes; so does jsoup, in as many. */
    private static final int CHARSET_PRESCAN = 1024;

    private static Charset metaCharset(byte[] body) {
        try {
            return Jsoup.parse(new ByteArrayInputStream(body, 0, Math.min(body.length, CHARSET_PRESCAN)), null, "").charset();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw Problems.problem(Response.Status.UNSUPPORTED_MEDIA_TYPE,
                    "The page's <meta charset> names a charset that is not supported: " + e.getMessage());
        }
    }

    private BodyDecoder() {
    }
}

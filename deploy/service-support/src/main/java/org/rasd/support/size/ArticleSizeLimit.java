package org.rasd.support.size;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one size limit of Rasd: the largest article a client may post ({@value #VARIABLE}, default
 * {@value #DEFAULT}), and the Kafka limits that follow from it. The HTTP check, the producer's {@code
 * max.request.size}, the topics' {@code max.message.bytes} and the consumers' fetch sizes all derive from it,
 * so an article that is accepted can always be carried and stored.
 */
public final class ArticleSizeLimit {

    public static final String VARIABLE = "RASD_MAX_ARTICLE_SIZE";
    public static final String DEFAULT = "2M";

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([KMG]?)B?", Pattern.CASE_INSENSITIVE);

    private ArticleSizeLimit() {
    }

    /**
     * The largest article record on a topic. A record holds the clean text (never longer than the body) and
     * what was extracted from it, which a body's worth of room more bounds.
     */
    public static long recordBytes(long articleBytes) {
        return 2 * articleBytes;
    }

    /**
     * The largest record any topic takes: an article record and room for the headers a dead letter carries
     * (its reason and where it came from).
     */
    public static long topicBytes(long articleBytes) {
        return recordBytes(articleBytes) + HEADER_ROOM;
    }

    private static final long HEADER_ROOM = 64 << 10;

    /** Reads a size as Quarkus does ({@code 2M}, {@code 512K}, {@code 3000000}): binary multiples. */
    public static long parse(String size) {
        Matcher matcher = SIZE.matcher(size.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException(VARIABLE + " must be a size such as 2M, 512K or 3000000, not " + size);
        }
        int shift = switch (matcher.group(2).toUpperCase(Locale.ROOT)) {
            case "K" -> 10;
            case "M" -> 20;
            case "G" -> 30;
            default -> 0;
        };
        return Long.parseLong(matcher.group(1)) << shift;
    }

    /** The limit this process was started with. */
    public static long fromEnvironment() {
        String value = System.getenv(VARIABLE);
        return parse(value == null || value.isBlank() ? DEFAULT : value);
    }
}

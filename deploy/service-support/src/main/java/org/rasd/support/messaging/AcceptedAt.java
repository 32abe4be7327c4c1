package org.rasd.support.messaging;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The header an article record carries from ingest: when ingest accepted it (ISO-8601). It is transport
 * metadata, not part of the extracted record, so re-extracting an article gives the same record.
 */
public final class AcceptedAt {

    public static final String HEADER = "rasd-accepted-at";

    public static byte[] now() {
        return Instant.now().toString().getBytes(StandardCharsets.UTF_8);
    }

    /** @return the acceptance time a record carries, if it carries a readable one */
    public static Optional<OffsetDateTime> of(Headers headers) {
        Header header = headers.lastHeader(HEADER);
        if (header == null || header.value() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(new String(header.value(), StandardCharsets.UTF_8)).atOffset(ZoneOffset.UTC));
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }

    private AcceptedAt() {
    }
}

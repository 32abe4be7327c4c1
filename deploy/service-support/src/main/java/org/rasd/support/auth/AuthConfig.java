package org.rasd.support.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Positive;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Who may call a service: API keys, configured by their SHA-256 hashes, and how fast each may write. */
@ConfigMapping(prefix = "rasd.auth")
public interface AuthConfig {

    /** {@code name:sha256hex} entries ({@code RASD_API_KEYS}, comma-separated). */
    Optional<List<String>> apiKeys();

    /** A file of {@code name:sha256hex} lines, {@code #} comments allowed ({@code RASD_API_KEYS_FILE}). */
    Optional<Path> apiKeysFile();

    /** Whether reads need a key too ({@code RASD_PROTECT_READS}); writes always do. */
    @WithDefault("false")
    boolean protectReads();

    /**
     * Paths whose reads need a key even when reads are open, each with what lies below it: those that show how a
     * service is set up (ingest's {@code /api/feeds}).
     */
    Optional<List<String>> privatePaths();

    /** Writes each key may make per second, on average ({@code RASD_WRITE_RATE}). */
    @WithDefault("200")
    @Positive
    double writeRate();

    /** Writes a key may make at once after a quiet spell ({@code RASD_WRITE_BURST}). */
    @WithDefault("400")
    @Positive
    int writeBurst();
}

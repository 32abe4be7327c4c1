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

    /**
     * {@code name:sha256hex} entries, {@code name:sha256hex:admin} for an admin key ({@code RASD_API_KEYS},
     * comma-separated).
     */
    Optional<List<String>> apiKeys();

    /** A file of such lines, {@code #} comments allowed ({@code RASD_API_KEYS_FILE}). */
    Optional<Path> apiKeysFile();

    /** Whether reads need a key too ({@code RASD_PROTECT_READS}); writes always do. */
    @WithDefault("false")
    boolean protectReads();

    /**
     * Paths that only an admin key may call, reads too, each with what lies below it: those that change or show
     * how a service runs (re-extraction, recount, ingest's feeds with their URLs).
     */
    @WithDefault(DEFAULT_ADMIN_PATHS)
    List<String> adminPaths();

    String DEFAULT_ADMIN_PATHS = "/api/admin";

    /** Writes each key may make per second, on average ({@code RASD_WRITE_RATE}). */
    @WithDefault("200")
    @Positive
    double writeRate();

    /** Writes a key may make at once after a quiet spell ({@code RASD_WRITE_BURST}). */
    @WithDefault("400")
    @Positive
    int writeBurst();
}

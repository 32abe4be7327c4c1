package org.rasd.ingest.reextraction;

import io.smallrye.config.ConfigMapping;

import java.nio.file.Path;

/** Re-extraction runs. */
@ConfigMapping(prefix = "rasd.ingest.reextraction")
public interface ReextractionConfig {

    /**
     * Where each run's progress is kept across restarts of this instance, a JSON file a run
     * ({@code INGEST_REEXTRACTION_STATE_DIR}); each instance its own.
     */
    Path stateDirectory();
}

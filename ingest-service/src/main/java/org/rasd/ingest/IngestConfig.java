package org.rasd.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "rasd.ingest")
public interface IngestConfig {

    /** How long to wait for the broker's acknowledgement before answering 503. */
    @WithDefault("5s")
    Duration publishTimeout();

    /** Where the catalog serves articles, for the Location of an accepted article. */
    @WithDefault("http://localhost:8081")
    String catalogUrl();
}

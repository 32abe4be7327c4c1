package org.rasd.analytics.counting;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How long the mark of a removed event is kept ({@link Tombstones}). */
@ConfigMapping(prefix = "rasd.analytics.tombstones")
public interface TombstonesConfig {

    /**
     * How long a removed event's row is kept ({@code RASD_ANALYTICS_TOMBSTONES_KEEP}): at least the {@code events}
     * topic's {@code delete.retention.ms} and the longest consumer lag tolerated.
     */
    @WithDefault("7d")
    Duration keep();
}

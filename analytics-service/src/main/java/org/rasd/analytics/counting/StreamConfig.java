package org.rasd.analytics.counting;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The live aggregate stream: how long its changes are kept for readers that come back, how soon each is relayed. */
@ConfigMapping(prefix = "rasd.analytics.stream")
public interface StreamConfig {

    /**
     * How long a change is kept ({@code RASD_ANALYTICS_STREAM_KEEP}): a client that reconnects with a
     * {@code Last-Event-ID} older than that gets a fresh snapshot instead of the changes it missed.
     */
    @WithDefault("10m")
    Duration keep();

    /**
     * How often each instance looks for changes without being notified ({@code RASD_ANALYTICS_STREAM_RECHECK}): the
     * longest a change waits when a notification was lost (the listening connection was down).
     */
    @WithDefault("1s")
    Duration recheck();
}

package org.rasd.catalog.event;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The event stream's settings ({@link EventFeed}, {@link StoreNotifications}). */
@ConfigMapping(prefix = "rasd.catalog.stream")
public interface EventStreamConfig {

    /**
     * How long a reader at the end of the stream waits for word of a store before it looks again anyway: the fallback
     * when no word comes (the listening connection is down), or when the stored events could not be read yet (a
     * transaction older than theirs was still open).
     */
    @WithDefault("1s")
    Duration idleRecheck();

    /** The connection that listens for stores: by default, to the catalog's database as its pool reaches it. */
    Listener listener();

    interface Listener {

        @WithDefault("${quarkus.datasource.reactive.url}")
        String url();

        @WithDefault("${quarkus.datasource.username}")
        String username();

        @WithDefault("${quarkus.datasource.password}")
        String password();
    }
}

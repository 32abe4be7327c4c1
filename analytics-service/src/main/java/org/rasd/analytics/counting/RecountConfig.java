package org.rasd.analytics.counting;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;

/** How a recount reads the catalog ({@link Recount}). */
@ConfigMapping(prefix = "rasd.analytics.recount")
public interface RecountConfig {

    /**
     * The catalog's changes read and counted a transaction at a time ({@code RASD_ANALYTICS_RECOUNT_PAGE_SIZE}): the
     * most a run does again when it is resumed after its instance died. The catalog gives at most 500 a page.
     */
    @WithDefault("500")
    @Positive
    @Max(500)
    int pageSize();
}

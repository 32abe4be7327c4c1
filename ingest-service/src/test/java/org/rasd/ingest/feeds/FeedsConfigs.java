package org.rasd.ingest.feeds;

import io.quarkus.runtime.configuration.MemorySize;

import java.lang.reflect.Proxy;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Feed settings for tests without Quarkus. A proxy, not a class: Quarkus would take a class implementing the
 * mapping for part of every test app.
 */
final class FeedsConfigs {

    static FeedsConfig of(Duration pollInterval, Duration maxBackoff, Duration requestTimeout, Path stateDirectory) {
        Map<String, Object> values = Map.of(
                "urls", Optional.empty(),
                "pollInterval", pollInterval,
                "maxBackoff", maxBackoff,
                "requestTimeout", requestTimeout,
                "stateDirectory", stateDirectory,
                "rememberedItems", 5000,
                "maxFeedSize", new MemorySize(BigInteger.valueOf(5L << 20)),
                "userAgent", "Rasd-ingest test");
        return (FeedsConfig) Proxy.newProxyInstance(FeedsConfig.class.getClassLoader(), new Class<?>[]{FeedsConfig.class},
                (proxy, method, arguments) -> {
                    if (!values.containsKey(method.getName())) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return values.get(method.getName());
                });
    }

    private FeedsConfigs() {
    }
}

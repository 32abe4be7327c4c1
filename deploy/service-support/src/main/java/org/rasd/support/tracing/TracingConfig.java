package org.rasd.support.tracing;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.List;
import java.util.Map;

/**
 * One switch for tracing: {@value #ENABLED} ({@code RASD_OTEL_ENABLED}), by default on exactly when a collector is
 * named, {@value #ENDPOINT} or OpenTelemetry's own {@value #STANDARD_ENDPOINT}. It sets both halves of "off":
 * <ul>
 *     <li>{@code quarkus.otel.sdk.disabled}: no HTTP spans and no exporter;</li>
 *     <li>{@code mp.messaging.connector.smallrye-kafka.tracing-enabled}: the Kafka connector traces with the
 *     OpenTelemetry instance it is given, and a disabled SDK still makes (unexported) spans and writes
 *     {@code traceparent} headers; off, it does neither.</li>
 * </ul>
 * Configuration cannot negate a value, hence a source of its own, ranked below the others. A profile's value of the
 * switch ({@code %test.rasd.otel.enabled=true}) counts.
 */
public class TracingConfig implements ConfigSourceFactory {

    public static final String ENABLED = "rasd.otel.enabled";
    public static final String ENDPOINT = "RASD_OTEL_ENDPOINT";
    public static final String STANDARD_ENDPOINT = "OTEL_EXPORTER_OTLP_ENDPOINT";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        boolean enabled = isEnabled(context);
        return List.of(new PropertiesConfigSource(Map.of(
                "quarkus.otel.sdk.disabled", Boolean.toString(!enabled),
                "mp.messaging.connector.smallrye-kafka.tracing-enabled", Boolean.toString(enabled)),
                "rasd-tracing", 50));
    }

    private static boolean isEnabled(ConfigSourceContext context) {
        for (String profile : context.getProfiles()) {
            ConfigValue value = context.getValue("%" + profile + "." + ENABLED);
            if (isSet(value)) {
                return Boolean.parseBoolean(value.getValue().strip());
            }
        }
        ConfigValue value = context.getValue(ENABLED);
        if (isSet(value)) {
            return Boolean.parseBoolean(value.getValue().strip());
        }
        return isSet(context.getValue(ENDPOINT)) || isSet(context.getValue(STANDARD_ENDPOINT));
    }

    private static boolean isSet(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }
}

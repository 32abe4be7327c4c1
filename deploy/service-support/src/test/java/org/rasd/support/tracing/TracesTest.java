package org.rasd.support.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TracesTest {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void aRecordsTraceparentIsReadWhenWellFormed() {
        assertEquals(TRACEPARENT, Traces.traceparent(new RecordHeaders().add(Traces.TRACEPARENT, TRACEPARENT.getBytes(StandardCharsets.UTF_8))));
        assertNull(Traces.traceparent(new RecordHeaders()));
        assertNull(Traces.traceparent(new RecordHeaders().add(Traces.TRACEPARENT, "not a trace".getBytes(StandardCharsets.UTF_8))));
        SpanContext context = Traces.spanContext(TRACEPARENT);
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", context.getTraceId());
        assertEquals("00f067aa0ba902b7", context.getSpanId());
        assertTrue(context.isSampled() && context.isRemote());
    }

    @Test
    void aMessageContinuesTheTraceItWasStoredWithOrOneThatIsNotRecorded() {
        SpanContext continued = Span.fromContext(Traces.continuing(TRACEPARENT).getCurrentContext()).getSpanContext();
        assertEquals(Traces.spanContext(TRACEPARENT), continued);

        SpanContext untraced = Span.fromContext(Traces.continuing(null).getCurrentContext()).getSpanContext();
        assertTrue(untraced.isValid(), "a parent, so that nothing current stands in for it");
        assertFalse(untraced.isSampled(), "one that is not recorded");
        assertNotEquals(untraced.getTraceId(), Span.fromContext(Traces.continuing(null).getCurrentContext()).getSpanContext().getTraceId());
    }

    @Test
    void tracingIsOnWhenACollectorIsNamedOrTheSwitchSaysSo() {
        assertEquals(false, tracing(Map.of(), null));
        assertEquals(false, tracing(Map.of(TracingConfig.ENDPOINT, " "), null));
        assertEquals(true, tracing(Map.of(TracingConfig.ENDPOINT, "http://jaeger:4317"), null));
        assertEquals(true, tracing(Map.of(TracingConfig.STANDARD_ENDPOINT, "http://collector:4317"), null));
        assertEquals(false, tracing(Map.of(TracingConfig.ENDPOINT, "http://jaeger:4317", "RASD_OTEL_ENABLED", "false"), null));
        assertEquals(true, tracing(Map.of("RASD_OTEL_ENABLED", "true"), null));
        assertEquals(true, tracing(Map.of("%test.rasd.otel.enabled", "true"), "test"), "a profile's switch counts");
        assertEquals(false, tracing(Map.of("%test.rasd.otel.enabled", "true"), null));
    }

    /** @return whether tracing is on, after checking that the SDK and the Kafka connector agree */
    private static boolean tracing(Map<String, String> settings, String profile) {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder()
                .withSources(new EnvConfigSource(settings, 300))
                .withSources(new TracingConfig());
        if (profile != null) {
            builder.withProfile(profile);
        }
        SmallRyeConfig config = builder.build();
        boolean sdk = !config.getValue("quarkus.otel.sdk.disabled", Boolean.class);
        assertEquals(sdk, config.getValue("mp.messaging.connector.smallrye-kafka.tracing-enabled", Boolean.class));
        return sdk;
    }
}

package org.rasd.support.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceId;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.TracingMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * An article's trace across the services. The Kafka connector writes the W3C trace context of its producer span
 * to a record's {@code traceparent} header and, on the consumer side, makes a "receive" span for each record of a
 * poll, a child of the record's context. What the connector cannot do is carry a trace through the catalog's
 * outbox, and give a poll, whose records each belong to a trace of their own, a span: that is done here.
 * <ul>
 *     <li>{@link #traceparent} reads the context a record came with, for the catalog to keep beside each event until
 *     the outbox relay sends its message on {@link #continuing} it;</li>
 *     <li>{@link #poll} runs a poll's storing or counting under one span that links to each record's trace
 *     (OpenTelemetry's messaging conventions for a batch); a trace has no span with many parents.</li>
 * </ul>
 * With tracing off the tracer makes no spans and the connector writes no header: each of these costs next to nothing.
 */
public final class Traces {

    public static final String TRACEPARENT = "traceparent";

    private static final TextMapGetter<String> TRACEPARENT_ONLY = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(TRACEPARENT);
        }

        @Override
        public String get(String carrier, String key) {
            return TRACEPARENT.equals(key) ? carrier : null;
        }
    };

    /** @return the well-formed {@code traceparent} a record carries, or null */
    public static String traceparent(Headers headers) {
        String traceparent = header(headers);
        return spanContext(traceparent).isValid() ? traceparent : null;
    }

    private static String header(Headers headers) {
        Header header = headers.lastHeader(TRACEPARENT);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** @return the (remote) span context a {@code traceparent} names; invalid when it names none */
    public static SpanContext spanContext(String traceparent) {
        if (traceparent == null) {
            return SpanContext.getInvalid();
        }
        Context context = W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent, TRACEPARENT_ONLY);
        return Span.fromContext(context).getSpanContext();
    }

    /**
     * What a message sent on behalf of an earlier record carries, for the connector's producer span to continue that
     * record's trace (and write it to the new record's {@code traceparent}). Without a context to continue, the
     * message's trace is one that is not recorded (an unsampled parent): not a trace of its own for each message, nor
     * whatever trace happens to be current where the message is sent.
     *
     * @param traceparent the earlier record's, or null
     */
    public static TracingMetadata continuing(String traceparent) {
        SpanContext parent = spanContext(traceparent);
        if (!parent.isValid()) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            parent = SpanContext.createFromRemoteParent(TraceId.fromLongs(random.nextLong(), random.nextLong() | 1),
                    SpanId.fromLong(random.nextLong() | 1), TraceFlags.getDefault(), TraceState.getDefault());
        }
        return TracingMetadata.withCurrent(Context.root().with(Span.wrap(parent)));
    }

    /**
     * Runs the work done with a poll's records under a span of its own, linked to the trace each record carries: the
     * span ends, failed or not, when the work does. Links beyond {@code quarkus.otel.span.link.count.limit} (128) are
     * dropped.
     *
     * @param what what the work is, the span's name beside the topic ("store", "count")
     */
    public static <T> Uni<T> poll(Tracer tracer, String what, ConsumerRecords<String, String> records, Supplier<Uni<? extends T>> work) {
        String topic = records.isEmpty() ? "" : records.iterator().next().topic();
        var builder = tracer.spanBuilder(topic + " " + what)
                .setSpanKind(SpanKind.CONSUMER)
                .setNoParent()
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.operation", "process")
                .setAttribute("messaging.batch.message_count", (long) records.count());
        for (ConsumerRecord<String, String> record : records) {
            SpanContext linked = spanContext(header(record.headers()));
            if (linked.isValid()) {
                builder.addLink(linked);
            }
        }
        Span span = builder.startSpan();
        return Uni.createFrom().<T>deferred(work)
                .onFailure().invoke(failure -> span.setStatus(StatusCode.ERROR, failure.toString()).recordException(failure))
                .onTermination().invoke(span::end);
    }

    private Traces() {
    }
}

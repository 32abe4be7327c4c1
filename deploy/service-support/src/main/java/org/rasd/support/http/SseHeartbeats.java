package org.rasd.support.http;

import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import java.time.Duration;

/** A Server-Sent Events stream with a comment every 15 s between its events: proxies close connections they see idle. */
public final class SseHeartbeats {

    public static final Duration PERIOD = Duration.ofSeconds(15);

    public static Multi<OutboundSseEvent> between(Multi<OutboundSseEvent> events, Sse sse) {
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().every(PERIOD).onOverflow().drop()
                .map(tick -> sse.newEventBuilder().comment("heartbeat").build());
        return Multi.createBy().merging().streams(events, heartbeats);
    }

    private SseHeartbeats() {
    }
}

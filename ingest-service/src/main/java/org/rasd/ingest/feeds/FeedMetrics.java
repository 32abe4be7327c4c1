package org.rasd.ingest.feeds;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Feed polling for {@code /q/metrics}: {@code rasd_ingest_feed_polls_total} by result and
 * {@code rasd_ingest_feed_items_total} by outcome, over all feeds. Not by feed: a feed's URL may carry a token, and
 * the metrics are open to read; {@code GET /api/feeds}, behind a key, tells each feed's counts.
 */
@ApplicationScoped
class FeedMetrics {

    private final Map<PollResult, Counter> polls = new EnumMap<>(PollResult.class);
    private final Map<ItemResult.Outcome, Counter> items = new EnumMap<>(ItemResult.Outcome.class);

    FeedMetrics(MeterRegistry registry) {
        for (PollResult result : PollResult.values()) {
            polls.put(result, registry.counter("rasd.ingest.feed.polls", "result", name(result)));
        }
        for (ItemResult.Outcome outcome : ItemResult.Outcome.values()) {
            items.put(outcome, registry.counter("rasd.ingest.feed.items", "outcome", name(outcome)));
        }
    }

    private static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    void polled(PollResult result) {
        polls.get(result).increment();
    }

    void item(ItemResult.Outcome outcome) {
        items.get(outcome).increment();
    }
}

package org.rasd.ingest.submission;

import com.google.common.hash.BloomFilter;
import com.google.common.hash.Funnels;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.rasd.ingest.IngestConfig;
import org.rasd.support.http.CursorPages;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * The ids of the articles the catalog may hold, so that a post of one it surely does not hold is published
 * without asking it: under load that question was a post's longest wait, and more often than not it timed out.
 * A Bloom filter of the ids the catalog lists in storing order (all of them at start, then every few seconds those
 * stored since, re-reading a margin) and of those this instance published. It answers "surely not" only once the
 * catalog's whole list has been read; until then, and for an id it may hold, the catalog is asked as before. An id
 * the catalog stored after the last look, posted to another instance, can be missed for a few seconds: that post
 * is then published and answered as accepted, and the catalog, which stores each revision once, changes nothing.
 */
@ApplicationScoped
public class HeldArticles {

    /** Ids are a few dozen bytes: a page of this many is one quick keyset read for the catalog. */
    static final int PAGE = 2000;

    private final CatalogClient catalog;
    private final Duration refresh;
    private final Duration margin;
    private final BloomFilter<CharSequence> ids;
    private final Counter surelyNotHeld;
    private final Counter mayBeHeld;
    private final Counter looks;
    /** Whether the catalog's whole list has been read once: until then every id may be held. */
    private volatile boolean complete;
    /** When the newest article read was stored, by the catalog's clock; the looks, one at a time on any thread, keep it. */
    private volatile OffsetDateTime storedUpTo;
    private Cancellable following;

    @Inject
    public HeldArticles(@RestClient CatalogClient catalog, IngestConfig config, MeterRegistry registry) {
        this(catalog, config.held().refresh(), config.held().margin(), config.held().expectedArticles(), registry);
    }

    /** @see IngestConfig.Held */
    HeldArticles(CatalogClient catalog, Duration refresh, Duration margin, int expectedArticles, MeterRegistry registry) {
        this.catalog = catalog;
        this.refresh = refresh;
        this.margin = margin;
        this.ids = BloomFilter.create(Funnels.stringFunnel(StandardCharsets.UTF_8), expectedArticles, 0.01);
        this.surelyNotHeld = registry.counter("rasd.ingest.held.checks", "answer", "surely-not");
        this.mayBeHeld = registry.counter("rasd.ingest.held.checks", "answer", "may-be");
        this.looks = Counter.builder("rasd.ingest.held.looks").description("Reads of the ids the catalog stored, to the end")
                .register(registry);
        Gauge.builder("rasd.ingest.held.complete", this, held -> held.complete ? 1 : 0)
                .description("1 once the catalog's ids have all been read").register(registry);
    }

    /** Whether the catalog may hold the article: false only when it surely does not. */
    public boolean mayHold(String id) {
        boolean may = !complete || ids.mightContain(id);
        (may ? mayBeHeld : surelyNotHeld).increment();
        return may;
    }

    /** An article this instance published: the catalog will hold it. */
    public void add(String id) {
        ids.put(id);
    }

    void follow(@Observes StartupEvent start) {
        following = Multi.createFrom().ticks().every(refresh)
                .onOverflow().drop()
                .onItem().transformToUniAndConcatenate(tick -> look().onFailure().recoverWithItem(failure -> {
                    Log.debugf("The ids the catalog stored could not be read (%s); read again in %s", failure, refresh);
                    return null;
                }))
                .subscribe().with(ignored -> { });
    }

    void stop(@Observes ShutdownEvent stop) {
        if (following != null) {
            following.cancel();
        }
    }

    /**
     * Reads the ids stored since the last look, less the margin, to the end of the list. Each page moves the mark
     * on, so a look that fails goes on next time from where it stopped.
     */
    Uni<Void> look() {
        String from = storedUpTo == null ? null : storedUpTo.minus(margin).toString();
        return CursorPages.from(null, cursor -> catalog.storedIds(cursor == null ? from : null, cursor, PAGE),
                        CatalogClient.StoredIdPage::nextCursor)
                .invoke(page -> page.items().forEach(this::read))
                .collect().last().invoke(() -> {
                    if (!complete) {
                        Log.infof("Read the ids the catalog holds (about %d): posts of other articles are published without asking it",
                                ids.approximateElementCount());
                    }
                    complete = true;
                    looks.increment();
                }).replaceWithVoid();
    }

    private void read(CatalogClient.StoredId stored) {
        ids.put(stored.id());
        if (storedUpTo == null || stored.storedAt().isAfter(storedUpTo)) {
            storedUpTo = stored.storedAt();
        }
    }
}

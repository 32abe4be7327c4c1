package org.rasd.analytics.counting;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.rasd.testing.KafkaTestResource;
import org.rasd.testing.PostgresTestResource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Counting transactions of other acts that move the same aggregate rows run at once (several instances, or a recount
 * beside the consumer): each sends its statements together, and they must still lock rows in one order, or
 * PostgreSQL breaks a deadlock by failing one of them.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "analytics"))
class ConcurrentCountingTest {

    private static final List<String> COUNTRIES = List.of("DZ", "ES", "FR", "MA", "TN");
    private static final List<String> THEMES = List.of("TERRORISM", "BORDER_SECURITY", "DRUG_TRAFFICKING");
    private static final List<String> TYPES = List.of("HOST", "VISIT", "MEET");
    /** Batches counted at once, as by as many instances. */
    private static final List<String> SIDES = List.of("a", "b", "c", "d", "e", "f");
    private static final int ROUNDS = 8;
    private static final int EVENTS = 80;

    @Inject
    AggregateStore store;

    @Inject
    Pool pool;

    /** One batch of acts of its own, naming the countries, themes, types and months every other batch names. */
    private static List<EventMessage> batch(String side, int round) {
        return IntStream.range(0, EVENTS).mapToObj(i -> {
            String actor = COUNTRIES.get((i + round) % COUNTRIES.size());
            String partner = COUNTRIES.get((i * 3 + 1 + round) % COUNTRIES.size());
            List<String> countries = actor.equals(partner) ? List.of(actor) : List.of(partner, actor);
            String id = "concurrent-%s-%d-%d".formatted(side, round, i);
            return new EventMessage(id, 1, 0, "concurrent-article-%s-%d-%d".formatted(side, round, i / 4), "incident-" + id,
                    TYPES.get(i % TYPES.size()), countries, List.of(THEMES.get(i % THEMES.size()), THEMES.get((i + 1) % THEMES.size())),
                    Instant.now(), false, new EventMessage.Party(actor), List.of(new EventMessage.Party(partner)),
                    new EventMessage.EventDate("2003-%02d-%02d".formatted(1 + (i + round) % 12, 1 + i % 28)));
        }).toList();
    }

    @Test
    void batchesOfOtherActsMovingTheSameRowsAreCountedAtOnce() {
        for (int round = 0; round < ROUNDS; round++) {
            int at = round;
            Uni.join().all(SIDES.stream().map(side -> store.count(batch(side, at))).toList())
                    .andFailFast().await().atMost(Duration.ofMinutes(1));
        }
        long counted = pool.query("select count(*) from counted_event where event_id like 'concurrent-%'").execute()
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
        assertEquals((long) SIDES.size() * ROUNDS * EVENTS, counted);
        long inMorocco = pool.query("""
                        select coalesce(sum(events), 0) from period_country_count where span = 'year' and starts = '2003-01-01' and country = 'MA'""")
                .execute().await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
        long namingMorocco = IntStream.range(0, ROUNDS).boxed()
                .flatMap(round -> SIDES.stream().flatMap(side -> batch(side, round).stream()))
                .filter(event -> event.countries().contains("MA")).count();
        assertEquals(namingMorocco, inMorocco, "every event naming Morocco counted once in its year");
    }
}

package org.rasd.ingest.submission;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeldArticlesTest {

    private static final OffsetDateTime NOON = OffsetDateTime.parse("2026-12-02T12:00:00Z");

    /** What the catalog was asked: storedFrom and cursor of each page. */
    private final List<List<String>> asked = new ArrayList<>();

    /** A catalog answering each question with the page {@code pages} gives for its storedFrom and cursor. */
    private HeldArticles following(Function<List<String>, Uni<CatalogClient.StoredIdPage>> pages) {
        CatalogClient catalog = (CatalogClient) Proxy.newProxyInstance(CatalogClient.class.getClassLoader(),
                new Class<?>[]{CatalogClient.class}, (proxy, method, arguments) -> {
                    List<String> question = Arrays.asList((String) arguments[0], (String) arguments[1]);
                    asked.add(question);
                    return pages.apply(question);
                });
        return new HeldArticles(catalog, Duration.ofSeconds(5), Duration.ofMinutes(1), 1000, new SimpleMeterRegistry());
    }

    private static CatalogClient.StoredIdPage page(String nextCursor, String... idsStoredAtMinutes) {
        List<CatalogClient.StoredId> items = new ArrayList<>();
        for (int i = 0; i < idsStoredAtMinutes.length; i += 2) {
            items.add(new CatalogClient.StoredId(idsStoredAtMinutes[i], NOON.plusMinutes(Long.parseLong(idsStoredAtMinutes[i + 1]))));
        }
        return new CatalogClient.StoredIdPage(items, nextCursor);
    }

    @Test
    void everyArticleMayBeHeldUntilTheCatalogsWholeListIsReadThenOnlyThoseListedOrPublished() {
        HeldArticles held = following(question -> Uni.createFrom().item(question.get(1) == null
                ? page("second", "a1", "0", "a2", "1") : page(null, "a3", "2")));
        assertTrue(held.mayHold("new-1"), "nothing read yet: the catalog is asked");

        held.look().await().indefinitely();

        assertEquals(List.of(Arrays.asList(null, null), Arrays.asList(null, "second")), asked, "from the start, page after page");
        for (String listed : List.of("a1", "a2", "a3")) {
            assertTrue(held.mayHold(listed), listed);
        }
        assertFalse(held.mayHold("new-1"), "neither listed nor published: surely not held");
        held.add("new-1");
        assertTrue(held.mayHold("new-1"), "published here");
    }

    @Test
    void eachLookReadsOnFromTheNewestStoredLessTheMarginAndAFailedOneGoesOnFromWhereItStopped() {
        List<Uni<CatalogClient.StoredIdPage>> answers = new ArrayList<>(List.of(
                Uni.createFrom().item(page("more", "a1", "0", "a2", "10")),
                Uni.createFrom().failure(new IllegalStateException("catalog gone")),
                Uni.createFrom().item(page(null, "a3", "11")),
                Uni.createFrom().item(page(null))));
        HeldArticles held = following(question -> answers.removeFirst());

        assertThrows(IllegalStateException.class, () -> held.look().await().indefinitely());
        assertTrue(held.mayHold("new-1"), "a look that did not reach the end leaves every article possibly held");
        held.look().await().indefinitely();
        held.look().await().indefinitely();

        String tenPastLessAMinute = NOON.plusMinutes(9).toString();
        assertEquals(List.of(Arrays.asList(null, null), Arrays.asList(null, "more"), Arrays.asList(tenPastLessAMinute, null),
                Arrays.asList(NOON.plusMinutes(10).toString(), null)), asked);
        assertTrue(held.mayHold("a3"));
        assertFalse(held.mayHold("new-1"));
    }
}

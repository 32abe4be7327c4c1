package org.rasd.ingest.submission;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InFlightPostsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final InFlightPosts posts = new InFlightPosts(2, new IngestMetrics(registry));
    private final AtomicInteger begun = new AtomicInteger();

    /** A post that is begun when subscribed to and ends when the returned future is completed. */
    private Uni<String> post(CompletableFuture<String> end) {
        return posts.admit(() -> {
            begun.incrementAndGet();
            return Uni.createFrom().completionStage(end);
        });
    }

    @Test
    void aPostPastTheBoundIsRefusedAtOnceWith503AndRetryAfterAndNotBegun() {
        CompletableFuture<String> first = new CompletableFuture<>();
        CompletableFuture<String> second = new CompletableFuture<>();
        UniAssertSubscriber<String> one = post(first).subscribe().withSubscriber(UniAssertSubscriber.create());
        UniAssertSubscriber<String> two = post(second).subscribe().withSubscriber(UniAssertSubscriber.create());
        UniAssertSubscriber<String> three = post(new CompletableFuture<>()).subscribe().withSubscriber(UniAssertSubscriber.create());

        HttpProblem busy = assertInstanceOf(IngestBusyException.class, three.assertFailed().getFailure()).problem();
        assertEquals(503, busy.getStatusCode());
        assertEquals("1", String.valueOf(busy.getHeaders().get("Retry-After")));
        assertTrue(busy.getDetail().contains("INGEST_MAX_IN_FLIGHT"), busy.getDetail());
        assertEquals(2, begun.get(), "the refused post was not begun");
        assertEquals(1.0, registry.get("rasd.ingest.articles").tag("outcome", "busy").counter().count());

        first.complete("stored");
        one.assertItem("stored");
        two.assertNotTerminated();
        assertEquals(1, posts.inFlight());
        post(CompletableFuture.completedFuture("next")).subscribe().withSubscriber(UniAssertSubscriber.create())
                .assertItem("next");
        assertEquals(1, posts.inFlight(), "the slot freed by the first post was taken and freed again");
    }

    @Test
    void aPostFreesItsSlotWhenItFailsThrowsOrIsCancelled() {
        CompletableFuture<String> failing = new CompletableFuture<>();
        post(failing).subscribe().withSubscriber(UniAssertSubscriber.create());
        failing.completeExceptionally(new IllegalStateException("the broker did not acknowledge"));
        assertEquals(0, posts.inFlight());

        posts.<String>admit(() -> {
            throw new IllegalArgumentException("not JSON");
        }).subscribe().withSubscriber(UniAssertSubscriber.create()).assertFailedWith(IllegalArgumentException.class);
        assertEquals(0, posts.inFlight());

        UniAssertSubscriber<String> gone = post(new CompletableFuture<>()).subscribe().withSubscriber(UniAssertSubscriber.create());
        assertEquals(1, posts.inFlight());
        gone.cancel(); // the client closed its connection
        assertEquals(0, posts.inFlight());
    }
}

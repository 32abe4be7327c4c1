package org.rasd.ingest.messaging;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.rasd.ingest.IngestConfig;
import org.rasd.ingest.record.ArticleRecord;
import org.rasd.support.http.Problems;
import org.rasd.support.logging.LogContext;
import org.rasd.support.messaging.AcceptedAt;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes article records to the {@code articles} topic, keyed by article id, and waits for the broker's ack.
 * Each record carries the moment it was accepted in a header: the catalog and analytics keep it, so the delay
 * from post to stored and to counted can be measured per article.
 */
@ApplicationScoped
public class ArticlePublisher {

    /** How long a client should wait before posting again after a 503. */
    private static final int RETRY_AFTER_SECONDS = 5;

    private final MutinyEmitter<ArticleRecord> articles;
    private final IngestConfig config;

    public ArticlePublisher(@Channel("articles") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
                            MutinyEmitter<ArticleRecord> articles, IngestConfig config) {
        this.articles = articles;
        this.config = config;
    }

    /**
     * Completes once the broker has the record (acks=all). Fails with a 413 problem when the record is larger
     * than the topics take, and with a 503 problem (post again later) when the broker did not acknowledge it.
     *
     * @param onBroker runs once when the broker has the record: before the returned Uni completes, and even when
     *                 nobody waits for it any more (a client that gave up, a timeout), since the record is on its way
     *                 to the catalog all the same
     */
    public Uni<Void> publish(ArticleRecord article, Runnable onBroker) {
        AtomicBoolean told = new AtomicBoolean();
        Runnable onBrokerOnce = () -> {
            if (told.compareAndSet(false, true)) {
                onBroker.run();
            }
        };
        Message<ArticleRecord> message = Message.of(article)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(article.id())
                        .withHeaders(new RecordHeaders().add(AcceptedAt.HEADER, AcceptedAt.now()))
                        .build())
                .withAck(() -> {
                    onBrokerOnce.run();
                    return CompletableFuture.completedFuture(null);
                });
        return Uni.createFrom().deferred(() -> articles.sendMessage(message)).invoke(onBrokerOnce)
                .ifNoItem().after(config.publishTimeout()).failWith(TimeoutException::new)
                .onFailure().transform(failure -> {
                    if (failure instanceof RecordTooLargeException) {
                        return Problems.problem(Response.Status.REQUEST_ENTITY_TOO_LARGE, "The article's record, with "
                                + "everything extracted from it, is larger than the topics take (" + failure.getMessage()
                                + "); post a shorter article.");
                    }
                    LogContext.article(article.id(), () -> Log.warnf("Article %s not accepted: %s", article.id(), failure.toString()));
                    return HttpProblem.builder(Problems.problem(Response.Status.SERVICE_UNAVAILABLE,
                                    "The article was not stored: the message broker did not acknowledge it in time. Post it again later."))
                            .withHeader("Retry-After", RETRY_AFTER_SECONDS).build();
                });
    }
}

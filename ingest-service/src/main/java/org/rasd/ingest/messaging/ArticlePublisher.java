package org.rasd.ingest.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.rasd.ingest.IngestConfig;
import org.rasd.ingest.record.ArticleRecord;

import java.util.concurrent.TimeoutException;

/** Publishes article records to the {@code articles} topic, keyed by article id, and waits for the broker's ack. */
@ApplicationScoped
public class ArticlePublisher {

    private final MutinyEmitter<ArticleRecord> articles;
    private final IngestConfig config;

    public ArticlePublisher(@Channel("articles") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
                            MutinyEmitter<ArticleRecord> articles, IngestConfig config) {
        this.articles = articles;
        this.config = config;
    }

    /** Completes once the broker has the record (acks=all), or fails with {@link BrokerUnavailableException}. */
    public Uni<Void> publish(ArticleRecord article) {
        Message<ArticleRecord> message = Message.of(article)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(article.id()).build());
        return Uni.createFrom().deferred(() -> articles.sendMessage(message))
                .ifNoItem().after(config.publishTimeout()).failWith(TimeoutException::new)
                .onFailure().transform(failure -> new BrokerUnavailableException(
                        "article " + article.id() + ": " + failure, failure));
    }
}

package org.rasd.support.storage;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * PostgreSQL {@code LISTEN} on a connection of its own: what one instance's transaction says with {@code pg_notify}
 * reaches every instance of the service when it commits. The connection is made in the background, tried again with
 * back-off until the database first answers, and made again a second after it drops. What is said while it is down
 * is not heard: the word only wakes readers, which also look again on their own.
 */
public final class DatabaseNotifications implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DatabaseNotifications.class);
    private static final Duration RECONNECT = Duration.ofSeconds(1);
    private static final Duration MOST_BETWEEN_FIRST_TRIES = Duration.ofSeconds(30);

    private final PgSubscriber subscriber;

    public DatabaseNotifications(Vertx vertx, PgConnectOptions database) {
        this.subscriber = PgSubscriber.subscriber(vertx, database).reconnectPolicy(attempts -> RECONNECT.toMillis());
    }

    /** Calls {@code handler} with the payload of each notification on the channel. */
    public DatabaseNotifications listen(String channel, Consumer<String> handler) {
        subscriber.channel(channel).handler(handler::accept);
        return this;
    }

    /** Connects in the background, retrying until the database answers; from then on the subscriber reconnects by itself. */
    public void connect() {
        Uni.createFrom().completionStage(() -> subscriber.connect().toCompletionStage())
                // a subscriber whose first connection failed connects again only once closed
                .onFailure().call(failure -> Uni.createFrom().completionStage(() -> subscriber.close().toCompletionStage())
                        .onFailure().recoverWithNull())
                .onFailure().invoke(failure -> LOG.warnf("Not listening to the database yet: %s", failure.toString()))
                .onFailure().retry().withBackOff(RECONNECT, MOST_BETWEEN_FIRST_TRIES).indefinitely()
                .subscribe().with(connected -> LOG.debug("Listening to the database's notifications"));
    }

    @Override
    public void close() {
        subscriber.close();
    }
}

package org.rasd.catalog.event;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.rasd.support.storage.DatabaseNotifications;

import java.util.UUID;

/**
 * Word, from any catalog instance to every other, that events entered the stream. The transaction that puts them there
 * (joining events into incidents, taking them away) notifies a PostgreSQL channel, which delivers on its commit; every
 * instance listens on it through a connection of its own and wakes its readers waiting at the end of the stream
 * ({@link EventFeed#eventsStored()}), so they read another instance's events at once rather than at their next
 * recheck. An instance skips its own word: it wakes its readers itself once it has committed. While the listening
 * connection is down (it reconnects by itself) the readers' recheck stands in.
 */
@ApplicationScoped
public class StoreNotifications {

    public static final String CHANNEL = "rasd_event_stream";

    /** Names this instance in its notifications. */
    private final String instance = UUID.randomUUID().toString();
    private final DatabaseNotifications notifications;

    public StoreNotifications(Vertx vertx, EventStreamConfig config, EventFeed feed) {
        EventStreamConfig.Listener listener = config.listener();
        notifications = new DatabaseNotifications(vertx.getDelegate(), PgConnectOptions.fromUri(listener.url())
                .setUser(listener.username()).setPassword(listener.password()))
                .listen(CHANNEL, notifier -> {
                    if (!instance.equals(notifier)) {
                        feed.eventsStored();
                    }
                });
    }

    /** Says, in the transaction that puts events into the stream, that it does: every instance hears it on its commit. */
    public Uni<Void> notifyIn(SqlClient tx) {
        return tx.preparedQuery("select pg_notify($1, $2)").execute(Tuple.of(CHANNEL, instance)).replaceWithVoid();
    }

    void listen(@Observes StartupEvent start) {
        notifications.connect();
    }

    @PreDestroy
    void close() {
        notifications.close();
    }
}

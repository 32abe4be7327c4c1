package org.rasd.analytics;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.rasd.support.storage.UntilStored;
import org.rasd.testing.KafkaTestResource;
import org.rasd.testing.PostgresTestResource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A statement the pool prepared and cached before a migration changed what it returns fails once on each connection
 * that cached it (SQLSTATE 0A000), and the client drops it there: waiting that out, as for a store that is down,
 * stores the record once every connection has prepared it anew, where blaming the record after three failures in a
 * row would have dead-lettered it.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "analytics"))
@QuarkusTestResource(CatalogStub.class)
class StaleStatementTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    /** More connections than the failures in a row after which a record is blamed: each has the statement cached. */
    private static final int CONNECTIONS = 4;

    @Test
    void aStatementCachedBeforeAMigrationIsRetriedOnEveryConnectionUntilPreparedAnew() {
        List<SqlConnection> connections = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS; i++) {
            connections.add(pool.getConnection().await().atMost(WAIT));
        }
        SqlConnection first = connections.getFirst();
        try {
            first.query("drop table if exists stale_probe").execute()
                    .chain(() -> first.query("create table stale_probe (id int)").execute())
                    .chain(() -> first.query("insert into stale_probe values (1)").execute())
                    .await().atMost(WAIT);
            String select = "select * from stale_probe where id = $1";
            for (SqlConnection connection : connections) {
                assertEquals(1, columns(connection, select).await().atMost(WAIT));
            }
            first.query("alter table stale_probe add column note text").execute().await().atMost(WAIT);

            // each try on the next connection, as a pool hands them out: every one fails once
            AtomicInteger tries = new AtomicInteger();
            List<Throwable> waitedOut = new CopyOnWriteArrayList<>();
            int columns = UntilStored.store(() -> columns(connections.get(tries.getAndIncrement() % CONNECTIONS), select),
                    () -> Uni.createFrom().item(true), waitedOut::add).await().atMost(WAIT);
            assertEquals(2, columns, "prepared anew, the statement returns the migrated row");
            assertEquals(CONNECTIONS, waitedOut.size(), "one failure a connection, each waited out: " + waitedOut);
            waitedOut.forEach(failure -> assertEquals("0A000", ((PgException) failure).getSqlState()));
        } finally {
            first.query("drop table if exists stale_probe").execute().await().atMost(WAIT);
            connections.forEach(connection -> connection.close().await().atMost(WAIT));
        }
    }

    private static Uni<Integer> columns(SqlConnection connection, String select) {
        return connection.preparedQuery(select).execute(Tuple.of(1)).map(rows -> rows.iterator().next().size());
    }
}

package org.rasd.support.messaging;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.rasd.support.logging.LogContext;
import org.rasd.support.storage.RecordAtFaultException;
import org.rasd.support.storage.UntilStored;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Stores what a poll brought, all of it in one call of the store: a record that cannot be read goes to the
 * dead-letter topic at once; a store that is down is waited out ({@link UntilStored}); a batch that fails for a
 * record's sake is stored again record by record, so that only the records at fault are dead-lettered and
 * every other one is stored. The consumer acknowledges the poll once this completes.
 *
 * @param <T> a record as read
 * @param <R> what storing a batch gives, handed to {@code afterStored}
 */
public final class PollStorage<T, R> {

    /** Reads a record, or throws {@link RecordAtFaultException} saying why it is not one. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(ConsumerRecord<String, String> record);
    }

    private record Received<T>(ConsumerRecord<String, String> record, T item) {
    }

    private final Reader<T> reader;
    private final Function<List<T>, Uni<R>> store;
    private final Supplier<Uni<Boolean>> storeAnswers;
    private final Function<R, Uni<Void>> afterStored;
    private final MutinyEmitter<String> deadLetters;
    private final Function<ConsumerRecord<String, String>, Map<String, String>> about;

    /**
     * @param store        stores a batch in one transaction
     * @param storeAnswers whether the store answers a trivial query right now
     * @param afterStored  what follows a stored batch (telling subscribers, relaying); its failure is the
     *                     caller's to handle, the batch stays stored
     * @param about        what a record is about (its article, its event), from its key or headers: the MDC of the
     *                     lines logged about it alone ({@link LogContext})
     */
    public PollStorage(Reader<T> reader, Function<List<T>, Uni<R>> store, Supplier<Uni<Boolean>> storeAnswers,
                       Function<R, Uni<Void>> afterStored, MutinyEmitter<String> deadLetters,
                       Function<ConsumerRecord<String, String>, Map<String, String>> about) {
        this.reader = reader;
        this.store = store;
        this.storeAnswers = storeAnswers;
        this.afterStored = afterStored;
        this.deadLetters = deadLetters;
        this.about = about;
    }

    public Uni<Void> store(ConsumerRecords<String, String> records) {
        List<Received<T>> readable = new ArrayList<>();
        Uni<Void> unreadable = Uni.createFrom().voidItem();
        for (ConsumerRecord<String, String> record : records) {
            try {
                readable.add(new Received<>(record, reader.read(record)));
            } catch (RecordAtFaultException notReadable) {
                unreadable = unreadable.chain(() -> DeadLetters.send(deadLetters, record, notReadable.getMessage(), about.apply(record)));
            }
        }
        return unreadable.chain(() -> readable.isEmpty() ? Uni.createFrom().voidItem() : store(readable));
    }

    private Uni<Void> store(List<Received<T>> batch) {
        ConsumerRecord<String, String> first = batch.getFirst().record();
        Map<String, String> aboutOne = batch.size() == 1 ? about.apply(first) : Map.of();
        return UntilStored.store(() -> store.apply(batch.stream().map(Received::item).toList()), storeAnswers,
                        failure -> LogContext.with(aboutOne, () -> Log.warnf("%d record(s) from %s-%d@%d not stored yet, retrying: %s",
                                batch.size(), first.topic(), first.partition(), first.offset(), failure.toString())))
                .chain(stored -> afterStored.apply(stored))
                .onFailure(RecordAtFaultException.class).recoverWithUni(failure -> batch.size() == 1
                        ? DeadLetters.send(deadLetters, first, failure.getMessage(), aboutOne)
                        : oneByOne(batch));
    }

    private Uni<Void> oneByOne(List<Received<T>> batch) {
        Uni<Void> stored = Uni.createFrom().voidItem();
        for (Received<T> received : batch) {
            stored = stored.chain(() -> store(List.of(received)));
        }
        return stored;
    }
}

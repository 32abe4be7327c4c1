package org.rasd.support.http;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Every page of a listing that hands out the cursor of its next page (null after the last): a loop, not a
 * recursion, so a listing of any length holds one page at a time.
 */
public final class CursorPages {

    /**
     * @param first where to start, or null for the first page
     * @param page  reads the page after a cursor
     * @param next  the cursor a page gives for the one after it
     */
    public static <P> Multi<P> from(String first, Function<String, Uni<P>> page, Function<P, String> next) {
        AtomicReference<String> cursor = new AtomicReference<>(first);
        return Multi.createBy().repeating()
                .uni(() -> page.apply(cursor.get()).invoke(read -> cursor.set(next.apply(read))))
                .whilst(read -> next.apply(read) != null);
    }

    private CursorPages() {
    }
}

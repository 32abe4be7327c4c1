package org.rasd.catalog.event;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.smallrye.mutiny.Uni;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Newest-first keyset pages over rows with a sort date and a storage sequence (events, incidents): a cursor names
 * the last row of the previous page, so a page costs the same however deep it is.
 */
public final class NewestFirst {

    public record Cursor(LocalDate sortDate, long seq) {

        public Cursor {
            EventFilter.storable(sortDate);
        }

        public String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((sortDate + "|" + seq).getBytes(StandardCharsets.UTF_8));
        }

        /** @throws IllegalArgumentException when the text is not a cursor this service gave out */
        public static Cursor decode(String text) {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 2) {
                throw new IllegalArgumentException("not a cursor");
            }
            return new Cursor(LocalDate.parse(parts[0]), Long.parseLong(parts[1]));
        }
    }

    public record Page<T>(List<T> items, String nextCursor) {
    }

    /**
     * The HQL query of the rows after the cursor, newest first; it adds the cursor's parameters.
     *
     * @param entity the entity and its alias, as in {@code "from CatalogEvent e"}
     */
    public static String query(String entity, String alias, EventFilter.Query where, Cursor after) {
        if (after != null) {
            where.conditions().add("(%1$s.sortDate < :afterDate or (%1$s.sortDate = :afterDate and %1$s.seq < :afterSeq))".formatted(alias));
            where.parameters().and("afterDate", after.sortDate()).and("afterSeq", after.seq());
        }
        return where.from(entity + " " + alias) + " order by %1$s.sortDate desc, %1$s.seq desc".formatted(alias);
    }

    /**
     * Runs the query for one page: at most {@code limit} rows, with the cursor of the next page when there is one.
     *
     * @param position the cursor that names a row
     * @param item     what the page shows of a row
     */
    public static <T, R> Uni<Page<R>> list(PanacheQuery<T> query, int limit, Function<T, Cursor> position, Function<T, R> item) {
        return query.page(io.quarkus.panache.common.Page.ofSize(limit + 1)).list()
                .map(found -> page(found, limit, position.andThen(Cursor::encode), item));
    }

    /**
     * A page of a keyset listing read one row beyond the limit: that row, when it came, says there is a next page.
     *
     * @param cursor the encoded cursor that names a row, given for the page's last when more follow
     */
    public static <T, R> Page<R> page(List<T> found, int limit, Function<T, String> cursor, Function<T, R> item) {
        boolean more = found.size() > limit;
        List<T> page = more ? found.subList(0, limit) : found;
        return new Page<>(page.stream().map(item).toList(), more ? cursor.apply(page.getLast()) : null);
    }

    private NewestFirst() {
    }
}

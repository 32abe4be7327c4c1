package org.rasd.support.messaging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Helpers for records consumed a poll at a time. */
public final class Batches {

    /**
     * The first item of each key, in order: a redelivery inside one poll must not be written twice, and one
     * multi-row upsert may not touch the same row twice.
     */
    public static <T> List<T> firstOfEachKey(List<T> items, Function<T, String> key) {
        Map<String, T> byKey = new LinkedHashMap<>();
        items.forEach(item -> byKey.putIfAbsent(key.apply(item), item));
        return List.copyOf(byKey.values());
    }

    private Batches() {
    }
}

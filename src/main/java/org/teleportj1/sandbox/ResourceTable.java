package org.teleportj1.sandbox;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Resources of one kind, sorted by key like Teleport's backend, safe for concurrent readers and
 * writers. A value is held as a supplier so that generated resources (100k users, 300k
 * memberships) cost only their key until a page asks for them: the protobuf is rebuilt from its
 * index on every read instead of being kept in the heap.
 */
final class ResourceTable<T> {
    private final ConcurrentSkipListMap<String, Supplier<T>> entries = new ConcurrentSkipListMap<>();
    // ConcurrentSkipListMap.size() walks the whole map; paging asks for sizes often.
    private final AtomicInteger size = new AtomicInteger();

    void put(String key, T value) {
        putLazy(key, () -> value);
    }

    void putLazy(String key, Supplier<T> value) {
        if (entries.put(key, value) == null) {
            size.incrementAndGet();
        }
    }

    Optional<T> remove(String key) {
        Supplier<T> removed = entries.remove(key);
        if (removed == null) {
            return Optional.empty();
        }
        size.decrementAndGet();
        return Optional.of(removed.get());
    }

    Optional<T> get(String key) {
        Supplier<T> value = entries.get(key);
        return value == null ? Optional.empty() : Optional.of(value.get());
    }

    boolean contains(String key) {
        return entries.containsKey(key);
    }

    int size() {
        return size.get();
    }

    /** Number of keys starting with {@code prefix}, without building any resource. */
    int countWithin(String prefix) {
        return within(prefix).size();
    }

    List<String> keysWithin(String prefix) {
        return new ArrayList<>(within(prefix).keySet());
    }

    Stream<T> values() {
        return entries.values().stream().map(Supplier::get);
    }

    Stream<T> valuesWithin(String prefix) {
        return within(prefix).values().stream().map(Supplier::get);
    }

    /** Iterates lazily, so a stream of 100k users never materialises at once. */
    Iterator<T> iterator() {
        Iterator<Supplier<T>> suppliers = entries.values().iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return suppliers.hasNext();
            }

            @Override
            public T next() {
                return suppliers.next().get();
            }
        };
    }

    /**
     * Up to {@code limit} resources whose keys start with {@code prefix} ("" for all), from
     * {@code start} (null for the beginning), skipping keys {@code skip} rejects.
     */
    Page<T> page(String prefix, String start, boolean inclusive, int limit, Predicate<String> skip) {
        NavigableMap<String, Supplier<T>> range = within(prefix);
        if (start != null) {
            range = range.tailMap(start, inclusive);
        }
        List<T> items = new ArrayList<>(Math.min(limit, 1024));
        String lastKey = null;
        for (Map.Entry<String, Supplier<T>> entry : range.entrySet()) {
            if (skip.test(entry.getKey())) {
                continue;
            }
            if (items.size() == limit) {
                return new Page<>(items, lastKey, entry.getKey());
            }
            items.add(entry.getValue().get());
            lastKey = entry.getKey();
        }
        return new Page<>(items, lastKey, null);
    }

    Page<T> page(String prefix, String start, boolean inclusive, int limit) {
        return page(prefix, start, inclusive, limit, key -> false);
    }

    private NavigableMap<String, Supplier<T>> within(String prefix) {
        if (prefix.isEmpty()) {
            return entries;
        }
        // Same trick as Teleport's backend range ends: the prefix with its last character bumped.
        char last = prefix.charAt(prefix.length() - 1);
        String end = prefix.substring(0, prefix.length() - 1) + (char) (last + 1);
        return entries.subMap(prefix, true, end, false);
    }
}

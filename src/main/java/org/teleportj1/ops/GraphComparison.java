package org.teleportj1.ops;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The key-level comparison of a run's fingerprints with its baseline's, in at most three streaming
 * passes: the baseline into a {@link KeyIndex} (which can be done before the run's graph is
 * complete); the current run against it (added, changed); and,
 * only when the index has keys the run did not see, the baseline again for the removed keys to
 * list, stopping once they are all found. The removed counts come from the index itself.
 */
final class GraphComparison {
    private final SortedMap<String, Lists> types = new TreeMap<>();

    private GraphComparison() {
    }

    /** The changes per _type between the baseline ({@code objects} records in {@code baseline}) and {@code current}. */
    static SortedMap<String, ChangeReport.TypeChanges> compare(Path baseline, long objects, Path current) {
        return compare(index(baseline, objects), current);
    }

    /** The first pass, which needs only the baseline: its keys in an index. Compared once ({@link #compare(Indexed, Path)} marks it). */
    record Indexed(Path baseline, KeyIndex keys, List<String> types) {
    }

    static Indexed index(Path baseline, long objects) {
        KeyIndex before = new KeyIndex(objects);
        try (FingerprintReader then = FingerprintReader.open(baseline)) {
            while (then.next()) {
                before.put(then.keyHash(), then.contentHash(), then.typeIndex());
            }
            return new Indexed(baseline, before, List.copyOf(then.types()));
        }
    }

    /** The changes per _type between the indexed baseline and {@code current}. */
    static SortedMap<String, ChangeReport.TypeChanges> compare(Indexed baseline, Path current) {
        GraphComparison comparison = new GraphComparison();
        KeyIndex before = baseline.keys();
        try (FingerprintReader now = FingerprintReader.open(current)) {
            while (now.next()) {
                int slot = before.find(now.keyHash());
                if (slot < 0) {
                    comparison.lists(now.type()).added(now::key);
                } else if (!before.see(slot, now.contentHash())) {
                    comparison.lists(now.type()).changed(now::key);
                }
            }
        }
        comparison.listRemoved(baseline.baseline(), before, baseline.types());
        SortedMap<String, ChangeReport.TypeChanges> byType = new TreeMap<>();
        comparison.types.forEach((type, lists) -> byType.put(type, lists.sorted()));
        return byType;
    }

    private void listRemoved(Path baseline, KeyIndex before, List<String> beforeTypes) {
        long[] removed = before.removedByType();
        long[] toList = new long[removed.length];
        long left = 0;
        for (int type = 0; type < beforeTypes.size(); type++) {
            if (removed[type] > 0) {
                lists(beforeTypes.get(type)).removed = removed[type];
                toList[type] = Math.min(removed[type], ChangeReport.KEYS_LISTED);
                left += toList[type];
            }
        }
        if (left == 0) {
            return;
        }
        try (FingerprintReader then = FingerprintReader.open(baseline)) {
            while (left > 0 && then.next()) {
                if (toList[then.typeIndex()] > 0 && before.removed(then.keyHash())) {
                    lists(then.type()).removedKeys.add(then.key());
                    toList[then.typeIndex()]--;
                    left--;
                }
            }
        }
    }

    private Lists lists(String type) {
        return types.computeIfAbsent(type, t -> new Lists());
    }

    /**
     * One _type's counts and the first {@link ChangeReport#KEYS_LISTED} keys of each kind in file
     * order (removed: count and keys are filled in by {@link #listRemoved}).
     */
    private static final class Lists {
        long added;
        long removed;
        long changed;
        final List<String> addedKeys = new ArrayList<>();
        final List<String> removedKeys = new ArrayList<>();
        final List<String> changedKeys = new ArrayList<>();

        void added(Supplier<String> key) {
            added++;
            list(addedKeys, key);
        }

        void changed(Supplier<String> key) {
            changed++;
            list(changedKeys, key);
        }

        private static void list(List<String> keys, Supplier<String> key) {
            if (keys.size() < ChangeReport.KEYS_LISTED) {
                keys.add(key.get());
            }
        }

        ChangeReport.TypeChanges sorted() {
            addedKeys.sort(null);
            removedKeys.sort(null);
            changedKeys.sort(null);
            return new ChangeReport.TypeChanges(added, removed, changed, List.copyOf(addedKeys),
                    List.copyOf(removedKeys), List.copyOf(changedKeys));
        }
    }
}

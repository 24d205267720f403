package org.teleportj1.ops;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What changed in a cluster's graph since its last successful run, by {@code _type}: keys added,
 * removed, and keys whose uploaded content differs. The first thing to look at after a J1 alert.
 *
 * @param cluster          the cluster
 * @param runId            this run
 * @param baselineRunId    the last successful run compared with; null on the first run
 * @param baselineAt       when that run succeeded; null on the first run
 * @param byType           changes per _type, only types with a change
 */
public record ChangeReport(String cluster, String runId, String baselineRunId, Instant baselineAt,
                           SortedMap<String, TypeChanges> byType) {

    /** Keys listed per _type and kind of change; the counts are always complete. */
    static final int KEYS_LISTED = 1000;

    /** The changes of one _type: counts, and the first {@value #KEYS_LISTED} keys of each kind, sorted. */
    public record TypeChanges(long addedCount, long removedCount, long changedCount,
                              List<String> added, List<String> removed, List<String> changed) {
    }

    /**
     * Compares {@code current} (closed) with {@code baseline}, streaming both: the baseline's keys
     * are held only as hashes ({@link KeyIndex}). Without a baseline every object counts as added
     * and no keys are listed.
     */
    public static ChangeReport compare(String cluster, String runId, FingerprintState.Baseline baseline,
                                       GraphFingerprints current) {
        current.close();
        SortedMap<String, Lists> types = new TreeMap<>();
        if (baseline == null) {
            current.countsByType().forEach((type, count) -> types.computeIfAbsent(type, t -> new Lists()).added = count);
            return report(cluster, runId, null, types);
        }
        try {
            KeyIndex before = new KeyIndex(baseline.objects());
            try (FingerprintReader then = FingerprintReader.open(baseline.file())) {
                while (then.next()) {
                    before.put(then.keyHash(), then.contentHash());
                }
            }
            try (FingerprintReader now = FingerprintReader.open(current.file())) {
                while (now.next()) {
                    int slot = before.find(now.keyHash());
                    if (slot < 0) {
                        types.computeIfAbsent(now.type(), t -> new Lists()).add(now.key(), Change.ADDED);
                    } else {
                        before.markSeen(slot);
                        if (before.value(slot) != now.contentHash()) {
                            types.computeIfAbsent(now.type(), t -> new Lists()).add(now.key(), Change.CHANGED);
                        }
                    }
                }
            }
            try (FingerprintReader then = FingerprintReader.open(baseline.file())) {
                while (then.next()) {
                    if (!before.wasSeen(then.keyHash())) {
                        types.computeIfAbsent(then.type(), t -> new Lists()).add(then.key(), Change.REMOVED);
                    }
                }
            }
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot compare with the change-report baseline " + baseline.file() + " ("
                    + e.getMessage() + "). If it is damaged, delete it: the next run then reports every object as"
                    + " added and starts a new baseline.", e);
        }
        return report(cluster, runId, baseline, types);
    }

    private static ChangeReport report(String cluster, String runId, FingerprintState.Baseline baseline,
                                       SortedMap<String, Lists> types) {
        SortedMap<String, TypeChanges> byType = new TreeMap<>();
        types.forEach((type, lists) -> byType.put(type, lists.sorted()));
        return new ChangeReport(cluster, runId, baseline == null ? null : baseline.runId(),
                baseline == null ? null : baseline.succeededAt(), byType);
    }

    public boolean firstRun() {
        return baselineRunId == null;
    }

    public boolean isEmpty() {
        return byType.isEmpty();
    }

    public long added() {
        return byType.values().stream().mapToLong(TypeChanges::addedCount).sum();
    }

    public long removed() {
        return byType.values().stream().mapToLong(TypeChanges::removedCount).sum();
    }

    public long changed() {
        return byType.values().stream().mapToLong(TypeChanges::changedCount).sum();
    }

    /** For the log: totals, a line per _type, and the first keys of each kind of change. */
    public String table(int keysPerType) {
        StringBuilder out = new StringBuilder();
        if (firstRun()) {
            out.append(String.format("Cluster '%s': first successful run, no earlier graph to compare with;"
                    + " %d objects become the baseline of the next change report", cluster, added()));
            return out.toString();
        }
        out.append(String.format("Changes in cluster '%s' since run %s: %d added, %d removed, %d changed",
                cluster, baselineRunId, added(), removed(), changed()));
        if (isEmpty()) {
            return out.toString();
        }
        out.append(System.lineSeparator())
                .append(String.format("  %-48s %8s %8s %8s", "_type", "added", "removed", "changed"));
        byType.forEach((type, c) -> out.append(System.lineSeparator()).append(String.format(
                "  %-48s %8d %8d %8d", type, c.addedCount(), c.removedCount(), c.changedCount())));
        byType.forEach((type, c) -> {
            keys(out, "+", c.added(), c.addedCount(), keysPerType);
            keys(out, "-", c.removed(), c.removedCount(), keysPerType);
            keys(out, "~", c.changed(), c.changedCount(), keysPerType);
        });
        return out.toString();
    }

    private static void keys(StringBuilder out, String sign, List<String> keys, long count, int limit) {
        keys.stream().limit(limit).forEach(key -> out.append(System.lineSeparator()).append("  ").append(sign)
                .append(' ').append(key));
        if (count > Math.min(limit, keys.size())) {
            out.append(System.lineSeparator()).append("  ").append(sign).append(" ... ")
                    .append(count - Math.min(limit, keys.size())).append(" more");
        }
    }

    private enum Change { ADDED, REMOVED, CHANGED }

    private static final class Lists {
        long added;
        long removed;
        long changed;
        final List<String> addedKeys = new ArrayList<>();
        final List<String> removedKeys = new ArrayList<>();
        final List<String> changedKeys = new ArrayList<>();

        void add(String key, Change change) {
            List<String> keys = switch (change) {
                case ADDED -> {
                    added++;
                    yield addedKeys;
                }
                case REMOVED -> {
                    removed++;
                    yield removedKeys;
                }
                case CHANGED -> {
                    changed++;
                    yield changedKeys;
                }
            };
            if (keys.size() < KEYS_LISTED) {
                keys.add(key);
            }
        }

        TypeChanges sorted() {
            addedKeys.sort(null);
            removedKeys.sort(null);
            changedKeys.sort(null);
            return new TypeChanges(added, removed, changed, List.copyOf(addedKeys), List.copyOf(removedKeys),
                    List.copyOf(changedKeys));
        }
    }
}

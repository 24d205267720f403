package org.teleportj1.ops;

import java.time.Instant;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;

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
     * Compares {@code current} (closed) with {@code baseline}, streaming both ({@link GraphComparison}):
     * the baseline's keys are held only as hashes. Without a baseline every object counts as added
     * and no keys are listed.
     */
    public static ChangeReport compare(String cluster, String runId, FingerprintState.Baseline baseline,
                                       GraphFingerprints current) {
        return compare(cluster, runId, baseline, current,
                () -> GraphComparison.index(baseline.file(), baseline.objects()));
    }

    /** With the baseline's index from {@code indexed} (read earlier, or now). */
    static ChangeReport compare(String cluster, String runId, FingerprintState.Baseline baseline,
                                GraphFingerprints current, Supplier<GraphComparison.Indexed> indexed) {
        current.close();
        if (baseline == null) {
            SortedMap<String, TypeChanges> byType = new TreeMap<>();
            current.countsByType().forEach((type, count) ->
                    byType.put(type, new TypeChanges(count, 0, 0, List.of(), List.of(), List.of())));
            return new ChangeReport(cluster, runId, null, null, byType);
        }
        try {
            return new ChangeReport(cluster, runId, baseline.runId(), baseline.succeededAt(),
                    GraphComparison.compare(indexed.get(), current.file()));
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot compare with the change-report baseline " + baseline.file() + " ("
                    + e.getMessage() + "). If it is damaged, delete it: the next run then reports every object as"
                    + " added and starts a new baseline.", e);
        }
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
}

package org.teleportj1.ops;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    /** The changed keys of one _type, each list sorted. */
    public record TypeChanges(List<String> added, List<String> removed, List<String> changed) {
        int total() {
            return added.size() + removed.size() + changed.size();
        }
    }

    /** Compares {@code current} with {@code baseline}; without a baseline every object counts as added. */
    public static ChangeReport compare(String cluster, String runId, FingerprintState.Baseline baseline,
                                       GraphFingerprints current) {
        Map<String, GraphFingerprints.Fingerprint> before = baseline == null ? Map.of() : baseline.graph().objects();
        Map<String, GraphFingerprints.Fingerprint> after = current.objects();
        SortedMap<String, Lists> types = new TreeMap<>();
        after.forEach((key, now) -> {
            GraphFingerprints.Fingerprint then = before.get(key);
            if (then == null) {
                types.computeIfAbsent(now.type(), t -> new Lists()).added.add(key);
            } else if (!then.hash().equals(now.hash())) {
                types.computeIfAbsent(now.type(), t -> new Lists()).changed.add(key);
            }
        });
        before.forEach((key, then) -> {
            if (!after.containsKey(key)) {
                types.computeIfAbsent(then.type(), t -> new Lists()).removed.add(key);
            }
        });
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
        return byType.values().stream().mapToLong(c -> c.added().size()).sum();
    }

    public long removed() {
        return byType.values().stream().mapToLong(c -> c.removed().size()).sum();
    }

    public long changed() {
        return byType.values().stream().mapToLong(c -> c.changed().size()).sum();
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
                "  %-48s %8d %8d %8d", type, c.added().size(), c.removed().size(), c.changed().size())));
        byType.forEach((type, c) -> {
            keys(out, "+", c.added(), keysPerType);
            keys(out, "-", c.removed(), keysPerType);
            keys(out, "~", c.changed(), keysPerType);
        });
        return out.toString();
    }

    private static void keys(StringBuilder out, String sign, List<String> keys, int limit) {
        keys.stream().limit(limit).forEach(key -> out.append(System.lineSeparator()).append("  ").append(sign)
                .append(' ').append(key));
        if (keys.size() > limit) {
            out.append(System.lineSeparator()).append("  ").append(sign).append(" ... ")
                    .append(keys.size() - limit).append(" more");
        }
    }

    private static final class Lists {
        final List<String> added = new ArrayList<>();
        final List<String> removed = new ArrayList<>();
        final List<String> changed = new ArrayList<>();

        TypeChanges sorted() {
            added.sort(null);
            removed.sort(null);
            changed.sort(null);
            return new TypeChanges(List.copyOf(added), List.copyOf(removed), List.copyOf(changed));
        }
    }
}

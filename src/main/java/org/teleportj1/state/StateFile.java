package org.teleportj1.state;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code <state-dir>/<cluster>/state.json}: everything small a cluster keeps between runs.
 *
 * @param cluster         the cluster's short name
 * @param lastApplied     the last run each delivery target applied completely (or partially)
 * @param rememberedUsers SSO users seen in earlier runs and when they were last seen
 * @param runInProgress   the run now running, or one that died
 */
record StateFile(String cluster, Map<String, LastSuccess> lastApplied, Map<String, Instant> rememberedUsers,
                 RunInProgress runInProgress) {
    StateFile {
        // unmodifiable: ClusterState hands out the same object again while the file is unchanged
        lastApplied = lastApplied == null ? Map.of() : Collections.unmodifiableSortedMap(new TreeMap<>(lastApplied));
        rememberedUsers = rememberedUsers == null ? Map.of()
                : Collections.unmodifiableSortedMap(new TreeMap<>(rememberedUsers));
    }

    static StateFile empty(String cluster) {
        return new StateFile(cluster, Map.of(), Map.of(), null);
    }

    StateFile applied(String target, LastSuccess run) {
        Map<String, LastSuccess> runs = new TreeMap<>(lastApplied);
        runs.put(target, run);
        return new StateFile(cluster, runs, rememberedUsers, runInProgress);
    }

    StateFile remembering(Map<String, Instant> users) {
        return new StateFile(cluster, lastApplied, users, runInProgress);
    }

    StateFile running(RunInProgress run) {
        return new StateFile(cluster, lastApplied, rememberedUsers, run);
    }
}

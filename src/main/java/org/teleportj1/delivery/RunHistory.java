package org.teleportj1.delivery;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.camel.ExchangeProperty;
import org.teleportj1.state.LastSuccess;
import org.teleportj1.state.ClusterState;
import org.teleportj1.state.StateDirectory;
import org.teleportj1.run.SyncRun;

/**
 * After the target applied the run (J1 reported the job FINISHED, or the dry-run files are in
 * place): remembers it as the target's last applied run (also a partial run: J1 holds its newer
 * data, so replaying an older snapshot would roll that back), and the SSO users it saw.
 */
public class RunHistory {
    private final StateDirectory state;

    public RunHistory(StateDirectory state) {
        this.state = state;
    }

    public void applied(@ExchangeProperty(SyncRun.PROPERTY) SyncRun run) {
        ClusterState cluster = state.cluster(run.cluster());
        String target = run.mode().target();
        Instant snapshot = run.snapshotAt();
        Map<String, Long> counts = run.batcher().countsByType();
        if (!run.delivery().partialTypes().isEmpty()) {
            counts = keptInJ1(counts, cluster.lastApplied(target), run.delivery().partialTypes());
        }
        long objects = counts.values().stream().mapToLong(Long::longValue).sum();
        LastSuccess applied = new LastSuccess(run.runId(), run.jobId(), snapshot, Instant.now(), objects, counts);
        if (run.replay().isPresent()) {
            cluster.applied(target, applied); // a replay re-sends an old graph: it saw no users now
        } else {
            cluster.applied(target, applied, run.graph()::usersToRemember);
        }
    }

    /**
     * J1 kept the earlier objects of the partial types, so the next run's deletion guard must
     * compare against at least those counts, not against what this run managed to read.
     */
    private static Map<String, Long> keptInJ1(Map<String, Long> read, Optional<LastSuccess> previous,
                                              Set<String> partial) {
        Map<String, Long> counts = new TreeMap<>(read);
        previous.ifPresent(last -> last.countsByType().forEach((type, count) -> {
            if (partial.contains(type)) {
                counts.merge(type, count, Math::max);
            }
        }));
        return counts;
    }
}

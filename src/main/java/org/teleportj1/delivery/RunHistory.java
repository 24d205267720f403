package org.teleportj1.delivery;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.camel.Exchange;
import org.teleportj1.state.LastSuccess;
import org.teleportj1.state.RunStateStore;
import org.teleportj1.run.SyncRun;

/**
 * After J1 reported the job FINISHED: remembers the run as the cluster's last applied one (also a
 * partial run: J1 holds its newer data, so replaying an older snapshot would roll that back).
 */
public class RunHistory {
    private final RunStateStore state;

    public RunHistory(RunStateStore state) {
        this.state = state;
    }

    public void applied(Exchange exchange) throws IOException {
        SyncRun run = exchange.getProperty(SyncRun.PROPERTY, SyncRun.class);
        Instant snapshot = run.delivery().snapshotAt() == null ? run.startedAt() : run.delivery().snapshotAt();
        Map<String, Long> counts = run.batcher().countsByType();
        if (run.isPartial()) {
            counts = keptInJ1(counts, state.lastSuccess(run.cluster()), run.delivery().partialTypes());
        }
        long objects = counts.values().stream().mapToLong(Long::longValue).sum();
        state.recordSuccess(run.cluster(), new LastSuccess(run.runId(), run.jobId(), snapshot, Instant.now(),
                objects, counts));
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

package org.teleportj1.ops;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.teleportj1.run.RunResult;
import org.teleportj1.run.SyncRun;
import org.teleportj1.state.StateDirectory;

/**
 * How each cluster's latest run ended and when its last successful run was: what the health
 * checks and gauges report. The last success survives restarts: until this process has a run of
 * its own, it is the last run the delivery target applied, from the cluster's state.
 */
public class SyncStatus {

    /** The latest runs of one cluster. */
    public record ClusterStatus(String lastRunId, RunResult lastResult, String lastFailure, Instant lastRunAt,
                                String lastSuccessRunId, Instant lastSuccessAt) {
    }

    private final StateDirectory state;
    private final String target;
    private final Map<String, ClusterStatus> clusters = new ConcurrentHashMap<>();

    public SyncStatus(StateDirectory state, String target) {
        this.state = state;
        this.target = target;
    }

    public void record(SyncRun run) {
        clusters.compute(run.cluster(), (cluster, before) -> {
            ClusterStatus known = before != null ? before : fromState(cluster).orElse(null);
            boolean ok = run.result() == RunResult.SUCCEEDED;
            Instant ended = run.finishedAt() == null ? Instant.now() : run.finishedAt();
            return new ClusterStatus(run.runId(), run.result(), run.failure(), ended,
                    ok ? run.runId() : known == null ? null : known.lastSuccessRunId(),
                    ok ? ended : known == null ? null : known.lastSuccessAt());
        });
    }

    /** The cluster's status; before its first run here, only the last success known from the state. */
    public Optional<ClusterStatus> of(String cluster) {
        ClusterStatus known = clusters.get(cluster);
        return known != null ? Optional.of(known) : fromState(cluster);
    }

    /**
     * Only the last success the delivery target applied, from the cluster's state: all a follower
     * knows, the state directory being shared with the leader (its own runs may be long past).
     */
    public Optional<ClusterStatus> lastApplied(String cluster) {
        return fromState(cluster);
    }

    private Optional<ClusterStatus> fromState(String cluster) {
        try {
            return state.cluster(cluster).lastApplied(target).map(last -> new ClusterStatus(null, null, null, null,
                    last.runId(), last.appliedAt()));
        } catch (RuntimeException unreadable) {
            return Optional.empty(); // the next run says why, with the fix
        }
    }
}

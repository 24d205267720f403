package org.teleportj1.ops;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.teleportj1.run.RunResult;
import org.teleportj1.run.SyncRun;

/**
 * How each cluster's latest run ended and when its last successful run was: what the health
 * checks and gauges report. The last success survives restarts: until this process has a run of
 * its own, it is read from the change-report state.
 */
public class SyncStatus {

    /** The latest runs of one cluster. */
    public record ClusterStatus(String lastRunId, RunResult lastResult, String lastFailure, Instant lastRunAt,
                                String lastSuccessRunId, Instant lastSuccessAt) {
    }

    private final FingerprintState state;
    private final Map<String, ClusterStatus> clusters = new ConcurrentHashMap<>();

    public SyncStatus(FingerprintState state) {
        this.state = state;
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

    private Optional<ClusterStatus> fromState(String cluster) {
        return state.lastSuccess(cluster).map(baseline -> new ClusterStatus(null, null, null, null,
                baseline.runId(), baseline.succeededAt()));
    }
}

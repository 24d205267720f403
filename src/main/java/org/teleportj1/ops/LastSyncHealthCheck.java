package org.teleportj1.ops;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.teleportj1.run.RunResult;

/**
 * {@code teleport-j1/last-sync}: per cluster the last successful sync and its age, and how the latest
 * run ended. Down when a cluster's latest run failed, or when its last success is older than
 * {@code ops.health.max-sync-age-minutes} (0: age not judged). Details per cluster:
 * {@code <cluster>.lastSuccessAt}, {@code .lastSuccessAgeSeconds}, {@code .lastResult}, {@code .lastFailure}.
 * A cluster this replica follows is not judged: the leader syncs it, and this replica's own runs
 * (from when it led) are no news; its last success comes from the shared state.
 */
public class LastSyncHealthCheck extends ReadinessCheck {
    private final CamelContext context;
    private final SyncStatus status;
    private final Duration maxAge;
    private final Clock clock;

    public LastSyncHealthCheck(CamelContext context, SyncStatus status, Duration maxAge, Clock clock) {
        super("last-sync");
        this.context = context;
        this.status = status;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.up();
        StringBuilder problems = new StringBuilder();
        Leadership leadership = Leadership.of(context);
        for (ClusterRoute cluster : ConfiguredClusters.of(context)) {
            String name = cluster.cluster();
            boolean follower = leadership.role(name) == Leadership.Role.FOLLOWER;
            SyncStatus.ClusterStatus known = (follower ? status.lastApplied(name) : status.of(name)).orElse(null);
            if (follower) {
                builder.detail(name + ".leadership", Leadership.describe(leadership, name));
            }
            if (known == null) {
                builder.detail(name + ".lastResult", "none yet");
                continue;
            }
            if (known.lastSuccessAt() != null) {
                long age = Duration.between(known.lastSuccessAt(), clock.instant()).getSeconds();
                builder.detail(name + ".lastSuccessAt", known.lastSuccessAt().toString());
                builder.detail(name + ".lastSuccessAgeSeconds", age);
                builder.detail(name + ".lastSuccessRunId", known.lastSuccessRunId());
                if (!follower && !maxAge.isZero() && age > maxAge.getSeconds()) {
                    problems.append(problems.isEmpty() ? "" : "; ").append(name).append(": last success ")
                            .append(age / 60).append(" min ago, more than ").append(maxAge.toMinutes());
                }
            }
            if (known.lastResult() != null) {
                builder.detail(name + ".lastResult", known.lastResult().name().toLowerCase(java.util.Locale.ROOT));
                builder.detail(name + ".lastRunId", known.lastRunId());
            }
            if (known.lastResult() == RunResult.PARTIAL) {
                // delivered, but some types are stale in J1 until a complete run: worth attention
                problems.append(problems.isEmpty() ? "" : "; ").append(name)
                        .append(": latest run was partial (a Teleport listing failed; see its summary)");
            }
            if (known.lastResult() == RunResult.FAILED) {
                builder.detail(name + ".lastFailure", known.lastFailure());
                problems.append(problems.isEmpty() ? "" : "; ").append(name).append(": latest run failed: ")
                        .append(known.lastFailure());
            }
        }
        if (!problems.isEmpty()) {
            builder.down();
        }
        builder.message(problems.isEmpty() ? "no cluster's latest run failed" : problems.toString());
    }
}

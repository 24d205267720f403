package org.teleportj1.state;

import java.time.Instant;

/**
 * A run that has started and not yet ended, kept in the cluster's state file while it runs: when
 * the process dies, the next run of the cluster finds it and cleans up after it.
 *
 * @param runId     the run
 * @param target    its delivery target ({@code jupiterone}, {@code dry-run})
 * @param startedAt when it started
 * @param jobId     the J1 sync job it opened, or null
 */
public record RunInProgress(String runId, String target, Instant startedAt, String jobId) {
    RunInProgress withJob(String job) {
        return new RunInProgress(runId, target, startedAt, job);
    }
}

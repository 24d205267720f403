package org.teleportj1.state;

import java.time.Instant;
import java.util.Map;

/**
 * The last run of a cluster that J1 applied (job FINISHED).
 *
 * @param runId        the run (or replayed run) whose graph was applied
 * @param jobId        J1's sync job
 * @param snapshotAt   when that graph was read from Teleport (a replay keeps its original time)
 * @param appliedAt    when J1 reported the job FINISHED
 * @param objects      objects in the graph
 * @param countsByType objects per _type
 */
public record LastSuccess(String runId, String jobId, Instant snapshotAt, Instant appliedAt, long objects,
                          Map<String, Long> countsByType) {
}

package org.teleportj1.state;

import java.util.Optional;

/**
 * Finalizing a DIFF job deletes whatever it did not upload. A graph much smaller than the last
 * applied one is more likely a broken read (a role that lost its list permission, a filter
 * change) than a real mass offboarding, so such a run is refused unless the operator allows it.
 */
public final class DeletionGuard {
    private final int maxShrinkPercent;

    public DeletionGuard(int maxShrinkPercent) {
        this.maxShrinkPercent = maxShrinkPercent;
    }

    /** Why finalizing {@code objects} after {@code previous} would delete too much; empty when it would not. */
    public Optional<String> trips(String cluster, Optional<LastSuccess> previous, long objects) {
        if (previous.isEmpty() || previous.get().objects() == 0) {
            return Optional.empty();
        }
        long before = previous.get().objects();
        long shrink = before - objects;
        // integers only: shrink / before > max% <=> shrink * 100 > max * before
        if (shrink <= 0 || shrink * 100 <= (long) maxShrinkPercent * before) {
            return Optional.empty();
        }
        return Optional.of(String.format("deletion guard: the graph of cluster '%s' shrank from %d to %d objects"
                        + " (-%.1f%%) since run %s, more than the %d%% allowed; finalizing would delete %d objects"
                        + " from J1. If that is right, sync once with SYNC_DELETION_GUARD_ALLOW_SHRINK=true or replay"
                        + " the dead letter with --allow-shrink",
                cluster, before, objects, shrink * 100.0 / before, previous.get().runId(), maxShrinkPercent, shrink));
    }
}

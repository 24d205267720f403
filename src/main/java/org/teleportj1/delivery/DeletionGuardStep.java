package org.teleportj1.delivery;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.teleportj1.state.DeletionGuard;
import org.teleportj1.state.DeletionGuardException;
import org.teleportj1.state.LastSuccess;
import org.teleportj1.state.StateDirectory;
import org.teleportj1.run.Replay;
import org.teleportj1.run.SyncRun;

/**
 * Right before finalize: compares the run's graph with the cluster's last applied one. A partial
 * run is compared on the types it finalizes completely: J1 deletes nothing of its partial types,
 * and their missing objects must neither trip the guard nor hide a shrink of the others.
 */
public class DeletionGuardStep {
    private static final Logger LOG = LoggerFactory.getLogger(DeletionGuardStep.class);

    private final StateDirectory state;
    private final DeletionGuard guard;
    private final boolean allowShrink;

    public DeletionGuardStep(StateDirectory state, DeletionGuard guard, boolean allowShrink) {
        this.state = state;
        this.guard = guard;
        this.allowShrink = allowShrink;
    }

    public void check(@ExchangeProperty(SyncRun.PROPERTY) SyncRun run) {
        Optional<LastSuccess> previous = state.cluster(run.cluster()).lastApplied(run.mode().target());
        Set<String> partial = run.delivery().partialTypes();
        Optional<String> trip = partial.isEmpty()
                ? guard.trips(run.cluster(), previous, run.batcher().objectCount())
                : guard.trips(run.cluster(), previous.map(last -> withoutTypes(last, partial)),
                        objectsWithout(run.batcher().countsByType(), partial))
                        .map(reason -> reason + " (compared without the partial types " + partial + ")");
        if (trip.isEmpty()) {
            return;
        }
        if (allowShrink || run.replay().map(Replay::allowShrink).orElse(false)) {
            LOG.warn("Cluster '{}': {} — allowed by the operator for this run", run.cluster(),
                    trip.get().replaceFirst("; finalizing would.*", ""));
            return;
        }
        throw new DeletionGuardException(trip.get());
    }

    /**
     * The last applied run without the partial types. When it has no per-type counts (written by
     * hand or an old version) nothing can be taken away: its whole total is compared, which can
     * only trip the guard more often, never less.
     */
    private static LastSuccess withoutTypes(LastSuccess last, Set<String> partial) {
        if (last.countsByType().isEmpty()) {
            return last;
        }
        return new LastSuccess(last.runId(), last.jobId(), last.snapshotAt(), last.appliedAt(),
                objectsWithout(last.countsByType(), partial), last.countsByType());
    }

    private static long objectsWithout(Map<String, Long> countsByType, Set<String> partial) {
        return countsByType.entrySet().stream().filter(count -> !partial.contains(count.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
    }
}

package org.teleportj1.delivery;

import java.io.IOException;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.teleportj1.state.DeletionGuard;
import org.teleportj1.state.DeletionGuardException;
import org.teleportj1.state.LastSuccess;
import org.teleportj1.state.RunStateStore;
import org.teleportj1.sync.SyncRun;

/** Right before finalize: compares the run's graph with the cluster's last applied one. */
public class DeletionGuardStep {
    private static final Logger LOG = LoggerFactory.getLogger(DeletionGuardStep.class);

    private final RunStateStore state;
    private final DeletionGuard guard;
    private final boolean allowShrink;

    public DeletionGuardStep(RunStateStore state, DeletionGuard guard, boolean allowShrink) {
        this.state = state;
        this.guard = guard;
        this.allowShrink = allowShrink;
    }

    public void check(Exchange exchange) throws IOException {
        SyncRun run = exchange.getProperty(SyncRun.PROPERTY, SyncRun.class);
        Optional<LastSuccess> previous = state.lastSuccess(run.cluster());
        Optional<String> trip = guard.trips(run.cluster(), previous, run.batcher().objectCount());
        if (trip.isEmpty()) {
            return;
        }
        if (allowShrink || run.delivery().allowShrink()) {
            LOG.warn("Cluster '{}': {} — allowed by the operator for this run", run.cluster(),
                    trip.get().replaceFirst("; finalizing would.*", ""));
            return;
        }
        throw new DeletionGuardException(trip.get());
    }
}

package org.teleportj1.sync;

import java.io.IOException;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.support.SynchronizationAdapter;
import org.teleportj1.run.SyncRun;
import org.teleportj1.state.ClusterLocks;
import org.teleportj1.state.ClusterState;
import org.teleportj1.state.RunInProgress;
import org.teleportj1.state.StateDirectory;

/**
 * The sync route's first and last steps on the cluster's state: take its run lock, clean up after
 * a run that died (and name the J1 job it left open, for the delivery to abort), record the run
 * as in progress; at the end, record it ended and release the lock.
 */
public class RunState {
    private static final String LEASE = "clusterLease";

    private final StateDirectory state;

    public RunState(StateDirectory state) {
        this.state = state;
    }

    public void begin(@ExchangeProperty(SyncRun.PROPERTY) SyncRun run, Exchange exchange) throws IOException {
        ClusterState cluster = state.cluster(run.cluster());
        ClusterLocks.Lease lease = cluster.lock("run " + run.runId());
        exchange.setProperty(LEASE, lease);
        // released even when the route ends some other way than through end()
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                lease.close();
            }
        });
        Optional<RunInProgress> dead = cluster.start(
                new RunInProgress(run.runId(), run.mode().target(), run.startedAt(), null));
        dead.map(RunInProgress::jobId).ifPresent(job -> exchange.setProperty(SyncRun.DEAD_RUN_JOB, job));
    }

    /** After the J1 job started: a crash from now on leaves a job for the next run to abort. */
    public void jobOpened(@ExchangeProperty(SyncRun.PROPERTY) SyncRun run) {
        if (run.jobId() != null && run.replay().isEmpty()) {
            state.cluster(run.cluster()).jobOpened(run.runId(), run.jobId());
        }
    }

    public void end(@ExchangeProperty(SyncRun.PROPERTY) SyncRun run, Exchange exchange) {
        ClusterLocks.Lease lease = exchange.getProperty(LEASE, ClusterLocks.Lease.class);
        if (lease == null) {
            return; // a replay: it holds the lock itself and records no run in progress
        }
        state.cluster(run.cluster()).end(run.runId());
        lease.close();
        exchange.removeProperty(LEASE);
    }
}

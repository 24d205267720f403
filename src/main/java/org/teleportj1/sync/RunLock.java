package org.teleportj1.sync;

import java.io.IOException;
import org.apache.camel.Exchange;
import org.teleportj1.run.SyncRun;
import org.teleportj1.state.ClusterLocks;

/** The sync route's first and last steps: take and release the cluster's run lock. */
public class RunLock {
    private static final String LEASE = "clusterLease";

    private final ClusterLocks locks;

    public RunLock(ClusterLocks locks) {
        this.locks = locks;
    }

    public void lock(Exchange exchange) throws IOException {
        SyncRun run = exchange.getProperty(SyncRun.PROPERTY, SyncRun.class);
        ClusterLocks.Lease lease = locks.acquire(run.cluster(), "run " + run.runId());
        exchange.setProperty(LEASE, lease);
        // released even when the route ends some other way than through report-run
        exchange.getExchangeExtension().addOnCompletion(new org.apache.camel.support.SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                lease.close();
            }
        });
    }

    public void release(Exchange exchange) {
        ClusterLocks.Lease lease = exchange.getProperty(LEASE, ClusterLocks.Lease.class);
        if (lease != null) {
            lease.close();
            exchange.removeProperty(LEASE);
        }
    }
}

package org.teleportj1.delivery;

import java.io.IOException;
import java.time.Instant;
import org.apache.camel.Exchange;
import org.teleportj1.state.LastSuccess;
import org.teleportj1.state.RunStateStore;
import org.teleportj1.sync.SyncRun;

/** After J1 reported the job FINISHED: remembers the run as the cluster's last applied one. */
public class RunHistory {
    private final RunStateStore state;

    public RunHistory(RunStateStore state) {
        this.state = state;
    }

    public void applied(Exchange exchange) throws IOException {
        SyncRun run = exchange.getProperty(SyncRun.PROPERTY, SyncRun.class);
        Instant snapshot = run.delivery().snapshotAt() == null ? run.startedAt() : run.delivery().snapshotAt();
        state.recordSuccess(run.cluster(), new LastSuccess(run.runId(), run.jobId(), snapshot, Instant.now(),
                run.batcher().objectCount(), run.batcher().countsByType()));
    }
}

package org.teleportj1.delivery;

import java.io.IOException;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.teleportj1.run.SyncRun;
import org.teleportj1.state.RunSpool;
import org.teleportj1.state.StateDirectory;

/**
 * Opens each J1 run's spool (in the cluster's state, {@code spool/<run>}) and taps the run's
 * batcher into it; discards it once the run was applied or could not read the whole cluster.
 */
public class RunSpools {
    private static final Logger LOG = LoggerFactory.getLogger(RunSpools.class);

    private final StateDirectory state;

    public RunSpools(StateDirectory state) {
        this.state = state;
    }

    public void open(@ExchangeProperty(SyncRun.PROPERTY) SyncRun run) throws IOException {
        if (run.replay().isPresent()) {
            return; // a replay's graph is already on disk, in its dead letter
        }
        RunSpool spool = RunSpool.open(state.cluster(run.cluster()).spool(run.runId()));
        run.delivery().spool(spool);
        run.batcher().tap(spool);
    }

    public void discard(@ExchangeProperty(SyncRun.PROPERTY) SyncRun run) {
        RunSpool spool = run.delivery().spool();
        if (spool == null) {
            return;
        }
        try {
            spool.discard();
        } catch (IOException e) {
            LOG.warn("Cluster '{}': could not delete the spool {}: {}", run.cluster(), spool.dir(), e.getMessage());
        }
    }

}

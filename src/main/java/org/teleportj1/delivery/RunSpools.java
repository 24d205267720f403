package org.teleportj1.delivery;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.teleportj1.state.ClusterNames;
import org.teleportj1.run.SyncRun;
import org.teleportj1.state.RunSpool;

/**
 * Opens each J1 run's spool ({@code <state-dir>/spool/<cluster>-<run>}) and taps the run's
 * batcher into it; discards it once the run was applied or could not read the whole cluster.
 */
public class RunSpools {
    private static final Logger LOG = LoggerFactory.getLogger(RunSpools.class);

    private final Path spoolDir;

    public RunSpools(Path spoolDir) {
        this.spoolDir = spoolDir;
    }

    public void open(Exchange exchange) throws IOException {
        SyncRun run = run(exchange);
        if (run.delivery().replayOf() != null) {
            return; // a replay's graph is already on disk, in its dead letter
        }
        RunSpool spool = RunSpool.open(spoolDir.resolve(ClusterNames.checked(run.cluster()) + "-" + run.runId()));
        run.delivery().spool(spool);
        run.batcher().tap(spool);
    }

    public void discard(Exchange exchange) {
        SyncRun run = run(exchange);
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

    private static SyncRun run(Exchange exchange) {
        return exchange.getProperty(SyncRun.PROPERTY, SyncRun.class);
    }
}

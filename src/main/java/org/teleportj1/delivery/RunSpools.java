package org.teleportj1.delivery;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.teleportj1.batch.GraphBatch;
import org.teleportj1.run.SyncRun;
import org.teleportj1.state.RunSpool;
import org.teleportj1.state.StateDirectory;

/**
 * Opens each J1 run's spool (in the cluster's state, {@code spool/<run>}), compresses each of the
 * run's batches once into it, and discards it once the run was applied or could not read the
 * whole cluster.
 */
public class RunSpools {
    private static final Logger LOG = LoggerFactory.getLogger(RunSpools.class);

    private final StateDirectory state;
    private final UnaryOperator<GraphBatch> compression;

    public RunSpools(StateDirectory state) {
        this(state, GraphBatch::compressed);
    }

    /** {@code compression}: how a batch becomes compressed (a test counts the calls). */
    RunSpools(StateDirectory state, UnaryOperator<GraphBatch> compression) {
        this.state = state;
        this.compression = compression;
    }

    public void open(@ExchangeProperty(SyncRun.PROPERTY) SyncRun run) throws IOException {
        if (run.replay().isPresent()) {
            return; // a replay's graph is already on disk, in its dead letter
        }
        run.delivery().spool(RunSpool.open(state.cluster(run.cluster()).spool(run.runId())));
    }

    /**
     * Body: the batches just sealed; they become the same batches compressed, each once: the spool
     * appends the gzip body and the upload sends it. Also after a J1 failure, so that a dead letter
     * is whole. A run without a spool (a replay) passes its batches on plain: its upload
     * compresses each, if j1.upload.gzip is on.
     */
    public List<GraphBatch> spool(@ExchangeProperty(SyncRun.PROPERTY) SyncRun run, @Body List<GraphBatch> batches) {
        RunSpool spool = run.delivery().spool();
        if (spool == null) {
            return batches;
        }
        List<GraphBatch> compressed = new ArrayList<>(batches.size());
        for (GraphBatch batch : batches) {
            GraphBatch body = compression.apply(batch);
            spool.append(body);
            compressed.add(body);
        }
        return compressed;
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

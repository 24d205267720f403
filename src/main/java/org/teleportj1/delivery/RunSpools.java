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
 * Opens each J1 run's spool (in the cluster's state, {@code spool/<run>}), hands each of the run's
 * batches to it to be compressed once and spooled on the spool's thread, gives the uploads the
 * compressed batches, and discards the spool once the run was applied or could not read the
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
     * Body: the batches just sealed; they become pending batches, each compressed once on the
     * spool's thread: the spool appends the gzip body and the upload sends it ({@link #compressed}).
     * Also after a J1 failure, so that a dead letter is whole. A run without a spool (a replay)
     * passes its batches on plain: its upload compresses each, if j1.upload.gzip is on.
     */
    public List<PendingBatch> spool(@ExchangeProperty(SyncRun.PROPERTY) SyncRun run, @Body List<GraphBatch> batches) {
        RunSpool spool = run.delivery().spool();
        List<PendingBatch> pending = new ArrayList<>(batches.size());
        for (GraphBatch batch : batches) {
            pending.add(spool == null ? PendingBatch.ready(batch) : new PendingBatch(spool.appendLater(batch, compression)));
        }
        return pending;
    }

    /** Body: a pending batch; it becomes the batch to upload, once compressed and spooled. */
    public GraphBatch compressed(@Body PendingBatch batch) {
        return batch.await();
    }

    /**
     * Before close: every batch is in the spool. Throws what failed to spool one, which fails the
     * run (aborted, spool discarded): a dead letter without all the batches would not be whole.
     */
    public void awaitSpooled(@ExchangeProperty(SyncRun.PROPERTY) SyncRun run) {
        RunSpool spool = run.delivery().spool();
        if (spool != null) {
            spool.awaitAppended();
        }
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

package org.teleportj1.delivery;

import org.apache.camel.CamelContext;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.teleportj1.run.SyncRun;

/**
 * The run's side of the upload queue (route {@code j1-uploads}): a run queues its batches and goes
 * on reading Teleport while they upload; before it closes or aborts its job it waits until every
 * batch it queued has ended, so a finalize never overtakes an upload.
 */
public class QueuedUploads {
    private static final Logger LOG = LoggerFactory.getLogger(QueuedUploads.class);
    private static final long CHECK_MILLIS = 1000;

    public void queued(@ExchangeProperty(SyncRun.PROPERTY) SyncRun run) {
        run.delivery().uploadQueued();
    }

    public void ended(@ExchangeProperty(SyncRun.PROPERTY) SyncRun run) {
        run.delivery().uploadEnded();
    }

    /**
     * Before close: every queued upload has ended. Fails when Camel stops first, so the run is
     * dead-lettered, not finalized.
     */
    public void awaitAll(@ExchangeProperty(SyncRun.PROPERTY) SyncRun run, CamelContext camel) throws InterruptedException {
        if (!uploadsEnded(run, camel)) {
            throw new IllegalStateException("the program is stopping with " + run.delivery().uploadsPending()
                    + " upload(s) of the run not yet ended; the job is not finalized");
        }
    }

    /** Before an abort: the uploads have ended, or Camel is stopping (an upload after the abort only fails). */
    public void settle(@ExchangeProperty(SyncRun.PROPERTY) SyncRun run, CamelContext camel) throws InterruptedException {
        if (!uploadsEnded(run, camel)) {
            LOG.debug("Cluster '{}': aborting with {} upload(s) not yet ended", run.cluster(),
                    run.delivery().uploadsPending());
        }
    }

    /** Waits until the run's queued uploads have ended (true) or Camel is stopping (false). */
    private static boolean uploadsEnded(SyncRun run, CamelContext camel) throws InterruptedException {
        while (!run.delivery().awaitUploads(CHECK_MILLIS)) {
            if (camel.isStopping()) {
                return false;
            }
        }
        return true;
    }
}

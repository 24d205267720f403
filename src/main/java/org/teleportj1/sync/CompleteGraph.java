package org.teleportj1.sync;

import java.util.Iterator;
import java.util.List;
import org.apache.camel.ExchangeProperty;
import org.teleportj1.batch.GraphBatch;
import org.teleportj1.run.SyncRun;

/**
 * After the last page: what needs the whole cluster, as the route's split expression. Completion
 * emits most of the relationships (effective access, escalation paths: about 560,000 at 100k
 * users), so its batches are handed to the route as they fill up instead of being held until the
 * end: memory stays bounded by the batches in flight.
 */
public class CompleteGraph {

    /** The completion's batches, a list at a time; the last list holds the partly filled ones. */
    public Iterator<List<GraphBatch>> batches(@ExchangeProperty(SyncRun.PROPERTY) SyncRun run) {
        run.progress().finish();
        return new CompletionBatches(run.cluster(), run.graph(), run.batcher(), () -> run.delivery().graphRead());
    }
}

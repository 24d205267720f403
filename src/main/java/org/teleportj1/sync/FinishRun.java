package org.teleportj1.sync;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.teleportj1.run.RunSummary;
import org.teleportj1.run.SyncRun;

/**
 * Marks the run delivered (partially, when a listing failure was tolerated), or failed when J1 delivery failed while Teleport was read to the end
 * (the run was then aborted and dead-lettered), logs its summary and lets its graph go (the
 * change report comes next). The body becomes the run.
 */
public class FinishRun implements Processor {
    private static final Logger LOG = LoggerFactory.getLogger(FinishRun.class);

    @Override
    public void process(Exchange exchange) {
        SyncRun run = exchange.getProperty(SyncRun.PROPERTY, SyncRun.class);
        if (run.delivery().isFailed()) {
            run.failed(run.delivery().failure().reason());
        } else if (run.isPartial()) {
            run.partiallySucceeded();
        } else {
            run.succeeded();
        }
        LOG.info("{}", RunSummary.table(run));
        run.releaseGraph();
        exchange.getMessage().setBody(run);
    }
}

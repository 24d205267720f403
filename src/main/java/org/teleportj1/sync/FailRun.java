package org.teleportj1.sync;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.teleportj1.run.FailureReason;
import org.teleportj1.run.RunSummary;
import org.teleportj1.run.SyncRun;

/**
 * In the route's catch block: records why the run failed (the caught exception's message, which
 * our components make actionable) so delivery can abort, and logs it once.
 */
public class FailRun implements Processor {
    private static final Logger LOG = LoggerFactory.getLogger(FailRun.class);

    @Override
    public void process(Exchange exchange) {
        SyncRun run = exchange.getProperty(SyncRun.PROPERTY, SyncRun.class);
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String reason = FailureReason.of(cause);
        run.failed(reason);
        LOG.error("Sync of cluster '{}' failed: {}", run.cluster(), reason);
        LOG.debug("Failure detail", cause);
        LOG.info("{}", RunSummary.table(run));
        exchange.getMessage().setBody(run);
    }
}

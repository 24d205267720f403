package org.teleportj1.jupiterone;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.teleportj1.run.SyncRun;

/**
 * Runs before each redelivery of a J1 request (onRedelivery): counts it on the run, so the summary
 * and a dead letter say how hard delivery was tried.
 */
public class CountRetry implements Processor {

    @Override
    public void process(Exchange exchange) {
        SyncRun run = exchange.getProperty(SyncRun.PROPERTY, SyncRun.class);
        if (run != null) {
            run.retried();
        }
    }
}

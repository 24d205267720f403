package org.teleportj1.sync;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** After the last page: emits what needs the whole cluster; the body becomes every remaining batch. */
public class CompleteGraph implements Processor {

    @Override
    public void process(Exchange exchange) {
        SyncRun run = exchange.getProperty(SyncRun.PROPERTY, SyncRun.class);
        run.progress().finish();
        run.graph().complete();
        exchange.getMessage().setBody(run.batcher().flush());
        run.delivery().graphRead();
    }
}

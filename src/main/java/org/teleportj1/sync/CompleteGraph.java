package org.teleportj1.sync;

import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.teleportj1.batch.GraphBatch;
import org.teleportj1.run.SyncRun;

/**
 * After the last page: emits what needs the whole cluster; the body becomes the remaining batches.
 * Completion emits most of the relationships (effective access, escalation paths: about 560,000 at
 * 100k users), so the batches that fill up meanwhile are handed to the delivery route at every
 * checkpoint instead of being held until the end: memory stays bounded by the batches in flight.
 */
public class CompleteGraph implements Processor {
    private final ProducerTemplate producer;
    private final String deliveryUri;

    /** @param deliveryUri the route that delivers a list of batches, e.g. {@code direct:deliver-batches} */
    public CompleteGraph(ProducerTemplate producer, String deliveryUri) {
        this.producer = producer;
        this.deliveryUri = deliveryUri;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        SyncRun run = exchange.getProperty(SyncRun.PROPERTY, SyncRun.class);
        run.progress().finish();
        run.graph().complete(() -> deliverReady(exchange, run));
        exchange.getMessage().setBody(run.batcher().flush());
        run.delivery().graphRead();
    }

    private void deliverReady(Exchange exchange, SyncRun run) {
        List<GraphBatch> ready = run.batcher().takeReady();
        if (ready.isEmpty()) {
            return;
        }
        // a copy shares the run state (exchange properties are copied shallowly), as a split's parts do
        Exchange batches = exchange.copy();
        batches.getMessage().setBody(ready);
        producer.send(deliveryUri, batches);
        if (batches.getException() != null) {
            throw new IllegalStateException("delivering completion batches failed: "
                    + batches.getException().getMessage(), batches.getException());
        }
    }
}

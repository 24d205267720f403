package org.teleportj1.sync;

import java.time.Instant;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.teleportj1.graph.ClusterInfo;
import org.teleportj1.proto.auth.PingResponse;
import org.teleportj1.run.SyncRun;

/** Body: Teleport's PingResponse. Starts the run's graph with the cluster entity; body becomes the full batches. */
public class StartGraph implements Processor {

    @Override
    public void process(Exchange exchange) throws Exception {
        SyncRun run = exchange.getProperty(SyncRun.PROPERTY, SyncRun.class);
        PingResponse ping = exchange.getMessage().getMandatoryBody(PingResponse.class);
        ClusterInfo info = new ClusterInfo(ping.getClusterName(), ping.getServerVersion(), ping.getProxyPublicAddr(),
                run.accountName(), Instant.now());
        run.startGraph(info).account();
        exchange.getMessage().setBody(run.batcher().takeReady());
    }
}

package org.teleportj1.sync;

import java.time.Instant;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.teleportj1.graph.ClusterInfo;
import org.teleportj1.graph.GraphBuilder;
import org.teleportj1.graph.GraphOptions;
import org.teleportj1.proto.auth.PingResponse;
import org.teleportj1.run.SyncRun;
import org.teleportj1.state.StateDirectory;

/**
 * Body: Teleport's PingResponse. Starts the run's graph with the cluster entity and the users
 * remembered from earlier runs; the body becomes the full batches.
 */
public class StartGraph implements Processor {
    private final GraphOptions options;
    private final StateDirectory state;

    public StartGraph(GraphOptions options, StateDirectory state) {
        this.options = options;
        this.state = state;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        SyncRun run = exchange.getProperty(SyncRun.PROPERTY, SyncRun.class);
        PingResponse ping = exchange.getMessage().getMandatoryBody(PingResponse.class);
        ClusterInfo info = new ClusterInfo(ping.getClusterName(), ping.getServerVersion(), ping.getProxyPublicAddr(),
                run.accountName(), Instant.now());
        GraphBuilder graph = run.startGraph(info, options);
        graph.account();
        graph.rememberUsers(state.cluster(run.cluster()).rememberedUsers());
        exchange.getMessage().setBody(run.batcher().takeReady());
    }
}

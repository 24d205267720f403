package org.teleportj1.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.teleportj1.ops.ClusterRoute;
import org.teleportj1.ops.ConfiguredClusters;
import org.teleportj1.run.RunResult;
import org.teleportj1.run.SyncRun;

/**
 * Runs the sync route of every configured cluster once, now, the way its Quartz trigger would
 * (the scheduler itself is not started): the route's own processor runs the whole sync on this
 * thread, so the result is known when it returns.
 */
public final class OneShotSync {
    private static final Logger LOG = LoggerFactory.getLogger(OneShotSync.class);

    private OneShotSync() {
    }

    /** Syncs the selected clusters (all when empty); returns their runs in route order. */
    public static List<SyncRun> runAll(CamelContext context, Set<String> clusters) {
        List<SyncRun> runs = new ArrayList<>();
        for (ClusterRoute cluster : select(context, clusters)) {
            runs.add(run(context.getRoute(cluster.routeId())));
        }
        return runs;
    }

    /** The configured clusters named (all when empty); a configuration error for an unknown name. */
    static List<ClusterRoute> select(CamelContext context, Set<String> clusters) {
        List<ClusterRoute> configured = ConfiguredClusters.of(context);
        if (configured.isEmpty()) {
            throw new ConfigurationException("No cluster is configured: add a templatedRoute of 'teleport-sync' under"
                    + " your routes directory (--routes DIR, see config/examples/clusters.camel.yaml) or set"
                    + " camel.route-template[...] properties.");
        }
        List<ClusterRoute> selected = configured.stream()
                .filter(cluster -> clusters.isEmpty() || clusters.contains(cluster.cluster())).toList();
        List<String> names = configured.stream().map(ClusterRoute::cluster).toList();
        List<String> unknown = clusters.stream().filter(name -> !names.contains(name)).toList();
        if (!unknown.isEmpty()) {
            throw new ConfigurationException("No configured cluster is named " + unknown + "; configured: " + names);
        }
        return selected;
    }

    static SyncRun run(Route route) {
        DefaultConsumer consumer = (DefaultConsumer) route.getConsumer();
        Exchange exchange = consumer.createExchange(false);
        try {
            consumer.getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        SyncRun run = exchange.getProperty(SyncRun.PROPERTY, SyncRun.class);
        if (run == null) {
            Exception failure = exchange.getException();
            LOG.error("Sync route {} failed before its run started: {}", route.getRouteId(),
                    failure == null ? "no run state" : failure.getMessage());
            return null;
        }
        if (exchange.getException() != null && run.result() == RunResult.RUNNING) {
            run.failed(exchange.getException().getMessage());
        }
        return run;
    }

    /**
     * 0 when every run was delivered completely, 1 when none was delivered at all, else 3: some
     * clusters failed, or a run was finalized without a resource it could not read (partial).
     */
    public static int exitCode(List<SyncRun> runs) {
        long succeeded = count(runs, RunResult.SUCCEEDED);
        if (succeeded == runs.size()) {
            return TeleportJupiterOne.OK;
        }
        return succeeded + count(runs, RunResult.PARTIAL) == 0 ? TeleportJupiterOne.SYNC_FAILED
                : TeleportJupiterOne.PARTIAL_FAILURE;
    }

    private static long count(List<SyncRun> runs, RunResult result) {
        return runs.stream().filter(run -> run != null && run.result() == result).count();
    }
}

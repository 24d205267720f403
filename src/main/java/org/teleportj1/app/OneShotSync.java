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
import org.teleportj1.sync.RunResult;
import org.teleportj1.sync.SyncRun;

/**
 * Runs the sync route of every configured cluster once, now, the way its Quartz trigger would
 * (the scheduler itself is not started): the route's own processor runs the whole sync on this
 * thread, so the result is known when it returns.
 */
public final class OneShotSync {
    /** The route group of every templated cluster route. */
    public static final String ROUTE_GROUP = "teleport-sync";
    private static final Logger LOG = LoggerFactory.getLogger(OneShotSync.class);

    private OneShotSync() {
    }

    /** Syncs the selected clusters (all when empty); returns their runs in route order. */
    public static List<SyncRun> runAll(CamelContext context, Set<String> clusters) {
        List<Route> routes = context.getRoutes().stream()
                .filter(route -> ROUTE_GROUP.equals(route.getGroup()))
                .filter(route -> clusters.isEmpty() || clusters.contains(clusterOf(route)))
                .toList();
        if (routes.isEmpty()) {
            throw new ConfigurationException(clusters.isEmpty()
                    ? "No cluster is configured: add a templatedRoute of 'teleport-sync' under routes/ or set"
                    + " camel.route-template[...] properties (see config/examples)."
                    : "No configured cluster is named " + clusters + "; configured: " + configured(context));
        }
        List<SyncRun> runs = new ArrayList<>();
        for (Route route : routes) {
            runs.add(run(route));
        }
        return runs;
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

    /** 0 when every run was delivered, 1 otherwise. */
    public static int exitCode(List<SyncRun> runs) {
        return runs.stream().allMatch(run -> run != null && run.result() == RunResult.SUCCEEDED) ? 0 : 1;
    }

    private static String clusterOf(Route route) {
        Object cluster = route.getProperties().get("cluster");
        if (cluster != null) {
            return cluster.toString();
        }
        String id = route.getRouteId();
        return id.startsWith("sync-") ? id.substring("sync-".length()) : id;
    }

    private static List<String> configured(CamelContext context) {
        return context.getRoutes().stream().filter(r -> ROUTE_GROUP.equals(r.getGroup()))
                .map(OneShotSync::clusterOf).toList();
    }
}

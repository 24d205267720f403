package org.teleportj1.app;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.NamedNode;
import org.apache.camel.cluster.CamelClusterEventListener;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.teleportj1.ops.ConfiguredClusters;

/**
 * Replicas of {@code run}: with {@code ha.cluster-service} set, each cluster's sync
 * route runs under Camel's {@link ClusteredRoutePolicy} in its own namespace
 * {@code teleport-sync-<cluster>}, so only the replica that leads a cluster syncs it. Only the
 * {@code run} command adds this; the one-shot commands rely on the run lock alone.
 */
public final class ClusterLeadership implements CamelConfiguration, RoutePolicyFactory {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterLeadership.class);

    private CamelClusterService service;
    /** The namespace of every clustered cluster, by cluster name. */
    private final Map<String, String> namespaces = new ConcurrentHashMap<>();

    @Override
    public void configure(CamelContext context) throws Exception {
        SettingReader settings = new SettingReader(context.getPropertiesComponent());
        if (!"file".equals(SettingsCheck.clusterService(settings))) {
            return;
        }
        FileLockClusterService file = new FileLockClusterService();
        file.setRoot(settings.required("ha.file.root"));
        file.setAcquireLockInterval(settings.number("ha.file.acquire-lock-interval-seconds", 1), TimeUnit.SECONDS);
        service = file;
        context.addService(service);
        context.addRoutePolicyFactory(this);
        // the meter registry is bound while the context starts
        context.addStartupListener((started, alreadyStarted) -> registerGauges(started));
    }

    private void registerGauges(CamelContext context) {
        MeterRegistry registry = context.getRegistry().findSingleByType(MeterRegistry.class);
        if (registry == null) {
            return;
        }
        namespaces.forEach((cluster, namespace) -> Gauge.builder("teleport.j1.leader", namespace,
                        ns -> service.isLeader(ns) ? 1 : 0)
                .description("1 while this replica leads the cluster's sync, else 0 (only with a cluster service)")
                .tag("cluster", cluster).register(registry));
    }

    @Override
    public RoutePolicy createRoutePolicy(CamelContext context, String routeId, NamedNode node) {
        if (!(node instanceof RouteDefinition route) || !ConfiguredClusters.ROUTE_GROUP.equals(route.getGroup())) {
            return null;
        }
        String cluster = cluster(context, route, routeId);
        String namespace = "teleport-sync-" + cluster;
        try {
            service.getView(namespace).addEventListener(leadershipLog(cluster));
            namespaces.put(cluster, namespace);
            return ClusteredRoutePolicy.forNamespace(service, namespace);
        } catch (Exception e) {
            throw new IllegalStateException("cannot set up leadership of cluster '" + cluster + "' in "
                    + SettingReader.name("ha.file.root") + ": " + e.getMessage(), e);
        }
    }

    /** The template's {@code cluster} parameter, as Camel resolves it for the route. */
    private static String cluster(CamelContext context, RouteDefinition route, String routeId) {
        Map<String, Object> parameters = route.getTemplateParameters();
        Object cluster = parameters == null ? null : parameters.get("cluster");
        if (cluster == null) {
            return routeId.startsWith("sync-") ? routeId.substring(5) : routeId;
        }
        return context.resolvePropertyPlaceholders(cluster.toString());
    }

    private static CamelClusterEventListener.Leadership leadershipLog(String cluster) {
        AtomicBoolean leading = new AtomicBoolean();
        return (view, leader) -> {
            boolean local = leader != null && leader.isLocal();
            if (leading.getAndSet(local) != local) {
                LOG.info("Cluster '{}': this replica {} the leader", cluster, local ? "is now" : "is no longer");
            }
        };
    }
}

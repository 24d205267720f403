package org.teleportj1.app;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.NamedNode;
import org.apache.camel.cluster.CamelClusterEventListener;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.teleportj1.ops.ConfiguredClusters;
import org.teleportj1.ops.Leadership;

/**
 * Replicas of {@code run}: with {@code ha.cluster-service} set, each cluster's sync
 * route runs under Camel's {@link ClusteredRoutePolicy} in its own namespace
 * {@code teleport-sync-<cluster>}, so only the replica that leads a cluster syncs it. Only the
 * {@code run} command adds this; the one-shot commands rely on the run lock alone. Bound in the
 * registry as the {@link Leadership} the health checks show.
 */
public final class ClusterLeadership implements CamelConfiguration, RoutePolicyFactory, Leadership {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterLeadership.class);

    private ClusterServiceSettings settings;
    private CamelClusterService service;
    /** The namespace of every clustered cluster, by cluster name. */
    private final Map<String, String> namespaces = new ConcurrentHashMap<>();

    @Override
    public void configure(CamelContext context) throws Exception {
        settings = ClusterServiceSettings.read(new SettingReader(context.getPropertiesComponent()));
        service = settings.newService();
        if (service == null) {
            return;
        }
        LOG.info("Replicas: leadership of each cluster's sync through {}", settings.describe());
        context.addService(service);
        context.addRoutePolicyFactory(this);
        context.getRegistry().bind("clusterLeadership", this);
        // the meter registry is bound while the context starts; the listener runs again (already
        // started) each time the policy starts a route on gaining leadership
        context.addStartupListener((started, alreadyStarted) -> {
            if (!alreadyStarted) {
                registerGauges(started);
            }
        });
    }

    @Override
    public Role role(String cluster) {
        String namespace = namespaces.get(cluster);
        return namespace != null && service.isLeader(namespace) ? Role.LEADER : Role.FOLLOWER;
    }

    @Override
    public Optional<String> leader(String cluster) {
        String namespace = namespaces.get(cluster);
        try {
            return namespace == null ? Optional.empty()
                    : service.getView(namespace).getLeader().map(CamelClusterMember::getId);
        } catch (Exception e) {
            return Optional.empty();
        }
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
        String namespace = ClusterServiceSettings.namespace(cluster);
        try {
            service.getView(namespace).addEventListener(leadershipLog(cluster));
            namespaces.put(cluster, namespace);
            return ClusteredRoutePolicy.forNamespace(service, namespace);
        } catch (Exception e) {
            throw new IllegalStateException("cannot set up leadership of cluster '" + cluster + "' with "
                    + settings.describe() + ": " + e.getMessage(), e);
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

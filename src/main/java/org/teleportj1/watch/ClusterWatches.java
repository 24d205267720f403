package org.teleportj1.watch;

import java.time.Clock;
import java.time.Duration;
import java.util.function.BiConsumer;
import org.apache.camel.CamelContext;
import org.apache.camel.NamedNode;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.teleportj1.ops.ConfiguredClusters;

/** Gives every cluster's sync route its {@link ClusterWatch} ({@code run} mode only). */
public final class ClusterWatches implements RoutePolicyFactory {
    private final WatchSettings settings;
    private final Clock clock;
    private final BiConsumer<String, Duration> latencies;

    public ClusterWatches(WatchSettings settings, Clock clock, BiConsumer<String, Duration> latencies) {
        this.settings = settings;
        this.clock = clock;
        this.latencies = latencies;
    }

    @Override
    public RoutePolicy createRoutePolicy(CamelContext context, String routeId, NamedNode node) {
        if (!settings.enabled() || !(node instanceof RouteDefinition route)
                || !ConfiguredClusters.ROUTE_GROUP.equals(route.getGroup())) {
            return null;
        }
        return new ClusterWatch(settings, clock, latencies);
    }
}

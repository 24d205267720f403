package org.teleportj1.ops;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.EndpointAware;
import org.apache.camel.Navigate;
import org.apache.camel.Route;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.PropertiesComponent;
import org.teleportj1.teleport.TeleportConfiguration;
import org.teleportj1.teleport.TeleportEndpoint;

/**
 * The clusters this process syncs: every route of group {@value #ROUTE_GROUP}, i.e. every
 * {@code templatedRoute} (or {@code camel.route-template[...]} properties) of the template
 * {@code teleport-sync}. How to reach a cluster is the configuration of the route's own
 * {@code teleport:} endpoint, exactly as the run uses it; its name and J1 scope are template
 * parameters, resolved the way Camel resolved them for the route.
 */
public final class ConfiguredClusters {
    /** The route group of every templated cluster route. */
    public static final String ROUTE_GROUP = "teleport-sync";

    private ConfiguredClusters() {
    }

    public static List<ClusterRoute> of(CamelContext context) {
        return context.getRoutes().stream()
                .filter(route -> ROUTE_GROUP.equals(route.getGroup()))
                .map(route -> describe(context, route))
                .toList();
    }

    /** One cluster route, described the same way. */
    public static ClusterRoute of(CamelContext context, Route route) {
        return describe(context, route);
    }

    private static ClusterRoute describe(CamelContext context, Route route) {
        TeleportConfiguration teleport = teleportEndpoint(route).map(TeleportEndpoint::getConfiguration)
                .orElseGet(TeleportConfiguration::new);
        RouteDefinition definition = ((ModelCamelContext) context).getRouteDefinition(route.getRouteId());
        Map<String, Object> parameters = definition == null ? null : definition.getTemplateParameters();
        if (parameters == null) {
            String id = route.getRouteId();
            return new ClusterRoute(id, id.startsWith("sync-") ? id.substring(5) : id, teleport, null);
        }
        return new ClusterRoute(route.getRouteId(), parameter(context, parameters, "cluster"), teleport,
                parameter(context, parameters, "j1Scope"));
    }

    /** The first {@code teleport:} endpoint the route sends to (they share one configuration). */
    private static Optional<TeleportEndpoint> teleportEndpoint(Route route) {
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Object> pending = new ArrayDeque<>();
        pending.add(route.navigate());
        while (!pending.isEmpty()) {
            Object next = pending.pop();
            if (next == null || !seen.add(next)) {
                continue;
            }
            if (next instanceof EndpointAware aware && aware.getEndpoint() instanceof TeleportEndpoint teleport) {
                return Optional.of(teleport);
            }
            if (next instanceof Navigate<?> navigate && navigate.hasNext()) {
                List<?> children = navigate.next();
                for (int i = children.size() - 1; i >= 0; i--) {
                    pending.push(children.get(i));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A template parameter as the route saw it: Camel resolves {@code {{name}}} in a templated
     * route against its template parameters (local properties) before the settings.
     */
    private static String parameter(CamelContext context, Map<String, Object> parameters, String name) {
        Object raw = parameters.get(name);
        if (raw == null) {
            return null;
        }
        Properties local = new Properties();
        parameters.forEach((key, value) -> {
            if (value != null) {
                local.put(key, value.toString());
            }
        });
        PropertiesComponent properties = context.getPropertiesComponent();
        Properties previous = properties.getLocalProperties();
        properties.setLocalProperties(local);
        try {
            return context.resolvePropertyPlaceholders(raw.toString()).trim();
        } finally {
            properties.setLocalProperties(previous);
        }
    }
}

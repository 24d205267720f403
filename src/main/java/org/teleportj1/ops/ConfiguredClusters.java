package org.teleportj1.ops;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.teleportj1.teleport.TeleportConfiguration;

/**
 * The clusters this process syncs: every route of group {@value #ROUTE_GROUP}, i.e. every
 * {@code templatedRoute} (or {@code camel.route-template[...]} properties) of the template
 * {@code teleport-sync}, read back from the route's template parameters.
 */
public final class ConfiguredClusters {
    /** The route group of every templated cluster route. */
    public static final String ROUTE_GROUP = "teleport-sync";
    private static final Pattern PARAMETER = Pattern.compile("\\{\\{([A-Za-z0-9_-]+)}}");

    private ConfiguredClusters() {
    }

    public static List<ClusterRoute> of(CamelContext context) {
        return context.getRoutes().stream()
                .filter(route -> ROUTE_GROUP.equals(route.getGroup()))
                .map(route -> describe(context, route))
                .toList();
    }

    private static ClusterRoute describe(CamelContext context, Route route) {
        RouteDefinition definition = ((ModelCamelContext) context).getRouteDefinition(route.getRouteId());
        Map<String, Object> parameters = definition == null ? null : definition.getTemplateParameters();
        if (parameters == null) {
            String id = route.getRouteId();
            TeleportConfiguration none = new TeleportConfiguration();
            return new ClusterRoute(id, id.startsWith("sync-") ? id.substring(5) : id, none, null);
        }
        TeleportConfiguration teleport = new TeleportConfiguration();
        teleport.setAddress(value(context, parameters, "address"));
        teleport.setIdentityFile(value(context, parameters, "identityFile"));
        String mode = value(context, parameters, "connectMode");
        teleport.setMode(mode == null || mode.isBlank() ? "auto" : mode);
        teleport.setProxyCaFile(value(context, parameters, "proxyCaFile"));
        teleport.setCallTimeoutSeconds(number(context, "teleport.call-timeout-seconds", 60));
        teleport.setMaxMessageBytes(number(context, "teleport.max-message-bytes", 64 * 1024 * 1024));
        teleport.setExpiryWarningMinutes(number(context, "teleport.expiry-warning-minutes", 30));
        return new ClusterRoute(route.getRouteId(), value(context, parameters, "cluster"), teleport,
                value(context, parameters, "j1Scope"));
    }

    /** A template parameter as the route sees it: other parameters first, then properties. */
    private static String value(CamelContext context, Map<String, Object> parameters, String name) {
        Object raw = parameters.get(name);
        if (raw == null) {
            return null;
        }
        String text = raw.toString();
        for (int depth = 0; depth < 5 && text.contains("{{"); depth++) {
            Matcher matcher = PARAMETER.matcher(text);
            StringBuilder replaced = new StringBuilder();
            while (matcher.find()) {
                Object parameter = parameters.get(matcher.group(1));
                matcher.appendReplacement(replaced, Matcher.quoteReplacement(
                        parameter == null ? matcher.group() : parameter.toString()));
            }
            matcher.appendTail(replaced);
            String next = context.resolvePropertyPlaceholders(replaced.toString());
            if (next.equals(text)) {
                break;
            }
            text = next;
        }
        return text.trim();
    }

    private static int number(CamelContext context, String key, int fallback) {
        return context.getPropertiesComponent().resolveProperty(key).map(String::trim).filter(v -> !v.isEmpty())
                .map(Integer::parseInt).orElse(fallback);
    }
}

package org.teleportj1.karaf;

import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.util.StringHelper;

/**
 * Applies the {@code camel.component.<name>.<option>} settings (application.properties, the .cfg)
 * to the components, as camel-main does for the standalone program: e.g. the J1 retries rely on
 * {@code camel.component.http.automatic-retries-disabled}.
 */
final class ComponentOptions {
    private static final String PREFIX = "camel.component.";

    private ComponentOptions() {
    }

    static void apply(CamelContext camel) {
        Map<String, Map<String, Object>> byComponent = new TreeMap<>();
        camel.getPropertiesComponent().loadPropertiesAsMap().forEach((key, value) -> {
            String name = String.valueOf(key);
            if (name.startsWith(PREFIX) && name.indexOf('.', PREFIX.length()) > 0) {
                String rest = name.substring(PREFIX.length());
                String component = rest.substring(0, rest.indexOf('.'));
                String option = StringHelper.dashToCamelCase(rest.substring(rest.indexOf('.') + 1));
                byComponent.computeIfAbsent(component, c -> new TreeMap<>()).put(option, value);
            }
        });
        byComponent.forEach((name, options) -> {
            Component component = camel.getComponent(name);
            if (component == null) {
                throw new IllegalStateException("no Camel component '" + name + "' for the settings " + PREFIX + name
                        + ".*: install its feature");
            }
            PropertyBindingSupport.build().withCamelContext(camel).withTarget(component).withProperties(options)
                    .withRemoveParameters(false).withMandatory(true).bind();
        });
    }
}

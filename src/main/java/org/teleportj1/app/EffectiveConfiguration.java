package org.teleportj1.app;

import java.util.List;
import java.util.Locale;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.teleportj1.ops.ClusterRoute;
import org.teleportj1.ops.ConfiguredClusters;

/**
 * The settings as the started application resolved them (shipped defaults, --config, environment,
 * -D), printed once by {@code run} and {@code check}. Secrets only say whether they are set.
 */
final class EffectiveConfiguration {
    private static final List<String> SECRET_WORDS = List.of("api-key", "password", "secret", "token");

    private EffectiveConfiguration() {
    }

    static String describe(CamelContext context) {
        PropertiesComponent properties = context.getPropertiesComponent();
        int width = ShippedDefaults.keys().stream().mapToInt(String::length).max().orElse(0);
        StringBuilder out = new StringBuilder("Effective configuration:");
        for (String key : ShippedDefaults.keys()) {
            String value = AppSettings.value(properties, key).orElse(null);
            out.append(System.lineSeparator()).append(String.format("  %-" + width + "s  %s", key, shown(key, value)));
        }
        for (ClusterRoute cluster : ConfiguredClusters.of(context)) {
            out.append(System.lineSeparator()).append(String.format("  %-" + width + "s  %s, mode %s, J1 scope %s",
                    "cluster '" + cluster.cluster() + "'", cluster.describe(), cluster.teleport().getMode(),
                    cluster.j1Scope()));
        }
        return out.toString();
    }

    static String shown(String key, String value) {
        if (value == null) {
            return "(unset)";
        }
        return isSecret(key) ? "(set)" : value;
    }

    static boolean isSecret(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return SECRET_WORDS.stream().anyMatch(lower::contains);
    }
}

package org.teleportj1.app;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.teleportj1.ops.ClusterIdentities;
import org.teleportj1.ops.ClusterRoute;
import org.teleportj1.ops.ConfigurationCheck;
import org.teleportj1.ops.JupiterOneProbe;

/** The {@code check} command on a started (but not syncing) context: prints each item, exit 0 or 1. */
final class ConfigurationCheckCommand {

    private ConfigurationCheckCommand() {
    }

    static int run(CamelContext context, Set<String> clusters) {
        List<ConfigurationCheck.Item> items = check(context, clusters);
        System.out.println(ConfigurationCheck.format(items));
        return items.stream().allMatch(ConfigurationCheck.Item::ok) ? TeleportJupiterOne.OK
                : TeleportJupiterOne.SYNC_FAILED;
    }

    static List<ConfigurationCheck.Item> check(CamelContext context, Set<String> clusters) {
        List<ClusterRoute> selected = OneShotSync.select(context, clusters);
        JupiterOneProbe probe = context.getRegistry().lookupByNameAndType(AppConfiguration.J1_PROBE,
                JupiterOneProbe.class);
        return new ConfigurationCheck(new ClusterIdentities(context), probe, Clock.systemUTC()).run(selected);
    }
}

package org.teleportj1.app;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.camel.CamelContext;
import org.teleportj1.ops.ClusterIdentities;
import org.teleportj1.ops.ClusterRoute;
import org.teleportj1.ops.ConfigurationCheck;
import org.teleportj1.ops.JupiterOneProbe;
import org.teleportj1.sync.OptionalResources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The {@code check} command on a started (but not syncing) context: prints each item, exit 0 or 1. */
@Command(name = "check", description = "validate configuration and credentials, write nothing: identity valid,"
        + " Ping answered, each resource listable, J1 accepts the key")
final class ConfigurationCheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "CLUSTER", arity = "0..*", description = "clusters to check (default: all)")
    List<String> clusters = List.of();

    @Override
    public Integer call() {
        return Bootstrap.once(TeleportJupiterOne.options(spec), context -> {
            System.out.println(EffectiveConfiguration.describe(context));
            return run(context, new LinkedHashSet<>(clusters));
        });
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
        ClusterServiceSettings clusterService = ClusterServiceSettings.read(
                new SettingReader(context.getPropertiesComponent()));
        OptionalResources optional = context.getRegistry().lookupByNameAndType("optionalResources",
                OptionalResources.class);
        return new ConfigurationCheck(new ClusterIdentities(context), probe, optional,
                ClusterServiceProbe.of(clusterService, Clock.systemUTC()), Clock.systemUTC()).run(selected);
    }
}

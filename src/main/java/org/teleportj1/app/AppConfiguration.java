package org.teleportj1.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.nio.file.Path;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;
import org.teleportj1.delivery.DryRunOutput;
import org.teleportj1.jupiterone.J1RequestHeaders;
import org.teleportj1.jupiterone.RetryAfter;
import org.teleportj1.jupiterone.SyncJobApi;
import org.teleportj1.ops.ChangeReporter;
import org.teleportj1.ops.ClusterIdentities;
import org.teleportj1.ops.ConfiguredClusters;
import org.teleportj1.ops.FingerprintState;
import org.teleportj1.ops.IdentityHealthCheck;
import org.teleportj1.ops.JupiterOneHealthCheck;
import org.teleportj1.ops.JupiterOneProbe;
import org.teleportj1.ops.LastSyncHealthCheck;
import org.teleportj1.ops.RecordRun;
import org.teleportj1.ops.RunMetrics;
import org.teleportj1.ops.SyncStatus;
import org.teleportj1.ops.TrackChanges;
import org.teleportj1.sync.CompleteGraph;
import org.teleportj1.sync.FailRun;
import org.teleportj1.sync.FinishRun;
import org.teleportj1.sync.MapPage;
import org.teleportj1.sync.OpenRun;
import org.teleportj1.sync.StartGraph;
import org.teleportj1.sync.SyncSettings;

/** Binds the processors and beans the YAML routes refer to by name, from the checked settings. */
public class AppConfiguration implements CamelConfiguration {
    /** The J1 key probe, bound only when J1 credentials are configured. */
    static final String J1_PROBE = "jupiterOneProbe";

    @Override
    public void configure(CamelContext context) {
        SyncSettings settings = AppSettings.read(context.getPropertiesComponent());
        ObjectMapper json = new ObjectMapper();
        Registry registry = context.getRegistry();
        registry.bind("syncSettings", settings);
        registry.bind("openRun", new OpenRun(settings, json));
        registry.bind("startGraph", new StartGraph());
        registry.bind("mapPage", new MapPage());
        registry.bind("completeGraph", new CompleteGraph());
        registry.bind("finishRun", new FinishRun());
        registry.bind("failRun", new FailRun());
        registry.bind("dryRunOutput", new DryRunOutput(settings.outputDir(), json));
        registry.bind("syncJobApi", new SyncJobApi(json));
        registry.bind("j1RequestHeaders", new J1RequestHeaders(settings.j1()));
        long maxDelay = AppSettings.value(context.getPropertiesComponent(), "j1.retry.max-delay-ms")
                .map(Long::parseLong).orElse(60_000L);
        registry.bind("j1RetryAfter", new RetryAfter(Duration.ofMillis(maxDelay), Clock.systemUTC()));
        bindOperations(context, settings, json);
    }

    /** Change report, status, metrics and health checks (org.teleportj1.ops). */
    private static void bindOperations(CamelContext context, SyncSettings settings, ObjectMapper json) {
        Registry registry = context.getRegistry();
        Clock clock = Clock.systemUTC();
        FingerprintState state = new FingerprintState(
                Path.of(AppSettings.value(context.getPropertiesComponent(), "sync.state-dir").orElse("state")), json);
        SyncStatus status = new SyncStatus(state);
        ClusterIdentities identities = new ClusterIdentities(context);
        RunMetrics metrics = new RunMetrics(context, status, identities, clock);
        JupiterOneProbe probe = settings.j1().hasCredentials()
                ? new JupiterOneProbe(settings.j1(), Duration.ofSeconds(15)) : null;
        registry.bind("syncStatus", status);
        registry.bind("runMetrics", metrics);
        registry.bind("trackChanges", new TrackChanges());
        registry.bind("recordRun", new RecordRun(status, metrics, new ChangeReporter(state, json)));
        if (probe != null) {
            registry.bind(J1_PROBE, probe);
        }
        // HealthCheck beans in the registry are picked up by Camel's health-check registry
        long maxAgeMinutes = AppSettings.value(context.getPropertiesComponent(), "health.max-sync-age-minutes")
                .map(Long::parseLong).orElse(0L);
        registry.bind("identityHealthCheck", new IdentityHealthCheck(context, identities, clock));
        registry.bind("lastSyncHealthCheck", new LastSyncHealthCheck(context, status,
                Duration.ofMinutes(maxAgeMinutes), clock));
        registry.bind("jupiterOneHealthCheck", new JupiterOneHealthCheck(probe, clock));
        // the clusters are known once the routes are; gauges per cluster show before the first run
        try {
            context.addStartupListener((started, alreadyStarted) ->
                    metrics.registerGauges(ConfiguredClusters.of(started)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot register the metrics startup listener", e);
        }
    }
}

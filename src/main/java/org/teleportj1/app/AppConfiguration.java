package org.teleportj1.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.nio.file.Path;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.teleportj1.batch.GraphBatchConverter;
import org.teleportj1.deadletter.DeadLetterStore;
import org.teleportj1.delivery.DeletionGuardStep;
import org.teleportj1.delivery.DeliveryFailures;
import org.teleportj1.delivery.DeliverySettings;
import org.teleportj1.delivery.DryRunOutput;
import org.teleportj1.delivery.QueuedUploads;
import org.teleportj1.delivery.RunHistory;
import org.teleportj1.delivery.RunSpools;
import org.teleportj1.jupiterone.CountRetry;
import org.teleportj1.jupiterone.J1RequestHeaders;
import org.teleportj1.jupiterone.OversizedBatch;
import org.teleportj1.jupiterone.RetryAfter;
import org.teleportj1.jupiterone.SyncJobApi;
import org.teleportj1.state.DeletionGuard;
import org.teleportj1.state.StateDirectory;
import org.teleportj1.ops.ChangeReporter;
import org.teleportj1.ops.ClusterIdentities;
import org.teleportj1.ops.CompareChanges;
import org.teleportj1.ops.ConfiguredClusters;
import org.teleportj1.ops.FingerprintState;
import org.teleportj1.ops.IdentityHealthCheck;
import org.teleportj1.ops.JupiterOneHealthCheck;
import org.teleportj1.ops.JupiterOneProbe;
import org.teleportj1.ops.LastSyncHealthCheck;
import org.teleportj1.ops.LeadershipHealthCheck;
import org.teleportj1.ops.RecordRun;
import org.teleportj1.ops.RunMetrics;
import org.teleportj1.ops.SyncStatus;
import org.teleportj1.ops.TrackChanges;
import org.teleportj1.sandbox.SandboxTeleportCluster;
import org.teleportj1.sync.CompleteGraph;
import org.teleportj1.sync.FailRun;
import org.teleportj1.sync.FinishRun;
import org.teleportj1.sync.MapPage;
import org.teleportj1.sync.OpenRun;
import org.teleportj1.sync.PartialDatasets;
import org.teleportj1.sync.RunState;
import org.teleportj1.sync.StartGraph;
import org.teleportj1.sync.SyncSettings;

/** Binds the processors and beans the YAML routes refer to by name, from the checked settings. */
public class AppConfiguration implements CamelConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(AppConfiguration.class);

    /** The J1 key probe, bound only when J1 credentials are configured. */
    static final String J1_PROBE = "jupiterOneProbe";

    @Override
    public void configure(CamelContext context) {
        SyncSettings settings = AppSettings.read(context.getPropertiesComponent());
        LOG.info("{}", AppSettings.describe(settings, AppSettings.sandboxByDefault(context.getPropertiesComponent())));
        ObjectMapper json = new ObjectMapper();
        Registry registry = context.getRegistry();
        registry.bind("syncSettings", settings);
        registry.bind("teleportSandbox", new SandboxTeleportCluster(context));
        registry.bind("openRun", new OpenRun(settings));
        DeliverySettings delivery = AppSettings.delivery(context.getPropertiesComponent());
        // the one owner of every cluster's state directory
        StateDirectory state = new StateDirectory(delivery.stateDir());
        registry.bind("stateDirectory", state);
        registry.bind("startGraph", new StartGraph(settings.graphOptions(), state));
        registry.bind("mapPage", new MapPage());
        registry.bind("completeGraph", new CompleteGraph());
        GraphBatchConverter.register(context.getTypeConverterRegistry());
        registry.bind("finishRun", new FinishRun());
        registry.bind("failRun", new FailRun());
        registry.bind("dryRunOutput", new DryRunOutput(settings.outputDir(), json));
        long maxDelay = AppSettings.number(context.getPropertiesComponent(), "j1.retry.max-delay-ms");
        registry.bind("j1RetryAfter", new RetryAfter(Duration.ofMillis(maxDelay), Clock.systemUTC()));
        bindDelivery(context, settings, delivery, json);
        bindOperations(context, settings, delivery, json);
    }

    /** J1 delivery: sync-job API, parallel uploads, spools, deletion guard, run locks, dead letters. */
    private static void bindDelivery(CamelContext context, SyncSettings settings, DeliverySettings delivery,
                                     ObjectMapper json) {
        Registry registry = context.getRegistry();
        registry.bind("deliverySettings", delivery);
        registry.bind("syncJobApi", new SyncJobApi(json, delivery.gzip(), delivery.pollInterval(), delivery.pollTimeout(),
                Clock.systemUTC()));
        registry.bind("j1RequestHeaders", new J1RequestHeaders(settings.j1()));
        registry.bind("j1CountRetry", new CountRetry());
        registry.bind("oversizedBatch", new OversizedBatch(json));
        registry.bind("deliveryFailures", new DeliveryFailures());
        // off by default: a failed listing then aborts the run, as it always did
        registry.bind("partialDatasets", new PartialDatasets(delivery.partialDatasets()));
        registry.bind("optionalResources", AppSettings.optionalResources(context.getPropertiesComponent()));
        registry.bind("queuedUploads", new QueuedUploads());
        StateDirectory state = context.getRegistry().findSingleByType(StateDirectory.class);
        registry.bind("runSpools", new RunSpools(state));
        registry.bind("deletionGuardStep", new DeletionGuardStep(state,
                new DeletionGuard(delivery.maxShrinkPercent()), delivery.allowShrink()));
        registry.bind("runHistory", new RunHistory(state));
        registry.bind("runState", new RunState(state));
        registry.bind("deadLetters", new DeadLetterStore(delivery.deadLetterDir()));
    }

    /** Change report, status, metrics and health checks (org.teleportj1.ops). */
    private static void bindOperations(CamelContext context, SyncSettings settings, DeliverySettings delivery,
                                       ObjectMapper json) {
        Registry registry = context.getRegistry();
        Clock clock = Clock.systemUTC();
        StateDirectory clusters = context.getRegistry().findSingleByType(StateDirectory.class);
        FingerprintState state = new FingerprintState(clusters, json);
        SyncStatus status = new SyncStatus(clusters, settings.mode().target());
        ClusterIdentities identities = new ClusterIdentities(context);
        RunMetrics metrics = new RunMetrics(context, status, identities, clock);
        JupiterOneProbe probe = settings.j1().hasCredentials()
                ? new JupiterOneProbe(settings.j1(), Duration.ofSeconds(15)) : null;
        registry.bind("syncStatus", status);
        registry.bind("runMetrics", metrics);
        registry.bind("trackChanges", new TrackChanges(state));
        ChangeReporter changes = new ChangeReporter(state, json);
        registry.bind("compareChanges", new CompareChanges(changes));
        registry.bind("recordRun", new RecordRun(status, metrics, changes));
        if (probe != null) {
            registry.bind(J1_PROBE, probe);
        }
        // HealthCheck beans in the registry are picked up by Camel's health-check registry
        long maxAgeMinutes = AppSettings.number(context.getPropertiesComponent(), "health.max-sync-age-minutes");
        registry.bind("identityHealthCheck", new IdentityHealthCheck(context, identities, clock));
        registry.bind("lastSyncHealthCheck", new LastSyncHealthCheck(context, status,
                Duration.ofMinutes(maxAgeMinutes), clock));
        registry.bind("jupiterOneHealthCheck", new JupiterOneHealthCheck(probe, clock));
        registry.bind("leadershipHealthCheck", new LeadershipHealthCheck(context));
        // the clusters are known once the routes are; gauges per cluster show before the first run
        try {
            context.addStartupListener((started, alreadyStarted) ->
                    metrics.registerGauges(ConfiguredClusters.of(started)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot register the metrics startup listener", e);
        }
    }
}

package org.teleportj1.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.teleportj1.deadletter.DeadLetterStore;
import org.teleportj1.delivery.DeletionGuardStep;
import org.teleportj1.delivery.DeliveryFailures;
import org.teleportj1.delivery.DeliverySettings;
import org.teleportj1.delivery.DryRunOutput;
import org.teleportj1.delivery.RunHistory;
import org.teleportj1.delivery.RunSpools;
import org.teleportj1.jupiterone.CountRetry;
import org.teleportj1.jupiterone.J1RequestHeaders;
import org.teleportj1.jupiterone.OversizedBatch;
import org.teleportj1.jupiterone.RetryAfter;
import org.teleportj1.jupiterone.SyncJobApi;
import org.teleportj1.state.ClusterLocks;
import org.teleportj1.state.DeletionGuard;
import org.teleportj1.state.RunLock;
import org.teleportj1.state.RunStateStore;
import org.teleportj1.sync.CompleteGraph;
import org.teleportj1.sync.FailRun;
import org.teleportj1.sync.FinishRun;
import org.teleportj1.sync.MapPage;
import org.teleportj1.sync.OpenRun;
import org.teleportj1.sync.StartGraph;
import org.teleportj1.sync.SyncSettings;

/** Binds the processors and beans the YAML routes refer to by name, from the checked settings. */
public class AppConfiguration implements CamelConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(AppConfiguration.class);


    @Override
    public void configure(CamelContext context) {
        SyncSettings settings = AppSettings.read(context.getPropertiesComponent());
        LOG.info("{}", AppSettings.describe(settings, AppSettings.sandboxByDefault(context.getPropertiesComponent())));
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
        long maxDelay = AppSettings.value(context.getPropertiesComponent(), "j1.retry.max-delay-ms")
                .map(Long::parseLong).orElse(60_000L);
        registry.bind("j1RetryAfter", new RetryAfter(Duration.ofMillis(maxDelay), Clock.systemUTC()));
        bindDelivery(context, settings, json);
    }

    /** J1 delivery: sync-job API, parallel uploads, spools, deletion guard, run locks, dead letters. */
    private static void bindDelivery(CamelContext context, SyncSettings settings, ObjectMapper json) {
        DeliverySettings delivery = AppSettings.delivery(context.getPropertiesComponent());
        Registry registry = context.getRegistry();
        registry.bind("deliverySettings", delivery);
        registry.bind("syncJobApi", new SyncJobApi(json, delivery.gzip(), delivery.pollTimeout(), Clock.systemUTC()));
        registry.bind("j1RequestHeaders", new J1RequestHeaders(settings.j1()));
        registry.bind("j1CountRetry", new CountRetry());
        registry.bind("oversizedBatch", new OversizedBatch(json));
        registry.bind("deliveryFailures", new DeliveryFailures());
        // bounded: at most this many upload requests (and their batches) in flight per run
        registry.bind("j1UploadPool", context.getExecutorServiceManager()
                .newFixedThreadPool(AppConfiguration.class, "j1-upload", delivery.parallelUploads()));
        registry.bind("runSpools", new RunSpools(delivery.spoolDir()));
        RunStateStore state = new RunStateStore(delivery.stateDir());
        registry.bind("runStateStore", state);
        registry.bind("deletionGuardStep", new DeletionGuardStep(state,
                new DeletionGuard(delivery.maxShrinkPercent()), delivery.allowShrink()));
        registry.bind("runHistory", new RunHistory(state));
        ClusterLocks locks = new ClusterLocks(delivery.stateDir());
        registry.bind("clusterLocks", locks);
        registry.bind("runLock", new RunLock(locks));
        registry.bind("deadLetters", new DeadLetterStore(delivery.deadLetterDir(), json));
    }
}

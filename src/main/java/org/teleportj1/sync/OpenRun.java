package org.teleportj1.sync;

import java.time.Instant;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.teleportj1.batch.GraphBatcher;
import org.teleportj1.run.SyncRun;

/** Starts a run: exchange properties {@code cluster} and {@code accountName} name the cluster. */
public class OpenRun implements Processor {
    public static final String CLUSTER = "cluster";
    public static final String ACCOUNT_NAME = "accountName";
    /** Exchange property: the run's id (its start time), for routes and their file names. */
    public static final String RUN_ID = "runId";
    /** Exchange property: the delivery target the routes hand each delivery step to (delivery.camel.yaml). */
    public static final String DELIVERY_TARGET = "deliveryTarget";
    private static final Logger LOG = LoggerFactory.getLogger(OpenRun.class);

    private final SyncSettings settings;

    public OpenRun(SyncSettings settings) {
        this.settings = settings;
    }

    @Override
    public void process(Exchange exchange) {
        String cluster = exchange.getProperty(CLUSTER, String.class);
        if (cluster == null || cluster.isBlank()) {
            throw new IllegalArgumentException("the sync route must set exchange property '" + CLUSTER + "'");
        }
        SyncRun run = new SyncRun(cluster, exchange.getProperty(ACCOUNT_NAME, String.class), settings.mode(),
                new GraphBatcher(settings.batchLimits()), Instant.now());
        exchange.setProperty(SyncRun.PROPERTY, run);
        exchange.setProperty(RUN_ID, run.runId());
        exchange.setProperty(DELIVERY_TARGET, run.mode().target());
        LOG.info("Sync of cluster '{}' started (run {}, {})", cluster, run.runId(),
                run.isDryRun() ? "dry run into " + settings.outputDir().resolve(cluster) : "delivering to JupiterOne");
    }
}

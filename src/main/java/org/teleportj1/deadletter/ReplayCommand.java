package org.teleportj1.deadletter;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.teleportj1.batch.GraphBatcher;
import org.teleportj1.jupiterone.SyncJobApi;
import org.teleportj1.state.ClusterLocks;
import org.teleportj1.state.LastSuccess;
import org.teleportj1.state.StateDirectory;
import org.teleportj1.run.DeliveryMode;
import org.teleportj1.run.FailureReason;
import org.teleportj1.run.RunResult;
import org.teleportj1.run.Replay;
import org.teleportj1.run.SyncRun;
import org.teleportj1.sync.OpenRun;
import org.teleportj1.sync.SyncSettings;

/**
 * Sends a dead letter's graph again as a new J1 job (with the partial datasets its run had, if any) (route {@code replay-run}: the same
 * delivery as a sync, with retries, deletion guard, finalize and polling). A DIFF job makes J1
 * look like the snapshot, so an older snapshot than the last applied one would roll J1 back:
 * that, and replaying twice, is refused unless forced.
 */
public final class ReplayCommand {
    private static final Logger LOG = LoggerFactory.getLogger(ReplayCommand.class);

    private final CamelContext context;

    public ReplayCommand(CamelContext context) {
        this.context = context;
    }

    public SyncRun replay(String id, boolean force, boolean allowShrink) throws IOException {
        DeadLetterStore store = bean("deadLetters", DeadLetterStore.class);
        StateDirectory state = bean("stateDirectory", StateDirectory.class);
        SyncSettings settings = bean("syncSettings", SyncSettings.class);
        DeadLetter letter = store.find(id).orElseThrow(() -> new ReplayRefusedException(
                "no dead letter " + id + " in " + store.dir() + " ('dead-letters list' shows them)"));
        if (settings.mode() != DeliveryMode.JUPITERONE) {
            throw new ReplayRefusedException("J1_API_KEY and J1_ACCOUNT_ID are not set: a replay sends to JupiterOne");
        }
        if (Envelope.REPLAYED.equals(letter.status()) && !force) {
            throw new ReplayRefusedException("dead letter " + id + " was already replayed (see 'dead-letters show "
                    + id + "'); use --force to send it again");
        }
        Optional<LastSuccess> last = state.cluster(letter.cluster()).lastApplied(DeliveryMode.JUPITERONE.target());
        if (last.isPresent() && last.get().snapshotAt().isAfter(letter.snapshotAt()) && !force) {
            throw new ReplayRefusedException("cluster '" + letter.cluster() + "' was synced successfully after this"
                    + " snapshot (run " + last.get().runId() + ", read at " + last.get().snapshotAt() + "; this one was"
                    + " read at " + letter.snapshotAt() + "): replaying it would roll J1 back to older data."
                    + " Purge it, or use --force if you really mean it");
        }
        try (ClusterLocks.Lease lease = state.cluster(letter.cluster()).lock("replay of " + id)) {
            SyncRun run = new SyncRun(letter.cluster(), null, DeliveryMode.JUPITERONE,
                    new GraphBatcher(settings.batchLimits()), Instant.now(),
                    new Replay(id, letter.snapshotAt(), allowShrink));
            // never a partial graph as complete: that finalize would delete what its run could not read
            run.delivery().partial(letter.partialTypes());
            Exchange exchange = new DefaultExchange(context);
            exchange.setProperty(SyncRun.PROPERTY, run);
            exchange.setProperty(OpenRun.DELIVERY_TARGET, DeliveryMode.JUPITERONE.target());
            // as on a sync's exchange: routes on direct:batch-copies name their files by these
            exchange.setProperty(OpenRun.CLUSTER, letter.cluster());
            exchange.setProperty(OpenRun.RUN_ID, run.runId());
            exchange.setProperty(SyncJobApi.SCOPE, letter.envelope().scope());
            exchange.setProperty(SyncJobApi.INSTANCE, letter.envelope().integrationInstanceId() == null ? "" : letter.envelope().integrationInstanceId());
            LOG.info("Replaying dead letter {} ({} objects read at {}) as a new J1 job{}", id, letter.objects(),
                    letter.snapshotAt(), letter.partialTypes().isEmpty() ? ""
                            : ", finalized with partial datasets " + letter.partialTypes());
            ProducerTemplate template = context.createProducerTemplate();
            try {
                template.send("direct:replay-run", exchange);
            } finally {
                template.stop();
            }
            if (exchange.getException() != null && run.result() == RunResult.RUNNING) {
                run.failed(FailureReason.of(exchange.getException()));
                LOG.error("Replay of {} failed: {}", id, run.failure());
            }
            return run;
        }
    }

    private <T> T bean(String name, Class<T> type) {
        T bean = context.getRegistry().lookupByNameAndType(name, type);
        if (bean == null) {
            throw new IllegalStateException("bean '" + name + "' is not bound (AppConfiguration)");
        }
        return bean;
    }
}

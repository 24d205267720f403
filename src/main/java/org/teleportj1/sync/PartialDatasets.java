package org.teleportj1.sync;

import java.util.Set;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.teleportj1.teleport.TeleportResource;
import org.teleportj1.teleport.client.TeleportException;
import org.teleportj1.run.FailureReason;
import org.teleportj1.run.SyncRun;

/**
 * In the catch block around one Teleport listing: decides whether the run may go on without it.
 * Only when {@code j1.finalize.partial-datasets} is on, the resource is tolerable
 * ({@link PartialTypes}) and the failure came from Teleport is it recorded on the run, so that
 * finalize keeps that resource's {@code _type}s in J1; otherwise the failure is rethrown and the
 * run aborts exactly as without this step.
 */
public class PartialDatasets {
    private static final Logger LOG = LoggerFactory.getLogger(PartialDatasets.class);

    private final boolean allowed;

    public PartialDatasets(boolean allowed) {
        this.allowed = allowed;
    }

    public boolean allowed() {
        return allowed;
    }

    /** Route step in a doCatch; {@code resource} is the listing's URI name (e.g. accessLists). */
    public void resourceFailed(Exchange exchange, String resource) throws Exception {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        TeleportResource kind = TeleportResource.fromUri(resource);
        // a failure of our own (mapping, dry-run files) is no missing data from Teleport: always abort
        if (!allowed || !PartialTypes.tolerable(kind) || !fromTeleport(failure)) {
            throw rethrowable(failure);
        }
        SyncRun run = exchange.getProperty(SyncRun.PROPERTY, SyncRun.class);
        String reason = FailureReason.of(failure);
        Set<String> types = PartialTypes.of(kind);
        run.partialResource(kind.uriName(), reason);
        run.delivery().partial(types);
        LOG.warn("Cluster '{}': reading {} failed ({}); the run goes on as partial (j1.finalize.partial-datasets):"
                + " J1 will not delete objects of {}", run.cluster(), kind.uriName(), reason, types);
        LOG.debug("Partial failure detail", failure);
        exchange.getMessage().setBody(null);
    }

    private static boolean fromTeleport(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TeleportException) {
                return true;
            }
        }
        return false;
    }

    private static Exception rethrowable(Throwable failure) {
        if (failure instanceof Exception e) {
            return e;
        }
        return new IllegalStateException(failure == null ? "a Teleport listing failed" : failure.getMessage(), failure);
    }
}

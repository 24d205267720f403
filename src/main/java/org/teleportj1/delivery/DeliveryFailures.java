package org.teleportj1.delivery;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.teleportj1.run.FailureReason;
import org.teleportj1.run.SyncRun;
import org.teleportj1.run.DeliveryFailure;

/**
 * In the delivery routes' catch blocks: records on the run why J1 delivery failed (the first
 * failure wins; the parallel uploads after it are skipped) with J1's HTTP status and the number
 * of attempts, and logs it once.
 */
public class DeliveryFailures {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryFailures.class);

    public void record(@ExchangeProperty(SyncRun.PROPERTY) SyncRun run, Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        DeliveryFailure failure = new DeliveryFailure(FailureReason.of(cause), status(cause), attempts(exchange));
        if (run.delivery().fail(failure)) {
            LOG.error("Cluster '{}': delivery to J1 failed after {} attempt(s): {}", run.cluster(),
                    failure.attempts(), failure.reason());
            LOG.debug("Delivery failure detail", cause);
        }
    }

    /** Route predicate: J1 delivery of this run has failed (uploads stop; close dead-letters). */
    public boolean happened(@ExchangeProperty(SyncRun.PROPERTY) SyncRun run) {
        return run.delivery().isFailed();
    }

    /** Route predicate: nothing has failed yet. */
    public boolean none(@ExchangeProperty(SyncRun.PROPERTY) SyncRun run) {
        return !happened(run);
    }

    /** A job left open by a run that died could not be aborted: it stays unfinalized, so J1 never applies it. */
    public void deadJobNotAborted(@ExchangeProperty(SyncRun.PROPERTY) SyncRun run, Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        LOG.warn("Cluster '{}': could not abort J1 sync job {}, left open by a run that did not finish ({}); it stays"
                        + " unfinalized, so J1 applies and deletes nothing from it", run.cluster(),
                exchange.getProperty(SyncRun.DEAD_RUN_JOB, String.class), FailureReason.of(cause));
    }

    /** Aborting failed too (J1 unreachable): an unfinalized job is never applied, so this is only logged. */
    public void abortFailed(@ExchangeProperty(SyncRun.PROPERTY) SyncRun run, Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        LOG.warn("Cluster '{}': could not abort J1 sync job {} ({}); it stays unfinalized, so J1 applies and deletes"
                + " nothing from it", run.cluster(), run.jobId(), FailureReason.of(cause));
    }

    private static int status(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof HttpOperationFailedException http) {
                return http.getStatusCode();
            }
        }
        return 0;
    }

    private static int attempts(Exchange exchange) {
        Integer redeliveries = exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, Integer.class);
        exchange.getMessage().removeHeaders("CamelRedelivery*");
        return redeliveries == null ? 1 : redeliveries + 1;
    }
}

package org.teleportj1.ops;

import java.util.concurrent.CompletableFuture;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.teleportj1.concurrent.Background;
import org.teleportj1.run.RunResult;
import org.teleportj1.run.SyncRun;

/**
 * The last step of every run, delivered or not: updates the status the health checks report and
 * the metrics, and after a successful run writes the change report (compared already, when
 * {@link CompareChanges} could start it early). Never fails the run: by now J1 has the data, so a
 * problem here is logged, not thrown.
 */
public class RecordRun implements Processor {
    private static final Logger LOG = LoggerFactory.getLogger(RecordRun.class);

    private final SyncStatus status;
    private final RunMetrics metrics;
    private final ChangeReporter changes;

    public RecordRun(SyncStatus status, RunMetrics metrics, ChangeReporter changes) {
        this.status = status;
        this.metrics = metrics;
        this.changes = changes;
    }

    @Override
    public void process(Exchange exchange) {
        SyncRun run = exchange.getProperty(SyncRun.PROPERTY, SyncRun.class);
        if (run == null) {
            return;
        }
        status.record(run);
        try {
            metrics.record(run);
            if (run.delivery().deadLetter() != null) {
                metrics.deadLettered(run.cluster());
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not record the metrics of run {} of cluster '{}': {}", run.runId(), run.cluster(),
                    e.getMessage());
        }
        GraphFingerprints graph = exchange.getProperty(GraphFingerprints.PROPERTY, GraphFingerprints.class);
        if (graph == null) {
            return;
        }
        CompletableFuture<?> early = exchange.getProperty(CompareChanges.PROPERTY, CompletableFuture.class);
        try {
            if (run.result() == RunResult.SUCCEEDED) {
                ChangeReport report = early == null ? changes.compare(run, graph) : (ChangeReport) Background.join(early);
                changes.record(run, graph, exchange.getProperty(TrackChanges.DETAILS, ReadableState.class), report);
            } else {
                if (early != null) {
                    // it reads the run's fingerprints: let it finish before they go
                    Background.settle(early);
                }
                graph.discard();
            }
        } catch (RuntimeException e) {
            LOG.warn("No change report for run {} of cluster '{}': {}", run.runId(), run.cluster(), e.getMessage());
        }
    }
}

package org.teleportj1.ops;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.teleportj1.run.SyncRun;

/**
 * Right after a run opens: fingerprints every object the run's batcher serializes, for the change
 * report at the end of the run.
 */
public class TrackChanges implements Processor {
    private final FingerprintState state;

    public TrackChanges(FingerprintState state) {
        this.state = state;
    }

    @Override
    public void process(Exchange exchange) {
        SyncRun run = exchange.getProperty(SyncRun.PROPERTY, SyncRun.class);
        GraphFingerprints fingerprints = GraphFingerprints.create(state.runFile(run.cluster(), run.mode().target(), run.runId()));
        run.batcher().observe(fingerprints::add);
        exchange.setProperty(GraphFingerprints.PROPERTY, fingerprints);
    }
}

package org.teleportj1.ops;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.teleportj1.run.SyncRun;

/**
 * Right after a run opens: fingerprints every object the run's batcher serializes, and keeps the
 * few details the readable report needs ({@link ReadableState}), for the change report at the end.
 */
public class TrackChanges implements Processor {
    /** The exchange property the run's {@link ReadableState} travels in. */
    public static final String DETAILS = "changeDetails";

    private final FingerprintState state;

    public TrackChanges(FingerprintState state) {
        this.state = state;
    }

    @Override
    public void process(Exchange exchange) {
        SyncRun run = exchange.getProperty(SyncRun.PROPERTY, SyncRun.class);
        GraphFingerprints fingerprints = GraphFingerprints.create(state.runFile(run.cluster(), run.mode().target(), run.runId()));
        ReadableState details = new ReadableState();
        run.batcher().observe((object, serialized) -> {
            fingerprints.add(object, serialized);
            details.add(object);
        });
        exchange.setProperty(GraphFingerprints.PROPERTY, fingerprints);
        exchange.setProperty(DETAILS, details);
    }
}

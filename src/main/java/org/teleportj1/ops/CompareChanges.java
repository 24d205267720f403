package org.teleportj1.ops;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.apache.camel.Exchange;
import org.teleportj1.concurrent.Background;
import org.teleportj1.run.SyncRun;

/**
 * Compares the run's graph with the change-report baseline on a background thread while the run
 * goes on, instead of after the finalize: there it took about a second of a 100k-user run, with
 * one of the two cores idle. The baseline is read into its index while the cluster is read
 * ({@link #index}); the run's graph is compared with it once its last object is serialized
 * ({@link #compare}). Nothing is written: {@link RecordRun} records the report only if the run
 * succeeds.
 *
 * <p>Only when the index is small next to the heap: it is held beside the run's graph, and at a
 * million users it alone takes about 490 MB, so such a run compares after it lets its graph go,
 * as before.
 */
public class CompareChanges {
    /** The exchange property the comparison travels in. */
    public static final String PROPERTY = "changeComparison";
    static final String INDEXING = "changeBaselineIndexing";
    /** The share of the heap the index may take beside the graph. */
    private static final int HEAP_SHARE = 8;
    private static final ExecutorService COMPARING = Background.threads("change-report");

    private final ChangeReporter changes;
    private final long budget;

    public CompareChanges(ChangeReporter changes) {
        this(changes, Runtime.getRuntime().maxMemory() / HEAP_SHARE);
    }

    CompareChanges(ChangeReporter changes, long budget) {
        this.changes = changes;
        this.budget = budget;
    }

    /** As the run opens: starts reading the baseline into its index, if there is one that fits. */
    public void index(Exchange exchange) {
        SyncRun run = exchange.getProperty(SyncRun.PROPERTY, SyncRun.class);
        if (run != null && exchange.getProperty(GraphFingerprints.PROPERTY) != null) {
            exchange.setProperty(INDEXING, changes.startIndexing(run, budget, COMPARING));
        }
    }

    /** Once every object is serialized: starts comparing, unless the run already failed or read only part. */
    public void compare(Exchange exchange) {
        SyncRun run = exchange.getProperty(SyncRun.PROPERTY, SyncRun.class);
        GraphFingerprints graph = exchange.getProperty(GraphFingerprints.PROPERTY, GraphFingerprints.class);
        ChangeReporter.Indexing indexing = exchange.getProperty(INDEXING, ChangeReporter.Indexing.class);
        if (run == null || graph == null || indexing == null || run.isPartial() || run.delivery().isFailed()) {
            return;
        }
        exchange.setProperty(PROPERTY, CompletableFuture.supplyAsync(
                () -> changes.compare(run, graph, indexing), COMPARING));
    }
}

package org.teleportj1.delivery;

import java.util.concurrent.CompletableFuture;
import org.teleportj1.batch.GraphBatch;
import org.teleportj1.concurrent.Background;

/**
 * A batch on its way to the upload queue while the spool thread compresses and spools it
 * ({@link RunSpools#spool}); its upload waits for the compressed batch.
 */
public record PendingBatch(CompletableFuture<GraphBatch> batch) {

    /** A batch with nothing to wait for (a replay's: it has no spool). */
    static PendingBatch ready(GraphBatch batch) {
        return new PendingBatch(CompletableFuture.completedFuture(batch));
    }

    /** The batch as it is uploaded; throws what failed to compress or spool it. */
    GraphBatch await() {
        return Background.join(batch);
    }
}

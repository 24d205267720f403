package org.teleportj1.delivery;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How runs are delivered to J1 and what is kept locally about them (config/application.properties).
 *
 * @param gzip              gzip upload bodies
 * @param parallelUploads   upload requests in flight at once, per run
 * @param pollInterval      pause between status polls of a finalized job
 * @param pollTimeout       how long to wait for a finalized job to reach FINISHED, ABORTED or ERROR
 * @param stateDir          every cluster's state (StateDirectory)
 * @param deadLetterDir     runs that could not be delivered, one directory each
 * @param maxShrinkPercent  the deletion guard trips when the graph shrinks by more than this
 * @param allowShrink       the operator allows a bigger shrink (set for one run)
 * @param partialDatasets   a failed listing of roles, access lists, members or reviews does not abort
 *                          the run: it is finalized with that resource's _types in partialDatasets
 */
public record DeliverySettings(boolean gzip, int parallelUploads, Duration pollInterval, Duration pollTimeout,
                               Path stateDir, Path deadLetterDir, int maxShrinkPercent,
                               boolean allowShrink, boolean partialDatasets) {

    public DeliverySettings {
        if (parallelUploads < 1 || parallelUploads > 64) {
            throw new IllegalArgumentException("j1.upload.parallelism must be between 1 and 64, was " + parallelUploads);
        }
        if (maxShrinkPercent < 0 || maxShrinkPercent > 100) {
            throw new IllegalArgumentException("sync.deletion-guard.max-shrink-percent must be between 0 and 100, was "
                    + maxShrinkPercent);
        }
    }

    /** Work directory of the runs in progress: their spools. */
}

package org.teleportj1.run;

/** Where a run's graph goes. */
public enum DeliveryMode {
    /** Files in the output directory: what would be uploaded, nothing sent. */
    DRY_RUN,
    /** The JupiterOne synchronization API. */
    JUPITERONE
}

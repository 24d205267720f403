package org.teleportj1.run;

/** Where a run's graph goes; the name keys what the cluster's state keeps per target. */
public enum DeliveryMode {
    /** Files in the output directory: what would be uploaded, nothing sent. */
    DRY_RUN("dry-run"),
    /** The JupiterOne synchronization API. */
    JUPITERONE("jupiterone");

    private final String target;

    DeliveryMode(String target) {
        this.target = target;
    }

    /** The target's name in state files and directories. */
    public String target() {
        return target;
    }
}

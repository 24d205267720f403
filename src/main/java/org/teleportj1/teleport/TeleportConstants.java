package org.teleportj1.teleport;

/** Message headers set by the teleport producer. */
public final class TeleportConstants {
    /** The Teleport resource the body holds pages of ({@link TeleportResource}). */
    public static final String RESOURCE = "TeleportResource";
    /** The cluster name from the identity file. */
    public static final String CLUSTER_NAME = "TeleportClusterName";

    private TeleportConstants() {
    }
}

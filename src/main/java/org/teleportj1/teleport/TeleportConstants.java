package org.teleportj1.teleport;

import org.apache.camel.spi.Metadata;

/** Message headers set by the teleport producer. */
public final class TeleportConstants {
    @Metadata(description = "The Teleport resource the body holds pages of: ping, roles, users, accessLists,"
            + " accessListMembers or accessListReviews", javaType = "String")
    public static final String RESOURCE = "TeleportResource";
    @Metadata(description = "The name of the Teleport cluster that issued the identity file", javaType = "String")
    public static final String CLUSTER_NAME = "TeleportClusterName";

    private TeleportConstants() {
    }
}

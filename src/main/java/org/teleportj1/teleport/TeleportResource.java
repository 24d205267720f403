package org.teleportj1.teleport;

import java.util.Arrays;

/** What a {@code teleport:} endpoint reads; the URI path, e.g. {@code teleport:accessListMembers}. */
public enum TeleportResource {
    PING("ping"),
    ROLES("roles"),
    USERS("users"),
    ACCESS_LISTS("accessLists"),
    ACCESS_LIST_MEMBERS("accessListMembers"),
    ACCESS_LIST_REVIEWS("accessListReviews"),
    /** A consumer: the cluster's changes ({@link TeleportWatchConsumer}). */
    WATCH("watch");

    private final String uriName;

    TeleportResource(String uriName) {
        this.uriName = uriName;
    }

    public String uriName() {
        return uriName;
    }

    public static TeleportResource fromUri(String name) {
        for (TeleportResource resource : values()) {
            if (resource.uriName.equalsIgnoreCase(name) || resource.name().equalsIgnoreCase(name)) {
                return resource;
            }
        }
        throw new IllegalArgumentException("Unknown Teleport resource '" + name + "' in a teleport: endpoint; use one of "
                + Arrays.stream(values()).map(TeleportResource::uriName).toList() + ", e.g. teleport:users");
    }
}

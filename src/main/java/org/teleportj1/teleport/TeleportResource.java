package org.teleportj1.teleport;

import java.util.Arrays;

/** What a {@code teleport:} endpoint reads; the URI path, e.g. {@code teleport:accessListMembers}. */
public enum TeleportResource {
    PING("ping", null),
    ROLES("roles", null),
    USERS("users", null),
    ACCESS_LISTS("accessLists", null),
    ACCESS_LIST_MEMBERS("accessListMembers", null),
    ACCESS_LIST_REVIEWS("accessListReviews", null),
    LOCKS("locks", "locks"),
    ACCESS_REQUESTS("accessRequests", "access-requests"),
    BOTS("bots", "bots"),
    BOT_INSTANCES("botInstances", "bot-instances"),
    SSO_CONNECTORS("ssoConnectors", "sso-connectors"),
    /** A consumer: the cluster's changes ({@link TeleportWatchConsumer}). */
    WATCH("watch", null);

    private final String uriName;
    private final String setting;

    TeleportResource(String uriName, String settingName) {
        this.uriName = uriName;
        this.setting = settingName == null ? null : "teleport.resources." + settingName;
    }

    public String uriName() {
        return uriName;
    }

    /** Optional resources are read as {@code teleport.resources.<name>} (auto, on, off) says. */
    public boolean isOptional() {
        return setting != null;
    }

    /** The setting of an optional resource, e.g. {@code teleport.resources.locks}; null for the others. */
    public String setting() {
        return setting;
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

package org.teleportj1.ops;

import org.teleportj1.teleport.TeleportConfiguration;

/**
 * One configured cluster: an instance of the route template {@code teleport-sync}, with its
 * parameters resolved.
 *
 * @param routeId  its route
 * @param cluster  its short name (logs, output and state directories)
 * @param teleport how to reach and authenticate to it
 * @param j1Scope  scope of its J1 jobs
 */
public record ClusterRoute(String routeId, String cluster, TeleportConfiguration teleport, String j1Scope) {

    /** Where it is, for messages: the address, or "built-in sandbox". */
    public String describe() {
        return "sandbox".equalsIgnoreCase(teleport.getAddress()) ? "built-in sandbox" : teleport.getAddress();
    }
}

package org.teleportj1.teleport.client;

/**
 * Why a watch ended.
 *
 * @param kind    whether trying again can help
 * @param message what happened and what to do, for the log
 */
public record WatchFailure(Kind kind, String message) {
    public enum Kind {
        /** The identity may not watch (PERMISSION_DENIED): retrying does not help, a role rule does. */
        NOT_PERMITTED,
        /** The server has no WatchEvents (UNIMPLEMENTED). */
        NOT_SUPPORTED,
        /** Anything else (connection lost, server restarted, stream closed): reconnect. */
        TRANSIENT
    }

    public boolean permanent() {
        return kind != Kind.TRANSIENT;
    }
}

package org.teleportj1.teleport.client;

/** A failure talking to Teleport whose message tells the user what is wrong and how to fix it. */
public class TeleportException extends RuntimeException {
    /** Why Teleport refused: the callers that may go on without a resource decide on this. */
    public enum Kind {
        /** The identity's roles lack the rule for the resource ({@link #rule()} names it). */
        DENIED,
        /** The server's release does not have the RPC. */
        UNIMPLEMENTED,
        /** Anything else: unreachable, timeouts, server errors, bad data. */
        OTHER
    }

    private final Kind kind;
    private final String rule;
    private final String method;

    public TeleportException(String message) {
        this(message, null, Kind.OTHER, null, null);
    }

    public TeleportException(String message, Throwable cause) {
        this(message, cause, Kind.OTHER, null, null);
    }

    TeleportException(String message, Throwable cause, Kind kind, String rule, String method) {
        super(message, cause);
        this.kind = kind;
        this.rule = rule;
        this.method = method;
    }

    public Kind kind() {
        return kind;
    }

    /** The RBAC resource whose {@code list, read} rule was missing, for {@link Kind#DENIED}; else null. */
    public String rule() {
        return rule;
    }

    /** The RPC that was refused ({@code service/method}), for DENIED and UNIMPLEMENTED; else null. */
    public String method() {
        return method;
    }
}

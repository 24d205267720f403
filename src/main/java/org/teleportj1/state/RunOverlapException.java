package org.teleportj1.state;

/** A run of the cluster is already in progress; this one must not start. */
public class RunOverlapException extends RuntimeException {
    public RunOverlapException(String message) {
        super(message);
    }
}

package org.teleportj1.deadletter;

/** A replay that would do harm (roll J1 back, send twice) and was not forced. */
public class ReplayRefusedException extends RuntimeException {
    public ReplayRefusedException(String message) {
        super(message);
    }
}

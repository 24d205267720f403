package org.teleportj1.teleport.client;

/** A failure talking to Teleport whose message tells the user what is wrong and how to fix it. */
public class TeleportException extends RuntimeException {
    public TeleportException(String message) {
        super(message);
    }

    public TeleportException(String message, Throwable cause) {
        super(message, cause);
    }
}

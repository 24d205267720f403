package org.teleportj1.teleport.client;

/** A running watch. */
public interface WatchStream extends AutoCloseable {
    /** Cancels the stream; the listener hears nothing more. Idempotent. */
    @Override
    void close();
}

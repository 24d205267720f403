package org.teleportj1.teleport.client;

/** What a watch reports, on gRPC's threads, in stream order. */
public interface WatchListener {
    /** The server confirmed the watch (its first event, OpInit): changes from now on arrive. */
    void initialized();

    /** A PUT or DELETE of a watched object. */
    void changed(WatchEvent event);

    /** The stream ended: with a failure, or closed by the server. Never called after {@link WatchStream#close()}. */
    void ended(WatchFailure failure);
}

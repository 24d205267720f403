package org.teleportj1.teleport.client;

/**
 * One cluster's connection: the identity read from disk and the gRPC channel built from it.
 * {@link #client()} re-reads the identity file when it changed (tbot rotation) and reconnects.
 */
public final class TeleportConnection implements AutoCloseable {
    private final TeleportSettings settings;

    public TeleportConnection(TeleportSettings settings) {
        this.settings = settings;
    }

    public TeleportSettings settings() {
        return settings;
    }

    /** A client for one run, on the current identity. */
    public TeleportClient client() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public void close() {
    }
}

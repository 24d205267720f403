package org.teleportj1.sandbox;

import java.nio.file.Path;

/** A stand-in Teleport auth service with real mutual TLS on loopback, seeded with realistic data. */
public final class SandboxCluster implements AutoCloseable {

    public static SandboxCluster start(SandboxOptions options) {
        throw new UnsupportedOperationException("stub");
    }

    /** host:port the server listens on (loopback). */
    public String address() {
        throw new UnsupportedOperationException("stub");
    }

    /** The client identity file, in Teleport's format. */
    public Path identityFile() {
        throw new UnsupportedOperationException("stub");
    }

    public String clusterName() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public void close() {
    }
}

package org.teleportj1.teleport;

import java.nio.file.Path;

/**
 * A cluster an application provides under a name instead of a host:port address, such as the
 * built-in sandbox ({@code address=sandbox}). The component finds it in the Camel registry by
 * type and {@link #name()}, so it needs no compile-time knowledge of where the cluster comes from.
 * It is reached directly: there is no proxy in front of it.
 */
public interface NamedTeleportCluster {
    /** The value of the {@code address} option that selects this cluster, e.g. {@code sandbox}. */
    String name();

    /** host:port of its auth service; may start the cluster on first use. */
    String address();

    /** The identity file to authenticate with. */
    Path identityFile();
}

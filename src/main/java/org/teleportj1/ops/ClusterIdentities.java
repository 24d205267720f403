package org.teleportj1.ops;

import java.util.Optional;
import org.apache.camel.CamelContext;
import org.teleportj1.teleport.TeleportComponent;
import org.teleportj1.teleport.client.IdentityFile;
import org.teleportj1.teleport.client.IdentityFileReader;
import org.teleportj1.teleport.client.TeleportConnection;

/**
 * A cluster's connection and identity file as its sync route uses them: through the route's
 * {@code teleport} component, so {@code sandbox} resolves to the running sandbox and a real
 * cluster to its identity file. Reading the identity makes no network call.
 */
public class ClusterIdentities {
    private final CamelContext context;

    public ClusterIdentities(CamelContext context) {
        this.context = context;
    }

    public TeleportConnection connection(ClusterRoute cluster) {
        TeleportComponent component = context.getComponent("teleport", TeleportComponent.class);
        return component.connection(cluster.teleport());
    }

    /** Parses the identity file; fails with the reader's actionable message. */
    public IdentityFile require(ClusterRoute cluster) {
        return IdentityFileReader.read(connection(cluster).settings().identityFile());
    }

    /** The identity, or empty when it cannot be read (the health check says why). */
    public Optional<IdentityFile> read(ClusterRoute cluster) {
        try {
            return Optional.of(require(cluster));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}

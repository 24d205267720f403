package org.teleportj1.teleport;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.teleportj1.teleport.client.ConnectMode;
import org.teleportj1.teleport.client.TeleportConnection;
import org.teleportj1.teleport.client.TeleportSettings;

/**
 * {@code teleport:<resource>?address=...&identityFile=...}: reads a Teleport cluster over gRPC with
 * mutual TLS. Endpoints of the same cluster share one {@link TeleportConnection} (one channel),
 * which re-reads the identity file when it changes. An address that names a
 * {@link NamedTeleportCluster} bound in the registry (the app binds {@code sandbox}) is resolved
 * through it.
 */
@Component("teleport")
public class TeleportComponent extends DefaultComponent {
    /** The address that selects the built-in sandbox cluster, when the application provides one. */
    public static final String SANDBOX_ADDRESS = "sandbox";

    private final Map<TeleportSettings, TeleportConnection> connections = new ConcurrentHashMap<>();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        TeleportEndpoint endpoint = new TeleportEndpoint(uri, this, TeleportResource.fromUri(remaining),
                new TeleportConfiguration());
        // bound through the generated TeleportEndpointConfigurer; options left over fail as unknown parameters
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /** An endpoint for {@code resource} with a copy of {@code configuration}, made in code rather than from a URI. */
    public TeleportEndpoint endpoint(TeleportResource resource, TeleportConfiguration configuration) {
        TeleportEndpoint endpoint = new TeleportEndpoint("teleport:" + resource.uriName(), this, resource,
                configuration.copy());
        endpoint.setCamelContext(getCamelContext());
        return endpoint;
    }

    /** The shared connection for an endpoint's configuration. */
    public TeleportConnection connection(TeleportConfiguration configuration) {
        configuration.validate();
        String address = configuration.getAddress() == null ? "" : configuration.getAddress().trim();
        NamedTeleportCluster named = named(address);
        TeleportSettings settings;
        if (named != null) {
            TeleportConfiguration direct = configuration.copy();
            direct.setMode(ConnectMode.DIRECT.uriName());
            settings = direct.toSettings(named.address(), named.identityFile());
        } else {
            if (TeleportConfiguration.blank(configuration.getIdentityFile())) {
                throw new IllegalArgumentException("No identity file is set for Teleport cluster "
                        + configuration.getAddress() + ": set TELEPORT_IDENTITY_FILE (or the cluster's identityFile)"
                        + " to the file written by 'tctl auth sign --format=file' or by tbot");
            }
            settings = configuration.toSettings(address, Path.of(configuration.getIdentityFile()));
        }
        return connections.computeIfAbsent(settings, TeleportConnection::new);
    }

    private NamedTeleportCluster named(String address) {
        for (NamedTeleportCluster cluster : getCamelContext().getRegistry().findByType(NamedTeleportCluster.class)) {
            if (cluster.name().equalsIgnoreCase(address)) {
                return cluster;
            }
        }
        if (SANDBOX_ADDRESS.equalsIgnoreCase(address)) {
            throw new IllegalArgumentException("The Teleport address 'sandbox' selects the built-in sandbox cluster,"
                    + " but this application has none (no " + NamedTeleportCluster.class.getSimpleName()
                    + " named 'sandbox' in the registry): set the address to your cluster's host:port");
        }
        return null;
    }

    @Override
    protected void doStop() throws Exception {
        connections.values().forEach(TeleportConnection::close);
        connections.clear();
        super.doStop();
    }
}

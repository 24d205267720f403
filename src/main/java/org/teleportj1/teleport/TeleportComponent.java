package org.teleportj1.teleport;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.teleportj1.sandbox.SandboxLauncher;
import org.teleportj1.teleport.client.TeleportConnection;
import org.teleportj1.teleport.client.TeleportSettings;

/**
 * {@code teleport:<resource>?address=...&identityFile=...}: reads a Teleport cluster over gRPC with
 * mutual TLS. Endpoints of the same cluster share one {@link TeleportConnection} (one channel),
 * which re-reads the identity file when it changes.
 */
@Component("teleport")
public class TeleportComponent extends DefaultComponent {
    /** The address that selects the built-in sandbox cluster. */
    public static final String SANDBOX_ADDRESS = "sandbox";

    private final Map<TeleportSettings, TeleportConnection> connections = new ConcurrentHashMap<>();
    private SandboxLauncher sandbox;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        TeleportConfiguration configuration = new TeleportConfiguration();
        // URI options bind onto the configuration POJO; an unknown option fails endpoint creation
        setProperties(configuration, parameters);
        return new TeleportEndpoint(uri, this, TeleportResource.fromUri(remaining), configuration);
    }

    /** The shared connection for an endpoint's configuration; the sandbox is started on first use. */
    public TeleportConnection connection(TeleportConfiguration configuration) {
        TeleportSettings settings;
        if (SANDBOX_ADDRESS.equalsIgnoreCase(configuration.getAddress().trim())) {
            SandboxLauncher launcher = sandbox();
            // the sandbox is an auth service on loopback: no proxy to probe
            TeleportConfiguration direct = configuration.copy();
            direct.setMode("direct");
            settings = direct.toSettings(launcher.cluster().address(), launcher.cluster().identityFile());
        } else {
            if (TeleportConfiguration.blank(configuration.getIdentityFile())) {
                throw new IllegalArgumentException("No identity file is set for Teleport cluster "
                        + configuration.getAddress() + ": set TELEPORT_IDENTITY_FILE (or the cluster's identityFile)"
                        + " to the file written by 'tctl auth sign --format=file' or by tbot");
            }
            settings = configuration.toSettings(configuration.getAddress().trim(), Path.of(configuration.getIdentityFile()));
        }
        return connections.computeIfAbsent(settings, TeleportConnection::new);
    }

    private synchronized SandboxLauncher sandbox() {
        if (sandbox == null) {
            sandbox = SandboxLauncher.of(getCamelContext());
        }
        return sandbox;
    }

    @Override
    protected void doStop() throws Exception {
        connections.values().forEach(TeleportConnection::close);
        connections.clear();
        super.doStop();
    }
}

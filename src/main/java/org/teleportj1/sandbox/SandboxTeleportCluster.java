package org.teleportj1.sandbox;

import java.nio.file.Path;
import org.apache.camel.CamelContext;
import org.teleportj1.teleport.NamedTeleportCluster;

/** Address {@code sandbox} of the teleport component: the context's sandbox, started on first use. */
public class SandboxTeleportCluster implements NamedTeleportCluster {
    private final CamelContext context;

    public SandboxTeleportCluster(CamelContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "sandbox";
    }

    @Override
    public String address() {
        return SandboxLauncher.of(context).cluster().address();
    }

    @Override
    public Path identityFile() {
        return SandboxLauncher.of(context).cluster().identityFile();
    }
}

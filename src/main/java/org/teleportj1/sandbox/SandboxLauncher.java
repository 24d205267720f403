package org.teleportj1.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the sandbox cluster the first time a route asks for address {@code sandbox}, and stops it
 * with the CamelContext. Its identity file lives in a private temporary directory.
 */
public class SandboxLauncher extends ServiceSupport {
    public static final String BEAN_NAME = "sandboxLauncher";
    private static final Logger LOG = LoggerFactory.getLogger(SandboxLauncher.class);

    private int users;
    private SandboxCluster cluster;

    /**
     * The context's launcher: the one bound under {@link #BEAN_NAME}, or a new one bound there and
     * registered as a service of the context, so the sandbox stops with it.
     */
    public static synchronized SandboxLauncher of(CamelContext context) {
        SandboxLauncher launcher = context.getRegistry().lookupByNameAndType(BEAN_NAME, SandboxLauncher.class);
        if (launcher == null) {
            launcher = new SandboxLauncher();
            context.getRegistry().bind(BEAN_NAME, launcher);
        }
        if (!context.hasService(launcher)) {
            try {
                context.addService(launcher, true, true);
            } catch (Exception e) {
                throw new IllegalStateException("cannot register the sandbox cluster with the CamelContext", e);
            }
        }
        return launcher;
    }

    /** Extra generated users beyond the built-in demo data. */
    public void setUsers(int users) {
        this.users = users;
    }

    public synchronized SandboxCluster cluster() {
        if (cluster == null) {
            try {
                Path dir = Files.createTempDirectory("teleport-j1-sandbox-");
                dir.toFile().deleteOnExit();
                cluster = SandboxCluster.start(new SandboxOptions(0, dir, users));
                LOG.info("Sandbox Teleport cluster {} listening on {} (identity file {})",
                        cluster.clusterName(), cluster.address(), cluster.identityFile());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a directory for the sandbox cluster", e);
            }
        }
        return cluster;
    }

    @Override
    protected synchronized void doStop() {
        if (cluster != null) {
            cluster.close();
            cluster = null;
        }
    }
}

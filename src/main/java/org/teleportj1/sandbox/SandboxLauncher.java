package org.teleportj1.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.teleportj1.state.OwnerOnlyFiles;

/**
 * Starts the sandbox cluster the first time a route asks for address {@code sandbox}, and stops it
 * with the CamelContext. Its identity file lives in a private temporary directory, deleted when it
 * stops: the identity holds a private key, and a run of the README's first command left one behind
 * each time. The directory's name carries the process id, so that a launcher also deletes those a
 * killed process left.
 */
public class SandboxLauncher extends ServiceSupport {
    public static final String BEAN_NAME = "sandboxLauncher";
    static final String DIR_PREFIX = "teleport-j1-sandbox-";
    private static final Logger LOG = LoggerFactory.getLogger(SandboxLauncher.class);

    private int users;
    private SandboxCluster cluster;
    private Path dir;

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
                dir = Files.createTempDirectory(DIR_PREFIX + ProcessHandle.current().pid() + "-");
                deleteLeftovers(dir.getParent());
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
        if (dir != null) {
            deleteTree(dir);
            dir = null;
        }
    }

    /** Deletes the directories of sandboxes whose process is gone. */
    static void deleteLeftovers(Path temp) {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(temp, DIR_PREFIX + "*-*")) {
            for (Path dir : dirs) {
                String pid = dir.getFileName().toString().substring(DIR_PREFIX.length()).split("-", 2)[0];
                if (pid.chars().allMatch(Character::isDigit) && !pid.isEmpty()
                        && ProcessHandle.of(Long.parseLong(pid)).isEmpty()) {
                    deleteTree(dir);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("could not look for sandbox directories left in {}: {}", temp, e.toString());
        }
    }

    private static void deleteTree(Path dir) {
        try {
            OwnerOnlyFiles.deleteTree(dir);
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Could not delete the sandbox's directory {} ({}); delete it by hand: it holds a sandbox identity",
                    dir, e.getMessage());
        }
    }
}

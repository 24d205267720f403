package org.teleportj1.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.teleportj1.sandbox.SandboxCluster;

/** Cluster route files, as an operator writes them, for sandbox clusters started by a test. */
final class ClusterFiles {
    private ClusterFiles() {
    }

    /** One templatedRoute of teleport-sync per entry (cluster name → sandbox), in {@code dir/clusters.camel.yaml}. */
    static Path write(Path dir, Map<String, SandboxCluster> clusters) {
        StringBuilder yaml = new StringBuilder();
        clusters.forEach((name, cluster) -> yaml.append("""
                - templatedRoute:
                    routeTemplateRef: teleport-sync
                    routeId: sync-%s
                    parameters:
                      - { name: cluster, value: %s }
                      - { name: address, value: "%s" }
                      - { name: identityFile, value: "%s" }
                      - { name: connectMode, value: direct }
                """.formatted(name, name, cluster.address(), cluster.identityFile())));
        try {
            Files.createDirectories(dir);
            return Files.writeString(dir.resolve("clusters.camel.yaml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The routes pattern that replaces the default cluster with the files in {@code dir}. */
    static String includePattern(Path dir) {
        return AppOptions.MACHINERY_ROUTES + ",file:" + dir.toAbsolutePath() + "/*.yaml";
    }
}

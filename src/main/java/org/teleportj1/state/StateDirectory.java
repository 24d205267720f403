package org.teleportj1.state;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@code sync.state-dir}: one {@link ClusterState} per cluster, each the only writer of its directory. */
public final class StateDirectory {
    private final Path root;
    private final ClusterLocks locks;
    private final ObjectMapper json = StateJson.mapper();
    private final Map<String, ClusterState> clusters = new ConcurrentHashMap<>();

    public StateDirectory(Path root) {
        this.root = root;
        this.locks = new ClusterLocks(root);
    }

    public Path root() {
        return root;
    }

    public ClusterState cluster(String name) {
        return clusters.computeIfAbsent(ClusterNames.checked(name), cluster -> new ClusterState(root, cluster, locks, json));
    }
}

package org.teleportj1.state;

/** Cluster names become file and directory names; only safe ones are accepted. */
public final class ClusterNames {
    private ClusterNames() {
    }

    public static String checked(String cluster) {
        if (cluster == null || !cluster.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}") || cluster.contains("..")) {
            throw new IllegalArgumentException("cluster name '" + cluster
                    + "' must be letters, digits, '-', '_' or '.' (it names state files and directories)");
        }
        return cluster;
    }
}

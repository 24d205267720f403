package org.teleportj1.ops;

import java.util.Optional;
import org.apache.camel.CamelContext;

/**
 * Which replica syncs a cluster, as this process sees it: what the health checks show. With no
 * cluster service every process syncs every cluster ({@link #SINGLE_INSTANCE}); the {@code run}
 * command with one binds its live view in the registry.
 */
public interface Leadership {

    /** This process's part in syncing a cluster. */
    enum Role {
        SINGLE_INSTANCE, LEADER, FOLLOWER
    }

    Leadership SINGLE_INSTANCE = new Leadership() {
        @Override
        public Role role(String cluster) {
            return Role.SINGLE_INSTANCE;
        }

        @Override
        public Optional<String> leader(String cluster) {
            return Optional.empty();
        }
    };

    Role role(String cluster);

    /** The leading replica's id, when the cluster service tells it. */
    Optional<String> leader(String cluster);

    /** The live view bound in the context's registry, else {@link #SINGLE_INSTANCE}. */
    static Leadership of(CamelContext context) {
        Leadership bound = context.getRegistry().findSingleByType(Leadership.class);
        return bound == null ? SINGLE_INSTANCE : bound;
    }

    /** How a health check or log says it: leader, follower (leader: x), no cluster service (single instance). */
    static String describe(Leadership leadership, String cluster) {
        return switch (leadership.role(cluster)) {
            case SINGLE_INSTANCE -> "no cluster service (single instance)";
            case LEADER -> "leader";
            case FOLLOWER -> "follower" + leadership.leader(cluster).map(id -> " (leader: " + id + ")").orElse("");
        };
    }
}

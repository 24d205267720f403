package org.teleportj1.ops;

/**
 * What {@code check} says about a cluster's leadership: it runs in a process of its own, so it
 * looks at where the cluster service keeps the leader (without joining the election).
 */
@FunctionalInterface
public interface LeadershipProbe {

    /** ok false: the cluster service cannot be reached or read; the detail says what to fix. */
    record Answer(boolean ok, String detail) {
    }

    LeadershipProbe SINGLE_INSTANCE = cluster -> new Answer(true,
            "no cluster service (single instance): every 'run' process syncs this cluster");

    Answer probe(String cluster);
}

package org.teleportj1.graph;

import java.util.List;
import org.teleportj1.proto.accesslist.v1.AccessList;
import org.teleportj1.proto.accesslist.v1.Member;
import org.teleportj1.proto.accesslist.v1.Review;
import org.teleportj1.proto.types.RoleV6;
import org.teleportj1.proto.types.UserV2;

/**
 * Turns one run's Teleport pages into J1 entities and relationships. Pages arrive in the order
 * roles, users, access lists, members, reviews; {@link #complete()} emits what needs the whole
 * cluster (effective access, escalation edges, stub users).
 */
public final class GraphBuilder {
    private final ClusterInfo cluster;
    private final GraphSink sink;

    public GraphBuilder(ClusterInfo cluster, GraphSink sink) {
        this.cluster = cluster;
        this.sink = sink;
    }

    public void account() {
    }

    public void roles(List<RoleV6> page) {
    }

    public void users(List<UserV2> page) {
    }

    public void accessLists(List<AccessList> page) {
    }

    public void members(List<Member> page) {
    }

    public void reviews(List<Review> page) {
    }

    public void complete() {
    }
}

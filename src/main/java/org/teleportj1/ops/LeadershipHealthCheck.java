package org.teleportj1.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * {@code teleport-j1/leadership}: per cluster whether this replica leads its sync
 * ({@code <cluster>.leadership}: leader, follower, or no cluster service). Always UP: following is
 * what a replica is for, and Camel's Kubernetes election lets only ready pods lead, so a follower
 * that said DOWN could never take over.
 */
public class LeadershipHealthCheck extends ReadinessCheck {
    private final CamelContext context;

    public LeadershipHealthCheck(CamelContext context) {
        super("leadership");
        this.context = context;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        Leadership leadership = Leadership.of(context);
        List<String> leads = new ArrayList<>();
        List<String> follows = new ArrayList<>();
        boolean single = false;
        for (ClusterRoute cluster : ConfiguredClusters.of(context)) {
            String name = cluster.cluster();
            builder.detail(name + ".leadership", Leadership.describe(leadership, name));
            switch (leadership.role(name)) {
                case LEADER -> leads.add(name);
                case FOLLOWER -> follows.add(name);
                case SINGLE_INSTANCE -> single = true;
            }
        }
        builder.up();
        builder.message(single ? "no cluster service (single instance): this process syncs every cluster"
                : "this replica leads " + (leads.isEmpty() ? "no cluster" : String.join(", ", leads))
                + (follows.isEmpty() ? "" : "; follows " + String.join(", ", follows)));
    }
}

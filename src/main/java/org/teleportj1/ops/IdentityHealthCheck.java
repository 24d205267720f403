package org.teleportj1.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.teleportj1.teleport.client.IdentityFile;

/**
 * {@code teleport-j1/identity}: every cluster's identity file parses and is valid now. Details per
 * cluster: {@code <cluster>.identity.notAfter}, {@code .secondsToExpiry}, {@code .user} or
 * {@code .error}. Readiness only: restarting does not renew an identity.
 */
public class IdentityHealthCheck extends ReadinessCheck {
    private final CamelContext context;
    private final ClusterIdentities identities;
    private final Clock clock;

    public IdentityHealthCheck(CamelContext context, ClusterIdentities identities, Clock clock) {
        super("identity");
        this.context = context;
        this.identities = identities;
        this.clock = clock;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.up();
        Instant now = clock.instant();
        StringBuilder problems = new StringBuilder();
        for (ClusterRoute cluster : ConfiguredClusters.of(context)) {
            String prefix = cluster.cluster() + ".identity.";
            try {
                IdentityFile identity = identities.require(cluster);
                long seconds = Duration.between(now, identity.notAfter()).getSeconds();
                builder.detail(prefix + "notAfter", identity.notAfter().toString());
                builder.detail(prefix + "secondsToExpiry", seconds);
                builder.detail(prefix + "user", identity.user());
                identity.requireValidAt(now);
            } catch (RuntimeException e) {
                builder.down();
                builder.detail(prefix + "error", e.getMessage());
                problems.append(problems.isEmpty() ? "" : "; ").append(cluster.cluster()).append(": ")
                        .append(e.getMessage());
            }
        }
        builder.message(problems.isEmpty() ? "every cluster's identity is valid" : problems.toString());
    }
}

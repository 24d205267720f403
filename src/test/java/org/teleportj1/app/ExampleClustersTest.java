package org.teleportj1.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.teleportj1.ops.ClusterRoute;
import org.teleportj1.ops.ConfiguredClusters;

/** The commented two-cluster example in config/examples loads as it is documented. */
class ExampleClustersTest extends AppTestSupport {
    @Override
    protected void settings(Properties properties) {
        properties.put("camel.main.routes-include-pattern", ClusterFiles.includePattern(Path.of("config/examples")));
        properties.put("teleport.call-timeout-seconds", "7");
    }

    @Test
    void twoClustersWithTheirOwnAddressesModesAndScopes() {
        List<ClusterRoute> clusters = ConfiguredClusters.of(context);

        assertEquals(List.of("prod", "staging"), clusters.stream().map(ClusterRoute::cluster).sorted().toList());
        ClusterRoute prod = clusters.stream().filter(c -> c.cluster().equals("prod")).findFirst().orElseThrow();
        ClusterRoute staging = clusters.stream().filter(c -> c.cluster().equals("staging")).findFirst().orElseThrow();
        assertEquals("example.teleport.sh:443", prod.teleport().getAddress());
        assertEquals("auto", prod.teleport().getMode());
        assertEquals("teleport-prod", prod.j1Scope());
        assertEquals("direct", staging.teleport().getMode());
        assertEquals("/var/lib/teleport-jupiterone/staging/identity", staging.teleport().getIdentityFile());
        assertEquals("teleport-staging", staging.j1Scope());
        // read from the routes' teleport: endpoints, as the runs use them
        assertEquals(7, prod.teleport().getCallTimeoutSeconds());
        assertEquals(67108864, staging.teleport().getMaxMessageBytes());
    }
}

package org.teleportj1.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.teleportj1.ops.ConfiguredClusters;
import org.teleportj1.sandbox.SandboxCluster;
import org.teleportj1.sandbox.SandboxOptions;
import org.teleportj1.run.RunResult;
import org.teleportj1.run.SyncRun;

/** A second cluster is a YAML entry only: two sandbox clusters, one process, two separate dry-run outputs. */
class TwoClusterSyncTest extends AppTestSupport {
    private static final ObjectMapper JSON = new ObjectMapper();
    // CamelTestSupport asks for properties from its constructor, before instance fields exist
    private static final Path WORK = TestDirectories.create("two-clusters");
    private static final SandboxCluster EAST = SandboxCluster.start(SandboxOptions.defaults(WORK.resolve("east"))
            .withClusterName("east.teleport.local"));
    private static final SandboxCluster WEST = SandboxCluster.start(SandboxOptions.defaults(WORK.resolve("west"))
            .withClusterName("west.teleport.local"));
    private static final Path ROUTES = ClusterFiles.write(WORK.resolve("routes"),
            new LinkedHashMap<>(Map.of("east", EAST, "west", WEST))).getParent();

    @AfterAll
    static void stopClusters() {
        EAST.close();
        WEST.close();
    }

    @Override
    protected void settings(Properties properties) {
        properties.put("camel.main.routes-include-pattern", ClusterFiles.includePattern(ROUTES));
        properties.put("sync.output-dir", WORK.resolve("output").toString());
        properties.put("sync.state-dir", WORK.resolve("state").toString());
    }

    @Test
    void theClusterFileReplacesTheDefaultCluster() {
        List<String> clusters = ConfiguredClusters.of(context).stream().map(c -> c.cluster()).sorted().toList();
        assertEquals(List.of("east", "west"), clusters);
        assertEquals("127.0.0.1:" + EAST.port(), ConfiguredClusters.of(context).stream()
                .filter(c -> c.cluster().equals("east")).findFirst().orElseThrow().teleport().getAddress());
        assertEquals("teleport-east", ConfiguredClusters.of(context).stream()
                .filter(c -> c.cluster().equals("east")).findFirst().orElseThrow().j1Scope(),
                "the template's default scope is per cluster");
    }

    @Test
    void eachClusterGetsItsOwnDryRunOutput() throws Exception {
        List<SyncRun> runs = OneShotSync.runAll(context, Set.of());

        assertEquals(2, runs.size());
        runs.forEach(run -> assertEquals(RunResult.SUCCEEDED, run.result(), run.failure()));
        assertEquals(0, OneShotSync.exitCode(runs));
        for (String cluster : List.of("east", "west")) {
            String other = cluster.equals("east") ? "west" : "east";
            Path dir = WORK.resolve("output").resolve(cluster);
            JsonNode summary = JSON.readTree(dir.resolve("summary.json").toFile());
            assertEquals(cluster, summary.path("cluster").asText());
            assertEquals(cluster + ".teleport.local", summary.path("clusterName").asText());
            List<String> entities = Files.readAllLines(dir.resolve("entities.ndjson"));
            assertTrue(entities.size() > 20);
            assertTrue(entities.stream().allMatch(line -> line.contains("teleport:" + cluster + ".teleport.local")));
            assertFalse(entities.stream().anyMatch(line -> line.contains(other + ".teleport.local")));
        }
    }

    @Test
    void oneClusterCanBeSyncedAlone() {
        List<SyncRun> runs = OneShotSync.runAll(context, Set.of("west"));

        assertEquals(1, runs.size());
        assertEquals("west", runs.get(0).cluster());
        assertEquals(RunResult.SUCCEEDED, runs.get(0).result(), runs.get(0).failure());
    }
}

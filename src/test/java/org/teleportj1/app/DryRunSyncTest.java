package org.teleportj1.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.teleportj1.run.RunResult;
import org.teleportj1.run.SyncRun;

/** The shipped routes and defaults: a full sync of the sandbox cluster over real mTLS, in dry-run mode. */
class DryRunSyncTest extends AppTestSupport {
    private static final ObjectMapper JSON = new ObjectMapper();

    // CamelTestSupport asks for properties from its constructor, before instance fields exist
    private static final Path OUTPUT = TestDirectories.create("dry-run-sync");

    @Override
    protected void settings(Properties properties) {
        properties.put("sync.output-dir", OUTPUT.toString());
        properties.put("sync.state-dir", OUTPUT.resolve("state").toString());
    }

    @Test
    void everyShippedRouteLoads() {
        Set<String> ids = new HashSet<>();
        context.getRoutes().forEach(route -> ids.add(route.getRouteId()));
        assertTrue(ids.containsAll(List.of("sync-default", "open-delivery", "deliver-batches", "close-delivery",
                "abort-delivery", "report-run", "j1-start-job", "j1-upload", "j1-finalize", "j1-abort", "j1-request")),
                ids.toString());
    }

    @Test
    void syncsTheSandboxIntoTheThreeDryRunFiles() throws Exception {
        List<SyncRun> runs = OneShotSync.runAll(context, Set.of());

        assertEquals(1, runs.size());
        SyncRun run = runs.get(0);
        assertEquals(RunResult.SUCCEEDED, run.result(), run.failure());
        assertEquals(0, OneShotSync.exitCode(runs));
        Path dir = OUTPUT.resolve("default");
        List<String> entities = Files.readAllLines(dir.resolve("entities.ndjson"));
        List<String> relationships = Files.readAllLines(dir.resolve("relationships.ndjson"));
        assertTrue(entities.size() > 20, "sandbox entities: " + entities.size());
        Set<String> entityKeys = new HashSet<>();
        for (String line : entities) {
            JsonNode entity = JSON.readTree(line);
            for (String field : List.of("_key", "_type", "_class", "name", "displayName")) {
                assertTrue(entity.hasNonNull(field), field + " missing in " + line);
            }
            assertTrue(entityKeys.add(entity.get("_key").asText()), "duplicate key " + entity.get("_key"));
        }
        for (String line : relationships) {
            JsonNode relationship = JSON.readTree(line);
            if (relationship.has("_mapping")) {
                // mapped: the other end is in another integration (docs/jupiterone.md §4.1)
                assertTrue(entityKeys.contains(relationship.path("_mapping").path("sourceEntityKey").asText()), line);
                continue;
            }
            assertTrue(entityKeys.contains(relationship.get("_fromEntityKey").asText()), "dangling from: " + line);
            assertTrue(entityKeys.contains(relationship.get("_toEntityKey").asText()), "dangling to: " + line);
        }
        JsonNode summary = JSON.readTree(dir.resolve("summary.json").toFile());
        assertEquals("default", summary.path("cluster").asText());
        assertEquals("sandbox.teleport.local", summary.path("clusterName").asText());
        assertEquals("succeeded", summary.path("result").asText());
        assertEquals(entities.size() + relationships.size(), summary.path("objects").asLong());
        long perType = 0;
        for (JsonNode count : summary.path("countsByType")) {
            perType += count.asLong();
        }
        assertEquals(summary.path("objects").asLong(), perType);
        for (String type : List.of("teleport_account", "teleport_user", "teleport_role", "teleport_account_has_user",
                "teleport_account_has_role", "teleport_user_assigned_role")) {
            assertTrue(summary.path("countsByType").path(type).asLong() > 0, type + " in " + summary);
        }
    }
}

package org.teleportj1.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.teleportj1.sandbox.SandboxBehaviour;
import org.teleportj1.sandbox.SandboxLauncher;
import org.teleportj1.sync.PartialTypes;
import org.teleportj1.run.RunResult;
import org.teleportj1.run.SyncRun;
import org.teleportj1.teleport.TeleportResource;

/** A dry run with j1.finalize.partial-datasets on records and reports the failed listing the same way. */
class PartialDryRunTest extends AppTestSupport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path OUTPUT = TestDirectories.create("partial-dry-run");

    @Override
    protected void settings(Properties properties) {
        properties.put("sync.output-dir", OUTPUT.toString());
        properties.put("sync.state-dir", OUTPUT.resolve("state").toString());
        properties.put("j1.finalize.partial-datasets", "true");
    }

    @Test
    void aDeniedRoleListingIsReportedAsPartialInTheSummary() throws Exception {
        sandbox().behaviour(SandboxBehaviour.normal().withPermissionDenied("role"));

        List<SyncRun> runs = OneShotSync.runAll(context, Set.of());

        assertEquals(RunResult.PARTIAL, runs.get(0).result(), runs.get(0).failure());
        assertEquals(TeleportJupiterOne.PARTIAL_FAILURE, OneShotSync.exitCode(runs));
        Path dir = OUTPUT.resolve("default");
        assertTrue(Files.readAllLines(dir.resolve("entities.ndjson")).size() > 1, "the rest was written");
        JsonNode summary = JSON.readTree(dir.resolve("summary.json").toFile());
        assertEquals("partial", summary.path("result").asText());
        assertTrue(summary.path("partialResources").path("roles").asText().contains("denied"), summary.toString());
        List<String> types = new ArrayList<>();
        summary.path("partialTypes").forEach(type -> types.add(type.asText()));
        assertEquals(List.copyOf(PartialTypes.of(TeleportResource.ROLES)), types);
        assertEquals(0, summary.path("countsByType").path("teleport_role").asLong());
    }

    private org.teleportj1.sandbox.SandboxCluster sandbox() {
        return SandboxLauncher.of(context).cluster();
    }
}

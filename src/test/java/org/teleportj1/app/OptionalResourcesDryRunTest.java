package org.teleportj1.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.teleportj1.run.RunResult;
import org.teleportj1.run.SyncRun;
import org.teleportj1.sandbox.SandboxBehaviour;
import org.teleportj1.sandbox.SandboxCluster;
import org.teleportj1.sandbox.SandboxLauncher;
import org.teleportj1.sandbox.TeleportVersion;

/**
 * Optional resources in auto mode (the default), over the real mTLS sandbox: denied or not served,
 * the run still succeeds, says what to change, and keeps the resource's types in J1 (partial
 * datasets). The type lists are spelled out here, independent of PartialTypes.
 */
class OptionalResourcesDryRunTest extends AppTestSupport {
    static final List<String> LOCK_TYPES = List.of("teleport_account_has_lock", "teleport_lock",
            "teleport_lock_restricts_role", "teleport_lock_restricts_user");
    static final List<String> BOT_AND_INSTANCE_TYPES = List.of("teleport_account_has_bot",
            "teleport_account_has_bot_instance", "teleport_bot", "teleport_bot_assigned_role",
            "teleport_bot_has_instance", "teleport_bot_instance", "teleport_bot_is_user");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path OUTPUT = TestDirectories.create("optional-dry-run");

    @Override
    protected void settings(Properties properties) {
        properties.put("sync.output-dir", OUTPUT.toString());
        properties.put("sync.state-dir", OUTPUT.resolve("state").toString());
    }

    @BeforeEach
    void normalSandbox() {
        sandbox().behaviour(SandboxBehaviour.normal());
    }

    @Test
    void deniedLocksAreOneWarningAndPartialTypesNotAFailedRun() throws IOException {
        sandbox().behaviour(SandboxBehaviour.normal().withPermissionDenied("lock"));

        List<SyncRun> runs = OneShotSync.runAll(context, Set.of());
        SyncRun run = runs.get(0);

        assertEquals(RunResult.SUCCEEDED, run.result(), run.failure());
        assertEquals(TeleportJupiterOne.OK, OneShotSync.exitCode(runs));
        String why = run.unreadResources().get("locks");
        assertTrue(why.contains("[{resources: [lock], verbs: [list, read]}]") && why.contains("teleport.resources.locks"),
                why);
        JsonNode summary = JSON.readTree(OUTPUT.resolve("default/summary.json").toFile());
        assertEquals("succeeded", summary.path("result").asText());
        assertEquals(LOCK_TYPES, texts(summary.path("partialTypes")));
        List<String> entities = Files.readAllLines(OUTPUT.resolve("default/entities.ndjson"));
        assertFalse(entities.stream().anyMatch(e -> e.contains("\"_type\":\"teleport_lock\"")), "no lock was read");
        assertTrue(entities.stream().anyMatch(e -> e.contains("\"_type\":\"teleport_bot\"")), "the rest was read");
    }

    @Test
    void aReleaseWithoutBotServiceSkipsBotsAndInstancesWithAnUpgradeHint() throws IOException {
        sandbox().behaviour(SandboxBehaviour.normal().withTeleportVersion(TeleportVersion.V14_3));

        SyncRun run = OneShotSync.runAll(context, Set.of()).get(0);

        assertEquals(RunResult.SUCCEEDED, run.result(), run.failure());
        assertEquals(Set.of("bots", "botInstances"), run.unreadResources().keySet());
        assertTrue(run.unreadResources().get("bots").contains("upgrade Teleport"), run.unreadResources().toString());
        assertEquals(1, sandbox().calls("GetAccessRequestsV2"), "the older access-request stream is used instead");
        JsonNode summary = JSON.readTree(OUTPUT.resolve("default/summary.json").toFile());
        assertEquals(BOT_AND_INSTANCE_TYPES, texts(summary.path("partialTypes")));
        assertTrue(Files.readString(OUTPUT.resolve("default/entities.ndjson")).contains("teleport_access_request"));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(node -> out.add(node.asText()));
        return out;
    }

    private SandboxCluster sandbox() {
        return SandboxLauncher.of(context).cluster();
    }
}

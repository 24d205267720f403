package org.teleportj1.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.teleportj1.sandbox.SandboxBehaviour;
import org.teleportj1.sandbox.SandboxCluster;
import org.teleportj1.sandbox.SandboxOptions;
import org.teleportj1.sandbox.SandboxSeed;
import org.teleportj1.run.RunResult;
import org.teleportj1.run.SyncRun;

/**
 * Two runs against a sandbox changed in between (a user added, a membership removed, a role
 * edited) report exactly those changes, and nothing else, by _type.
 */
class ChangeReportSyncTest extends AppTestSupport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path WORK = TestDirectories.create("change-report");
    private static final SandboxCluster CLUSTER = SandboxCluster.start(SandboxOptions.defaults(WORK.resolve("sandbox")));
    private static final Path ROUTES = ClusterFiles.write(WORK.resolve("routes"), Map.of("lab", CLUSTER)).getParent();
    private static final Path STATE = WORK.resolve("state");
    private static final String KEYS = "teleport:" + SandboxOptions.DEFAULT_CLUSTER_NAME + ":";

    @AfterAll
    static void stopCluster() {
        CLUSTER.close();
    }

    @Override
    protected void settings(Properties properties) {
        properties.put("camel.main.routes-include-pattern", ClusterFiles.includePattern(ROUTES));
        properties.put("sync.output-dir", WORK.resolve("output").toString());
        properties.put("sync.state-dir", STATE.toString());
    }

    @Test
    void reportsExactlyTheUserTheMembershipAndTheRole() throws Exception {
        deleteState();
        JsonNode first = syncAndReadReport();
        assertTrue(first.path("firstRun").asBoolean(), first.toString());
        String baselineRun = first.path("runId").asText();

        SandboxDemo.change(CLUSTER);
        JsonNode report = syncAndReadReport();

        assertFalse(report.path("firstRun").asBoolean());
        assertEquals(baselineRun, report.path("comparedWithRunId").asText());
        String newUser = KEYS + "user:" + SandboxDemo.NEW_USER;
        String bob = KEYS + "user:" + SandboxSeed.BOB_GITHUB;
        String engineering = KEYS + "access_list:" + SandboxSeed.ENGINEERING;
        String auditor = KEYS + "role:auditor";
        // entities: the new user added; the edited role and the list that lost a member changed
        assertEquals(List.of(newUser), keys(report, "teleport_user", "added"));
        assertEquals(List.of(auditor), keys(report, "teleport_role", "changed"));
        assertEquals(List.of(engineering), keys(report, "teleport_access_list", "changed"));
        // relationships: the membership removed; the rest follows from the same two people
        assertEquals(List.of(engineering + "|has|" + bob), keys(report, "teleport_access_list_has_user", "removed"));
        assertEquals(Set.of("teleport_user", "teleport_role", "teleport_access_list", "teleport_access_list_has_user",
                "teleport_account_has_user", "teleport_user_assigned_role"), fieldNames(report.path("byType")));
        for (String kind : List.of("added", "removed", "changed")) {
            report.path("byType").forEach(type -> type.path(kind).forEach(key -> {
                String k = key.asText();
                boolean explained = k.contains(newUser) || k.contains(auditor)
                        || (k.contains(bob) && k.contains(SandboxSeed.ENGINEERING)) || k.equals(engineering);
                assertTrue(explained, kind + " " + k + " is not one of the three changes");
            }));
        }
        List<String> sentences = new ArrayList<>();
        report.path("sentences").forEach(sentence -> sentences.add(sentence.asText()));
        // people in name order, then roles
        assertEquals(List.of(
                "bob removed from list Engineering: lost dev-db, dev-k8s",
                "User " + SandboxDemo.NEW_USER + " added, granted access directly",
                "Role auditor changed: allowLogins added audit-readonly"), sentences);
        String text = java.nio.file.Files.readString(STATE.resolve("lab").resolve("dry-run").resolve("changes.txt"));
        assertTrue(text.contains("  - bob removed from list Engineering: lost dev-db, dev-k8s"), text);
        assertEquals(3, report.path("added").asLong(), report.toString());
        assertEquals(3, report.path("removed").asLong(), report.toString());
        assertEquals(2, report.path("changed").asLong(), report.toString());

        JsonNode unchanged = syncAndReadReport();
        assertEquals(0, unchanged.path("added").asLong() + unchanged.path("removed").asLong()
                + unchanged.path("changed").asLong(), unchanged.toString());
    }

    @Test
    void aFailedRunIsNeverTheBaseline() throws Exception {
        JsonNode before = syncAndReadReport();
        CLUSTER.behaviour(SandboxBehaviour.normal().withPermissionDenied("role"));
        try {
            List<SyncRun> runs = OneShotSync.runAll(context, Set.of("lab"));
            assertEquals(RunResult.FAILED, runs.get(0).result());
            assertEquals(1, OneShotSync.exitCode(runs));
        } finally {
            CLUSTER.behaviour(SandboxBehaviour.normal());
        }
        JsonNode after = JSON.readTree(STATE.resolve("lab").resolve("dry-run").resolve("changes.json").toFile());
        assertEquals(before.path("runId").asText(), after.path("runId").asText(), "report untouched by the failure");
        JsonNode next = syncAndReadReport();
        assertEquals(before.path("runId").asText(), next.path("comparedWithRunId").asText());
    }

    private static void deleteState() throws java.io.IOException {
        try (var files = java.nio.file.Files.walk(STATE.resolve("lab"))) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (java.nio.file.NoSuchFileException none) {
            // no earlier run
        }
    }

    private JsonNode syncAndReadReport() throws Exception {
        List<SyncRun> runs = OneShotSync.runAll(context, Set.of("lab"));
        assertEquals(RunResult.SUCCEEDED, runs.get(0).result(), runs.get(0).failure());
        JsonNode report = JSON.readTree(STATE.resolve("lab").resolve("dry-run").resolve("changes.json").toFile());
        assertEquals(runs.get(0).runId(), report.path("runId").asText());
        return report;
    }

    private static List<String> keys(JsonNode report, String type, String kind) {
        List<String> keys = new ArrayList<>();
        report.path("byType").path(type).path(kind).forEach(key -> keys.add(key.asText()));
        return keys;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new java.util.TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

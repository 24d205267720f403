package org.teleportj1.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.teleportj1.app.TestDirectories;
import org.teleportj1.app.AppTestSupport;
import org.teleportj1.app.OneShotSync;
import org.teleportj1.app.TeleportJupiterOne;
import org.teleportj1.deadletter.DeadLetter;
import org.teleportj1.deadletter.DeadLetterStore;
import org.teleportj1.deadletter.ReplayCommand;
import org.teleportj1.jupiterone.J1StandIn;
import org.teleportj1.sandbox.SandboxBehaviour;
import org.teleportj1.sandbox.SandboxCluster;
import org.teleportj1.sandbox.SandboxLauncher;
import org.teleportj1.state.LastSuccess;
import org.teleportj1.state.OwnerOnlyFiles;
import org.teleportj1.state.StateDirectory;
import org.teleportj1.run.RunResult;
import org.teleportj1.run.SyncRun;

/**
 * The opt-in partial finalize (j1.finalize.partial-datasets=true): full syncs of the sandbox over
 * mTLS into the J1 stand-in with a Teleport listing denied. The expected type lists are spelled
 * out here on purpose, independent of PartialTypes. With the option off the same denial aborts
 * (J1DeliveryTest.aTeleportReadFailureMidRunAbortsWithoutFinalizeOrDeadLetter).
 */
class PartialDatasetsDeliveryTest extends AppTestSupport {
    /** Lists, members and reviews (one RBAC resource in Teleport), and the stub users they name. */
    static final List<String> ACCESS_LIST_TYPES = List.of(
            "teleport_access_list",
            "teleport_access_list_assigned_role",
            "teleport_access_list_has_list",
            "teleport_access_list_has_review",
            "teleport_access_list_has_user",
            "teleport_access_list_owns_list",
            "teleport_access_list_review",
            "teleport_access_request_created_list",
            "teleport_account_has_access_list",
            "teleport_account_has_user",
            "teleport_role_allows_user",
            "teleport_user",
            "teleport_user_assigned_role",
            "teleport_user_owns_access_list",
            "teleport_user_performed_access_list_review");
    static final List<String> ROLE_TYPES = List.of(
            "teleport_access_list_assigned_role",
            "teleport_access_request_has_role",
            "teleport_account_has_role",
            "teleport_bot_assigned_role",
            "teleport_github_team_assigned_role",
            "teleport_idp_group_assigned_role",
            "teleport_lock_restricts_role",
            "teleport_role",
            "teleport_role_allows_role",
            "teleport_role_allows_user",
            "teleport_sso_connector_assigned_role",
            "teleport_user_assigned_role");

    private static final J1StandIn J1 = new J1StandIn();
    private static final Path STATE = TestDirectories.create("partial-state");
    private static final Path DEAD_LETTERS = TestDirectories.create("partial-dead-letters");

    @AfterAll
    static void stopJ1() {
        J1.close();
    }

    @Override
    protected void settings(Properties properties) {
        properties.put("teleport.address", "sandbox");
        properties.put("j1.api-base-url", J1.baseUrl());
        properties.put("j1.api-key", "j1-partial-test-key");
        properties.put("j1.account-id", "account-partial");
        properties.put("j1.scope", "teleport-partial-test");
        properties.put("j1.batch.max-objects", "50");
        properties.put("j1.retry.max-retries", "1");
        properties.put("j1.retry.initial-delay-ms", "5");
        properties.put("j1.retry.max-delay-ms", "20");
        properties.put("j1.job.poll-interval-ms", "5");
        properties.put("j1.finalize.partial-datasets", "true");
        properties.put("sync.state-dir", STATE.toString());
        properties.put("sync.dead-letter-dir", DEAD_LETTERS.toString());
    }

    @BeforeEach
    void healthyJ1AndNoHistory() throws IOException {
        J1.reset();
        OwnerOnlyFiles.deleteTree(STATE);
        OwnerOnlyFiles.deleteTree(DEAD_LETTERS);
        sandbox().behaviour(SandboxBehaviour.normal());
    }

    @Test
    void deniedAccessListsAreFinalizedAsPartialDatasets() throws IOException {
        sandbox().behaviour(SandboxBehaviour.normal().withPermissionDenied("access_list"));

        List<SyncRun> runs = OneShotSync.runAll(context, Set.of("default"));
        SyncRun run = runs.get(0);

        assertEquals(RunResult.PARTIAL, run.result(), run.failure());
        assertEquals(TeleportJupiterOne.PARTIAL_FAILURE, OneShotSync.exitCode(runs));
        assertEquals(List.of("accessListMembers", "accessListReviews", "accessLists"),
                new ArrayList<>(run.partialResources().keySet()));
        assertTrue(run.partialResources().get("accessLists").contains("denied"), run.partialResources().toString());
        J1StandIn.Job job = onlyJob();
        assertEquals(1, job.finalizes.get());
        assertEquals("FINISHED", job.status);
        assertEquals(ACCESS_LIST_TYPES, partialTypes(job.finalizeBody));
        assertTrue(job.entityKeys.stream().anyMatch(key -> key.contains(":user:")), "users were uploaded");
        assertTrue(job.entityKeys.stream().anyMatch(key -> key.contains(":role:")), "roles were uploaded");
        assertFalse(job.entityKeys.stream().anyMatch(key -> key.contains(":access_list:")), "no list was read");
        assertEquals(run.batcher().objectCount(), job.objects(), "everything read was uploaded");
        assertEquals(List.of(), TestDirectories.regularFiles(DEAD_LETTERS));
        assertEquals(List.of(), TestDirectories.regularFiles(STATE.resolve("default").resolve("spool")));
    }

    @Test
    void deniedRolesAreFinalizedAsPartialDatasets() {
        sandbox().behaviour(SandboxBehaviour.normal().withPermissionDenied("role"));

        SyncRun run = sync();

        assertEquals(RunResult.PARTIAL, run.result(), run.failure());
        assertEquals(Set.of("roles"), run.partialResources().keySet());
        J1StandIn.Job job = onlyJob();
        assertEquals(1, job.finalizes.get());
        assertEquals(ROLE_TYPES, partialTypes(job.finalizeBody));
        assertTrue(job.entityKeys.stream().anyMatch(key -> key.contains(":access_list:")), "lists were uploaded");
    }

    @Test
    void deniedUsersAlwaysAbort() {
        sandbox().behaviour(SandboxBehaviour.normal().withPermissionDenied("user"));

        List<SyncRun> runs = OneShotSync.runAll(context, Set.of("default"));

        assertEquals(RunResult.FAILED, runs.get(0).result());
        assertEquals(TeleportJupiterOne.SYNC_FAILED, OneShotSync.exitCode(runs));
        assertTrue(runs.get(0).partialResources().isEmpty());
        J1StandIn.Job job = onlyJob();
        assertEquals("ABORTED", job.status);
        assertEquals(0, job.finalizes.get());
        assertEquals(List.of(), TestDirectories.regularFiles(DEAD_LETTERS));
    }

    @Test
    void aCompleteRunNeedsNoPartialDatasets() {
        SyncRun run = sync();

        assertEquals(RunResult.SUCCEEDED, run.result(), run.failure());
        assertFalse(onlyJob().finalizeBody.has("partialDatasets"), onlyJob().finalizeBody.toString());
    }

    @Test
    void theDeletionGuardComparesOnlyTheCompleteTypesAndKeepsThePartialCounts() throws IOException {
        SyncRun complete = sync();
        assertEquals(RunResult.SUCCEEDED, complete.result(), complete.failure());
        J1.reset();
        sandbox().behaviour(SandboxBehaviour.normal().withPermissionDenied("access_list"));

        SyncRun partial = sync();

        // far more than 20% fewer objects, but none of the missing ones would be deleted
        assertTrue(partial.batcher().objectCount() * 100 < complete.batcher().objectCount() * 80,
                partial.batcher().objectCount() + " of " + complete.batcher().objectCount());
        assertEquals(RunResult.PARTIAL, partial.result(), partial.failure());
        LastSuccess last = new StateDirectory(STATE).cluster("default").lastApplied("jupiterone").orElseThrow();
        assertEquals(partial.runId(), last.runId());
        assertEquals(complete.batcher().countsByType(), last.countsByType(),
                "J1 kept the earlier lists, so the next guard compares against them");
        assertEquals(complete.batcher().objectCount(), last.objects());
    }

    @Test
    void aPartialRunThatJ1RefusesIsDeadLetteredAndReplayedAsPartial() throws IOException {
        sandbox().behaviour(SandboxBehaviour.normal().withPermissionDenied("access_list"));
        J1.down(new J1StandIn.Answer(503, Map.of()));

        SyncRun run = sync();

        assertEquals(RunResult.FAILED, run.result());
        assertNotNull(run.delivery().deadLetter(), run.failure());
        DeadLetter letter = store().read("default/" + run.runId());
        assertEquals(ACCESS_LIST_TYPES, List.copyOf(letter.partialTypes()));
        assertTrue(letter.envelope().partialResources().containsKey("accessLists"), letter.envelope().toString());

        J1.down(null);
        SyncRun replay = new ReplayCommand(context).replay(letter.id(), false, false);

        assertEquals(RunResult.PARTIAL, replay.result(), replay.failure());
        J1StandIn.Job job = onlyJob();
        assertEquals("FINISHED", job.status);
        assertEquals(ACCESS_LIST_TYPES, partialTypes(job.finalizeBody), "never a partial graph as complete");
        assertEquals("replayed", store().read(letter.id()).status());
    }

    private static List<String> partialTypes(JsonNode finalizeBody) {
        assertNotNull(finalizeBody);
        List<String> types = new ArrayList<>();
        finalizeBody.path("partialDatasets").path("types").forEach(type -> types.add(type.asText()));
        return types;
    }

    private SyncRun sync() {
        return OneShotSync.runAll(context, Set.of("default")).get(0);
    }

    private SandboxCluster sandbox() {
        return SandboxLauncher.of(context).cluster();
    }

    private DeadLetterStore store() {
        return context.getRegistry().lookupByNameAndType("deadLetters", DeadLetterStore.class);
    }

    private static J1StandIn.Job onlyJob() {
        assertEquals(1, J1.jobs().size());
        return J1.jobs().get(0);
    }
}

package org.teleportj1.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teleportj1.jupiterone.J1StandIn;

/**
 * A run's JVM is killed ({@code kill -9}) while it uploads to J1; the next run cleans up after
 * it: the dead run's job is aborted at J1, its spool and fingerprints are removed, and the new run
 * is applied. Both runs are real child processes of the program's entry point.
 */
class CrashRecoveryTest {
    private static final J1StandIn J1 = new J1StandIn();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @AfterAll
    static void stopJ1() {
        J1.close();
    }

    @Test
    void theRunAfterAKilledRunAbortsItsJobAndRemovesItsFiles() throws Exception {
        Path state = dir.resolve("state");
        CountDownLatch uploading = J1.holdUploads();
        ChildProgram first = sync();
        assertTrue(uploading.await(120, TimeUnit.SECONDS), "the first run reached its uploads: " + first.output());
        first.kill();
        J1.release();

        JsonNode left = JSON.readTree(state.resolve("default").resolve("state.json").toFile());
        JsonNode dead = left.path("runInProgress");
        assertEquals("job-1", dead.path("jobId").asText(), "the dead run recorded its open job: " + left);
        assertFalse(runFiles(state, dead.path("runId").asText()).isEmpty(), "the dead run left its spool behind");

        ChildProgram second = sync();
        assertEquals(0, second.exitCode(), second.output());

        assertEquals(2, J1.jobs().size());
        J1StandIn.Job abandoned = J1.jobs().get(0);
        assertEquals("ABORTED", abandoned.status, "the dead run's job is aborted");
        assertNotNull(abandoned.abortReason);
        assertTrue(abandoned.abortReason.contains("did not finish"), abandoned.abortReason);
        assertEquals("FINISHED", J1.jobs().get(1).status);
        assertEquals(List.of(), runFiles(state, dead.path("runId").asText()), "nothing of the dead run is left");
        assertEquals(List.of(), spools(state), "no spool is left after the second run");
        JsonNode after = JSON.readTree(state.resolve("default").resolve("state.json").toFile());
        assertTrue(after.path("runInProgress").isNull() || after.path("runInProgress").isMissingNode(), after.toString());
        String log = second.output();
        assertEquals(1, log.lines().filter(line -> line.contains("did not finish (its process stopped)")).count(),
                "the clean-up is logged once: " + log);
    }

    /** The program's {@code sync} in a JVM of its own, configured as a user would: environment variables. */
    private ChildProgram sync() {
        return ChildProgram.start(dir, Map.of(
                "TELEPORT_ADDRESS", "sandbox",
                "J1_API_BASE_URL", J1.baseUrl(),
                "J1_API_KEY", "crash-test-key",
                "J1_ACCOUNT_ID", "crash-test",
                "J1_BATCH_MAX_OBJECTS", "50",
                "J1_JOB_POLL_INTERVAL_MS", "10",
                "SYNC_STATE_DIR", dir.resolve("state").toString(),
                "SYNC_DEAD_LETTER_DIR", dir.resolve("dead-letters").toString(),
                "SYNC_OUTPUT_DIR", dir.resolve("output").toString()), "sync");
    }

    /** The spool and fingerprint files of one run. */
    private static List<Path> runFiles(Path state, String runId) throws IOException {
        try (Stream<Path> files = Files.walk(state)) {
            return files.filter(path -> path.getFileName().toString().contains(runId)).toList();
        }
    }

    private static List<Path> spools(Path state) throws IOException {
        Path spools = state.resolve("default").resolve("spool");
        if (!Files.isDirectory(spools)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(spools)) {
            return files.toList();
        }
    }
}

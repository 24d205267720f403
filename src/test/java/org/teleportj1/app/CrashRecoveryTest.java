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
import java.util.ArrayList;
import java.util.List;
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
        Process first = sync("first");
        assertTrue(uploading.await(120, TimeUnit.SECONDS), "the first run reached its uploads: " + output("first"));
        first.destroyForcibly(); // SIGKILL: no shutdown hook, no finally
        first.waitFor();
        J1.release();

        JsonNode left = JSON.readTree(state.resolve("default").resolve("state.json").toFile());
        JsonNode dead = left.path("runInProgress");
        assertEquals("job-1", dead.path("jobId").asText(), "the dead run recorded its open job: " + left);
        assertFalse(runFiles(state, dead.path("runId").asText()).isEmpty(), "the dead run left its spool behind");

        Process second = sync("second");
        assertTrue(second.waitFor(180, TimeUnit.SECONDS), "second run ended");
        assertEquals(0, second.exitValue(), output("second"));

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
        String log = output("second");
        assertEquals(1, log.lines().filter(line -> line.contains("did not finish (its process stopped)")).count(),
                "the clean-up is logged once: " + log);
    }

    private Process sync(String name) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath(),
                "-Dteleport.address=sandbox",
                "-Dj1.api-base-url=" + J1.baseUrl(),
                "-Dj1.api-key=crash-test-key",
                "-Dj1.account-id=crash-test",
                "-Dj1.batch.max-objects=50",
                "-Dj1.job.poll-interval-ms=10",
                "-Dsync.state-dir=" + dir.resolve("state"),
                "-Dsync.dead-letter-dir=" + dir.resolve("dead-letters"),
                "-Dsync.output-dir=" + dir.resolve("output"),
                TeleportJupiterOne.class.getName(), "sync"));
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile()).start();
    }

    /**
     * The program's class path without the test classes. Surefire may start the tests from a jar
     * whose manifest holds the class path; a child then gets that list itself, so it scans every
     * directory once.
     */
    static String classPath() throws IOException {
        String path = System.getProperty("java.class.path");
        List<String> entries = new ArrayList<>(List.of(path.split(java.io.File.pathSeparator)));
        if (entries.size() == 1 && entries.get(0).endsWith(".jar")) {
            try (java.util.jar.JarFile booter = new java.util.jar.JarFile(entries.get(0))) {
                String manifest = booter.getManifest().getMainAttributes().getValue("Class-Path");
                if (manifest != null) {
                    entries = Stream.of(manifest.trim().split("\\s+"))
                            .map(url -> Path.of(java.net.URI.create(url)).toString()).toList();
                }
            }
        }
        return String.join(java.io.File.pathSeparator, entries.stream()
                .filter(entry -> !entry.replace('\\', '/').contains("target/test-classes")).distinct().toList());
    }

    private String output(String name) throws IOException {
        Path log = dir.resolve(name + ".log");
        return Files.isRegularFile(log) ? Files.readString(log) : "";
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

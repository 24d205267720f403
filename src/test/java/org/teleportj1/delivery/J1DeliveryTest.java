package org.teleportj1.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.teleportj1.app.TestDirectories;
import org.teleportj1.app.AppTestSupport;
import org.teleportj1.app.OneShotSync;
import org.teleportj1.batch.FastGzip;
import org.teleportj1.batch.GraphKind;
import org.teleportj1.batch.UploadBodyReader;
import org.teleportj1.deadletter.DeadLetter;
import org.teleportj1.app.DeadLetterCommand;
import org.teleportj1.deadletter.DeadLetterStore;
import org.teleportj1.deadletter.Envelope;
import org.teleportj1.deadletter.ReplayCommand;
import org.teleportj1.deadletter.ReplayRefusedException;
import org.teleportj1.jupiterone.J1StandIn;
import org.teleportj1.sandbox.SandboxBehaviour;
import org.teleportj1.sandbox.SandboxCluster;
import org.teleportj1.sandbox.SandboxLauncher;
import org.teleportj1.state.ClusterLocks;
import org.teleportj1.state.LastSuccess;
import org.teleportj1.state.OwnerOnlyFiles;
import org.teleportj1.state.RunSpool;
import org.teleportj1.state.StateDirectory;
import org.teleportj1.run.RunResult;
import org.teleportj1.run.SyncRun;

/**
 * Issue 5's acceptance: full syncs of the sandbox cluster into the J1 stand-in with faults on
 * the J1 side (429 with Retry-After, 503, connection resets, 413, J1 down) and the Teleport side
 * (a read failure mid-run), the deletion guard, dead letters and their replay, run overlap, and
 * no secret in any log line or dead-letter file.
 */
class J1DeliveryTest extends AppTestSupport {
    private static final String API_KEY = "j1-secret-api-key-5f3c9e1a";
    private static final int MAX_RETRIES = 4;
    private static final J1StandIn J1 = new J1StandIn();
    private static final Path STATE = TestDirectories.create("j1-delivery-state");
    private static final Path DEAD_LETTERS = TestDirectories.create("j1-delivery-dead-letters");
    private static final ObjectMapper JSON = new ObjectMapper();

    private LogCapture log;

    @AfterAll
    static void stopJ1() {
        J1.close();
    }

    @Override
    protected void settings(Properties properties) {
        properties.put("teleport.address", "sandbox");
        properties.put("j1.api-base-url", J1.baseUrl());
        properties.put("j1.api-key", API_KEY);
        properties.put("j1.account-id", "account-delivery");
        properties.put("j1.scope", "teleport-delivery-test");
        properties.put("j1.batch.max-objects", "7");
        properties.put("j1.retry.max-retries", String.valueOf(MAX_RETRIES));
        properties.put("j1.retry.initial-delay-ms", "5");
        properties.put("j1.retry.max-delay-ms", "20");
        properties.put("j1.job.poll-interval-ms", "5");
        properties.put("sync.state-dir", STATE.toString());
        properties.put("sync.dead-letter-dir", DEAD_LETTERS.toString());
    }

    @BeforeEach
    void healthyJ1AndNoHistory() throws IOException {
        log = LogCapture.attach();
        J1.reset();
        OwnerOnlyFiles.deleteTree(STATE);
        OwnerOnlyFiles.deleteTree(DEAD_LETTERS);
        sandbox().behaviour(SandboxBehaviour.normal());
    }

    @AfterEach
    void noSecretsAnywhere() throws IOException {
        log.detach();
        for (String line : log.lines()) {
            assertFalse(line.contains(API_KEY), "API key in a log line: " + line);
            assertFalse(line.contains("PRIVATE KEY"), "private key in a log line: " + line);
        }
        for (Path file : TestDirectories.regularFiles(DEAD_LETTERS)) {
            String text = read(file);
            assertFalse(text.contains(API_KEY), "API key in " + file);
            assertFalse(text.contains("PRIVATE KEY"), "private key in " + file);
        }
    }

    @Test
    void flakyJ1GetsEveryObjectExactlyOnceWithOneFinalize() {
        J1.failFirstAttemptOfEvery("/entities", 3, new J1StandIn.Answer(429, Map.of("Retry-After", "1")));
        J1.failFirstAttemptOfEvery("/relationships", 4, new J1StandIn.Answer(503, Map.of()));
        J1.failFirstAttemptOfEvery("/relationships", 5, J1StandIn.Answer.reset());
        J1.failFirstAttemptOfEvery("/entities", 7, J1StandIn.Answer.reset());

        SyncRun run = sync();

        assertEquals(RunResult.SUCCEEDED, run.result(), run.failure());
        J1StandIn.Job job = onlyJob();
        assertEverythingOnce(run, job);
        assertEquals(1, job.finalizes.get());
        assertEquals("FINISHED", job.status);
        assertEquals("FINISHED", run.delivery().jobStatus());
        long faulted = J1.requests().stream().filter(r -> r.status() != 200).count();
        assertTrue(faulted >= 4, "faults injected: " + faulted);
        assertEquals(faulted, run.retries(), "every failed request was retried once and counted");
        assertTrue(log.contains("retried requests"), "the summary reports retries");
        assertTrue(J1.requests("/entities").stream().allMatch(r -> "gzip".equals(r.header("Content-Encoding"))),
                "uploads are gzipped");
        assertEquals(List.of(), TestDirectories.regularFiles(DEAD_LETTERS));
        assertEquals(List.of(), TestDirectories.regularFiles(STATE.resolve("default").resolve("spool")), "the spool is gone after success");
    }

    @Test
    void tooLargeBodiesAreSplitUntilJ1TakesThem() {
        J1.rejectBodiesOver(4000);

        SyncRun run = sync();

        assertEquals(RunResult.SUCCEEDED, run.result(), run.failure());
        assertTrue(J1.requests().stream().anyMatch(r -> r.status() == 413), "some bodies were refused");
        J1StandIn.Job job = onlyJob();
        assertEverythingOnce(run, job);
        assertTrue(J1.requests("/entities").stream().filter(r -> r.status() == 200)
                .allMatch(r -> r.body().length <= 4000));
        assertEquals(1, job.finalizes.get());
    }

    @Test
    void j1DownForTheWholeRunDeadLettersItAndAReplayDeliversIt() throws IOException {
        J1.down(new J1StandIn.Answer(503, Map.of()));

        SyncRun run = sync();

        assertEquals(RunResult.FAILED, run.result());
        assertEquals(List.of(), J1.jobs(), "no job was ever started");
        assertEquals(List.of(), J1.requests("/finalize"));
        assertEquals(1 + MAX_RETRIES, J1.requests("/jobs").size(), "start retried, then given up");
        DeadLetter letter = onlyDeadLetter();
        assertEquals("default/" + run.runId(), letter.id());
        Envelope envelope = letter.envelope();
        assertTrue(envelope.reason().contains("HTTP 503"), envelope.toString());
        assertEquals(503, envelope.httpStatus());
        assertEquals(1 + MAX_RETRIES, envelope.attempts());
        assertEquals(run.batcher().objectCount(), envelope.objects());
        assertEquals("teleport-delivery-test", envelope.scope());
        assertEquals(run.batcher().objectCount(), spooledObjects(letter, GraphKind.ENTITIES).size()
                + spooledObjects(letter, GraphKind.RELATIONSHIPS).size(), "the complete graph is spooled");
        assertOwnerOnly(letter.dir());
        assertEquals(1.0, context.getRegistry().findSingleByType(MeterRegistry.class)
                .get("teleport.j1.dead.letters").tag("cluster", "default").counter().count(), "dead letters counted");

        String listed = command("list");
        assertTrue(listed.contains(letter.id()) && listed.contains("503"), listed);
        assertTrue(command("show", letter.id()).contains("\"attempts\" : " + (1 + MAX_RETRIES)));

        J1.down(null);
        SyncRun replay = new ReplayCommand(context).replay(letter.id(), false, false);

        assertEquals(RunResult.SUCCEEDED, replay.result(), replay.failure());
        J1StandIn.Job job = onlyJob();
        assertEquals("FINISHED", job.status);
        assertEquals(envelope.objects(), job.objects());
        assertEquals(job.objects(), new HashSet<>(keys(job)).size(), "no object twice");
        assertEquals("teleport-delivery-test", job.start.path("scope").asText());
        DeadLetter replayed = store().read(letter.id());
        assertEquals("replayed", replayed.status());
        assertEquals(job.id, replayed.envelope().replays().get(0).jobId());
        assertThrows(ReplayRefusedException.class, () -> new ReplayCommand(context).replay(letter.id(), false, false),
                "a second replay needs --force");
        assertTrue(command("purge", "--replayed").contains("Purged " + letter.id()));
        assertEquals(List.of(), store().list());
    }

    @Test
    void uploadsFailingAfterTheJobStartedAbortItAndDeadLetterTheRun() {
        J1.failEvery("/relationships", 1, new J1StandIn.Answer(500, Map.of()));

        SyncRun run = sync();

        assertEquals(RunResult.FAILED, run.result());
        J1StandIn.Job job = onlyJob();
        assertEquals("ABORTED", job.status);
        assertEquals(0, job.finalizes.get());
        assertTrue(job.abortReason.contains("HTTP 500"), job.abortReason);
        DeadLetter letter = onlyDeadLetter();
        assertEquals(500, letter.envelope().httpStatus());
        assertEquals(run.batcher().objectCount(), letter.objects());
    }

    /**
     * J1 accepts every upload, then refuses the finalize: the dead letter's spool is, kind by kind,
     * exactly the gzip bodies J1 received (each batch was compressed once, for both).
     */
    @Test
    void theSpoolHoldsTheVeryBytesThatWereUploaded() throws IOException {
        J1.failNext("/finalize", 400, Map.of());

        SyncRun run = sync();

        assertEquals(RunResult.FAILED, run.result());
        DeadLetter letter = onlyDeadLetter();
        for (GraphKind kind : GraphKind.values()) {
            List<byte[]> uploaded = J1.requests("/" + kind.field()).stream().filter(r -> r.status() == 200)
                    .map(J1StandIn.Request::wire).toList();
            assertTrue(uploaded.size() > 1, "several " + kind.field() + " batches");
            assertConcatenationOf(uploaded, Files.readAllBytes(letter.dir().resolve(RunSpool.fileName(kind))),
                    kind.field());
        }
    }

    /**
     * The change report is compared while the delivery closes (the sandbox's baseline is far under
     * the heap share that allows it), but written only once J1 applied the run: a refused finalize
     * leaves the report and its baseline as they were, and no fingerprints of the failed run.
     */
    @Test
    void aRefusedFinalizeLeavesTheChangeReportAndItsBaselineAsTheyWere() throws IOException {
        assertEquals(RunResult.SUCCEEDED, sync().result());
        Path reports = STATE.resolve("default").resolve("jupiterone");
        Map<Path, Integer> before = contentHashes(reports);
        J1.failNext("/finalize", 400, Map.of());

        assertEquals(RunResult.FAILED, sync().result());

        assertEquals(before, contentHashes(reports), "the change report and its baseline are as the last good run left them");
    }

    private static Map<Path, Integer> contentHashes(Path dir) throws IOException {
        Map<Path, Integer> hashes = new TreeMap<>();
        for (Path file : TestDirectories.regularFiles(dir)) {
            hashes.put(dir.relativize(file), Arrays.hashCode(Files.readAllBytes(file)));
        }
        return hashes;
    }

    /**
     * Nothing lost across an upgrade: a dead letter the version before wrote (one object a line,
     * entities.ndjson.gz and relationships.ndjson.gz) replays every object once.
     */
    @Test
    void aDeadLetterOfTheVersionBeforeStillReplaysWhole() throws IOException {
        J1.down(new J1StandIn.Answer(503, Map.of()));
        SyncRun run = sync();
        DeadLetter letter = onlyDeadLetter();
        Set<String> spooledKeys = new HashSet<>();
        for (GraphKind kind : GraphKind.values()) {
            Path lines = letter.dir().resolve(kind.field() + ".ndjson.gz");
            try (OutputStream out = FastGzip.output(Files.newOutputStream(lines))) {
                for (byte[] object : spooledObjects(letter, kind)) {
                    out.write(object);
                    out.write('\n');
                    spooledKeys.add(JSON.readTree(object).path("_key").asText());
                }
            }
            Files.delete(letter.dir().resolve(RunSpool.fileName(kind)));
        }
        assertEquals(run.batcher().objectCount(), spooledKeys.size());

        J1.down(null);
        SyncRun replay = new ReplayCommand(context).replay(letter.id(), false, false);

        assertEquals(RunResult.SUCCEEDED, replay.result(), replay.failure());
        J1StandIn.Job job = onlyJob();
        assertEquals("FINISHED", job.status);
        assertEquals(run.batcher().objectCount(), job.objects());
        assertEquals(spooledKeys, new HashSet<>(keys(job)), "every object, none twice");
        assertEquals(run.batcher().countsByType(), replay.batcher().countsByType());
        assertTrue(J1.requests("/entities").stream().allMatch(r -> r.body().length > 0
                && "gzip".equals(r.header("Content-Encoding"))), "the replay's uploads are gzipped");
    }

    @Test
    void aClientErrorFailsTheRunWithJ1sCodeAndMessage() {
        J1.failNext("/entities", 400, Map.of());

        SyncRun run = sync();

        assertEquals(RunResult.FAILED, run.result());
        assertTrue(run.failure().contains("HTTP 400") && run.failure().contains("SCRIPTED: scripted 400"),
                run.failure());
        assertEquals(1, J1.requests("/entities").stream().filter(r -> r.status() == 400).count(), "not retried");
        assertEquals(0, onlyJob().finalizes.get());
    }

    @Test
    void aTeleportReadFailureMidRunAbortsWithoutFinalizeOrDeadLetter() {
        sandbox().behaviour(SandboxBehaviour.normal().withPermissionDenied("access_list"));

        SyncRun run = sync();

        assertEquals(RunResult.FAILED, run.result());
        J1StandIn.Job job = onlyJob();
        assertEquals("ABORTED", job.status);
        assertEquals(0, job.finalizes.get());
        assertFalse(J1.requests("/entities").isEmpty(), "users and roles were uploaded before the failure");
        assertEquals(List.of(), TestDirectories.regularFiles(DEAD_LETTERS), "a partial graph is never replayable");
        assertEquals(List.of(), TestDirectories.regularFiles(STATE.resolve("default").resolve("spool")));
        List<String> denied = log.lines().stream().filter(line -> line.contains("denied"))
                .filter(line -> line.startsWith("WARN") || line.startsWith("ERROR")).toList();
        assertEquals(1, denied.size(), "the failure is logged once as a problem (and in the summary): " + denied);
        assertTrue(denied.get(0).startsWith("ERROR") && !denied.get(0).contains("\n\tat "),
                "one error line, no stack trace: " + denied.get(0));
    }

    @Test
    void deletionGuardTripsOnAHalfSizedGraphButNotOnAFivePercentShrink() throws IOException {
        long objects = sync().batcher().objectCount();
        J1.reset();

        remember(objects * 2);
        SyncRun halved = sync();
        assertEquals(RunResult.FAILED, halved.result());
        assertTrue(halved.failure().startsWith("deletion guard"), halved.failure());
        assertEquals("ABORTED", onlyJob().status);
        assertEquals(0, onlyJob().finalizes.get());
        DeadLetter letter = onlyDeadLetter();

        J1.reset();
        remember(Math.round(objects / 0.95));
        SyncRun slightlySmaller = sync();
        assertEquals(RunResult.SUCCEEDED, slightlySmaller.result(), slightlySmaller.failure());

        // the guard's dead letter is older than that success now
        assertThrows(ReplayRefusedException.class, () -> new ReplayCommand(context).replay(letter.id(), false, true));
    }

    @Test
    void theOperatorCanAllowAShrinkWhenReplaying() throws IOException {
        long objects = sync().batcher().objectCount();
        J1.reset();
        remember(objects * 2);
        DeadLetter letter = deadLetterOf(sync());

        SyncRun refused = new ReplayCommand(context).replay(letter.id(), false, false);
        assertEquals(RunResult.FAILED, refused.result());
        SyncRun allowed = new ReplayCommand(context).replay(letter.id(), false, true);

        assertEquals(RunResult.SUCCEEDED, allowed.result(), allowed.failure());
        assertEquals(objects, J1.jobs().get(J1.jobs().size() - 1).objects());
    }

    @Test
    void aSecondRunOfTheSameClusterDoesNotStartWhileOneIsRunning() throws IOException {
        StateDirectory state = context.getRegistry().findSingleByType(StateDirectory.class);
        try (ClusterLocks.Lease running = state.cluster("default").lock("test")) {
            SyncRun run = sync();
            assertEquals(RunResult.FAILED, run.result());
            assertTrue(run.failure().contains("already being synced"), run.failure());
        }
        assertEquals(List.of(), J1.jobs());
        assertEquals(RunResult.SUCCEEDED, sync().result(), "the lock is free again");
    }

    private String command(String... args) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int exit = DeadLetterCommand.execute(context, args, new java.io.PrintStream(out, true, StandardCharsets.UTF_8));
        assertEquals(0, exit, String.join(" ", args));
        return out.toString(StandardCharsets.UTF_8);
    }

    private SyncRun sync() {
        return OneShotSync.runAll(context, Set.of("default")).get(0);
    }

    private void remember(long objects) throws IOException {
        new StateDirectory(STATE).cluster("default").applied("jupiterone", new LastSuccess("20000101T000000Z", "job-0",
                Instant.parse("2000-01-01T00:00:00Z"), Instant.parse("2000-01-01T00:00:00Z"), objects, Map.of()));
    }

    private SandboxCluster sandbox() {
        return SandboxLauncher.of(context).cluster();
    }

    private DeadLetterStore store() {
        return context.getRegistry().lookupByNameAndType("deadLetters", DeadLetterStore.class);
    }

    private DeadLetter onlyDeadLetter() {
        try {
            List<DeadLetter> letters = store().list();
            assertEquals(1, letters.size(), letters.toString());
            return letters.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private DeadLetter deadLetterOf(SyncRun run) throws IOException {
        assertNotNull(run.delivery().deadLetter(), run.failure());
        return store().read("default/" + run.runId());
    }

    private static J1StandIn.Job onlyJob() {
        assertEquals(1, J1.jobs().size());
        return J1.jobs().get(0);
    }

    private static void assertEverythingOnce(SyncRun run, J1StandIn.Job job) {
        List<String> keys = keys(job);
        assertEquals(keys.size(), new HashSet<>(keys).size(), "an object arrived twice");
        assertEquals(run.batcher().objectCount(), keys.size(), "every object arrived");
        assertNull(run.delivery().failure());
    }

    private static List<String> keys(J1StandIn.Job job) {
        return Stream.concat(job.entityKeys.stream(), job.relationshipKeys.stream()).toList();
    }

    private static void assertOwnerOnly(Path dir) throws IOException {
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        for (Path file : TestDirectories.regularFiles(dir)) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), file.toString());
        }
    }

    /** The objects of a dead letter's spool file, in order. */
    private static List<byte[]> spooledObjects(DeadLetter letter, GraphKind kind) throws IOException {
        List<byte[]> objects = new ArrayList<>();
        try (UploadBodyReader reader = new UploadBodyReader(new GZIPInputStream(Files.newInputStream(
                letter.dir().resolve(RunSpool.fileName(kind)))), kind)) {
            for (UploadBodyReader.BodyObject object = reader.next(); object != null; object = reader.next()) {
                objects.add(object.serialized());
            }
        }
        return objects;
    }

    /** {@code file} is the {@code parts}, each once, one after another in some order (uploads run in parallel). */
    private static void assertConcatenationOf(List<byte[]> parts, byte[] file, String what) {
        List<byte[]> left = new ArrayList<>(parts);
        int offset = 0;
        while (offset < file.length) {
            int at = offset;
            byte[] next = left.stream().filter(part -> Arrays.equals(part, 0, part.length, file, at,
                    Math.min(file.length, at + part.length))).findFirst().orElse(null);
            assertNotNull(next, what + ": spooled bytes at " + offset + " are no uploaded body");
            left.remove(next);
            offset += next.length;
        }
        assertEquals(List.of(), left, what + ": uploaded bodies missing from the spool");
    }

    private static String read(Path file) throws IOException {
        try (InputStream in = file.toString().endsWith(".gz")
                ? new GZIPInputStream(Files.newInputStream(file)) : Files.newInputStream(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

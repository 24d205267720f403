package org.teleportj1.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teleportj1.delivery.LogCapture;
import org.teleportj1.state.StateDirectory;

/** The comparison, the fingerprint file and its pinned format, the state files and their upgrade, and the log table. */
class ChangeReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TARGET = "jupiterone";
    @TempDir
    Path dir;
    private int graphs;

    /** One record as read back. */
    private record Read(String type, String key, long keyHash, long contentHash) {
    }

    private FingerprintState state() {
        return new FingerprintState(new StateDirectory(dir), JSON);
    }

    private Path targetDir() {
        return dir.resolve("lab").resolve(TARGET);
    }

    private GraphFingerprints graph(Object... keyTypeContent) {
        GraphFingerprints graph = GraphFingerprints.create(state().runFile("lab", TARGET, "run-" + graphs++));
        for (int i = 0; i < keyTypeContent.length; i += 3) {
            graph.add(Map.of("_key", keyTypeContent[i], "_type", keyTypeContent[i + 1]),
                    keyTypeContent[i + 2].toString().getBytes(StandardCharsets.UTF_8));
        }
        graph.close();
        return graph;
    }

    /** {@code count} users u:0, u:1, ... with content {i}, then the extra objects. */
    private GraphFingerprints users(int count, Object... more) {
        Object[] all = new Object[3 * count + more.length];
        for (int i = 0; i < count; i++) {
            all[3 * i] = "u:" + i;
            all[3 * i + 1] = "user";
            all[3 * i + 2] = "{" + i + "}";
        }
        System.arraycopy(more, 0, all, 3 * count, more.length);
        return graph(all);
    }

    /** Stores {@code graph} as the baseline of cluster "lab" and reads it back. */
    private FingerprintState.Baseline baseline(GraphFingerprints graph) {
        state().write("lab", TARGET, "run-1", Instant.EPOCH, graph);
        return state().read("lab", TARGET).orElseThrow();
    }

    private static List<Read> read(Path file) {
        List<Read> all = new ArrayList<>();
        try (FingerprintReader in = FingerprintReader.open(file)) {
            while (in.next()) {
                all.add(new Read(in.type(), in.key(), in.keyHash(), in.contentHash()));
            }
        }
        return all;
    }

    @Test
    void addedRemovedAndChangedByType() {
        FingerprintState.Baseline before = baseline(graph("u:a", "user", "{a}", "u:b", "user", "{b}", "r:x", "role", "{x}"));
        GraphFingerprints after = graph("u:a", "user", "{a}", "u:c", "user", "{c}", "r:x", "role", "{x2}");
        ChangeReport report = ChangeReport.compare("lab", "run-2", before, after);

        assertEquals(List.of("u:c"), report.byType().get("user").added());
        assertEquals(List.of("u:b"), report.byType().get("user").removed());
        assertEquals(List.of("r:x"), report.byType().get("role").changed());
        assertEquals(1, report.added());
        assertEquals(1, report.removed());
        assertEquals(1, report.changed());
        String table = report.table(10);
        assertTrue(table.startsWith("Changes in cluster 'lab' since run run-1: 1 added, 1 removed, 1 changed"), table);
        assertTrue(table.contains("+ u:c") && table.contains("- u:b") && table.contains("~ r:x"), table);
    }

    @Test
    void removedAreCountedPerTypeOfTheBaseline() {
        // the two runs meet their types in different orders, so their type indexes differ
        FingerprintState.Baseline before = baseline(graph("r:x", "role", "{x}", "u:a", "user", "{a}", "u:b", "user", "{b}",
                "l:1", "list", "{1}", "r:y", "role", "{y}"));
        ChangeReport report = ChangeReport.compare("lab", "run-2", before, graph("u:a", "user", "{a}", "l:1", "list", "{1}"));

        assertEquals(List.of("role", "user"), List.copyOf(report.byType().keySet()));
        assertEquals(List.of("r:x", "r:y"), report.byType().get("role").removed());
        assertEquals(List.of("u:b"), report.byType().get("user").removed());
        assertEquals(3, report.removed());
        assertEquals(0, report.added() + report.changed());
    }

    @Test
    void anUnchangedGraphHasNoChanges() {
        FingerprintState.Baseline before = baseline(users(50));
        ChangeReport report = ChangeReport.compare("lab", "run-2", before, users(50));
        assertTrue(report.isEmpty());
        assertEquals("Changes in cluster 'lab' since run run-1: 0 added, 0 removed, 0 changed", report.table(10));
    }

    @Test
    void withoutBaselineEverythingIsAddedAndSaidSo() {
        ChangeReport report = ChangeReport.compare("lab", "run-1", null,
                graph("u:a", "user", "{a}", "r:x", "role", "{x}", "u:b", "user", "{b}"));
        assertTrue(report.firstRun());
        assertEquals(3, report.added());
        assertEquals(2, report.byType().get("user").addedCount());
        assertEquals(List.of(), report.byType().get("user").added(), "a first run lists no keys");
        assertTrue(report.table(10).contains("first successful run"));
    }

    @Test
    void theLogListsAFewKeysPerTypeAndCountsTheRest() {
        FingerprintState.Baseline empty = baseline(graph());
        GraphFingerprints after = graph("u:1", "user", "1", "u:2", "user", "2", "u:3", "user", "3");
        ChangeReport report = ChangeReport.compare("lab", "run-2", empty, after);
        String table = report.table(2);
        assertTrue(table.contains("+ u:1") && table.contains("+ u:2") && !table.contains("+ u:3"), table);
        assertTrue(table.contains("+ ... 1 more"), table);
    }

    @Test
    void manyChangesAreCountedInFullAndTheFirstOnesListedSorted() {
        int many = ChangeReport.KEYS_LISTED + 5;
        List<String> firstInFileOrder = IntStream.range(0, ChangeReport.KEYS_LISTED).mapToObj(i -> "u:" + i).sorted().toList();

        ChangeReport added = ChangeReport.compare("lab", "run-2", baseline(graph()), users(many));
        assertEquals(many, added.byType().get("user").addedCount());
        assertEquals(firstInFileOrder, added.byType().get("user").added());

        ChangeReport removed = ChangeReport.compare("lab", "run-3", baseline(users(many, "r:x", "role", "{x}")),
                graph("r:x", "role", "{x}"));
        assertEquals(many, removed.byType().get("user").removedCount());
        assertEquals(firstInFileOrder, removed.byType().get("user").removed());

        Object[] edited = new Object[3 * many];
        for (int i = 0; i < many; i++) {
            edited[3 * i] = "u:" + i;
            edited[3 * i + 1] = "user";
            edited[3 * i + 2] = "{edited " + i + "}";
        }
        ChangeReport changed = ChangeReport.compare("lab", "run-4", baseline(users(many)), graph(edited));
        assertEquals(many, changed.byType().get("user").changedCount());
        assertEquals(firstInFileOrder, changed.byType().get("user").changed());
    }

    @Test
    void theFileFormatIsPinned() throws IOException {
        // contents "abc", "a" and "" have XXH64's published values (ContentHashTest)
        GraphFingerprints graph = graph("teleport:lab:user:alice", "teleport_user", "abc",
                "teleport:lab:role:x", "teleport_role", "a", "teleport:lab:user:bob", "teleport_user", "");
        byte[] expected = bytes(
                "544a3146 01",
                "00 000d", "teleport_user", "44bc2cf5ad770999 0017", "teleport:lab:user:alice",
                "01 000d", "teleport_role", "d24ec4f1a98c6e5b 0013", "teleport:lab:role:x",
                "00", "ef46db3751d8e999 0015", "teleport:lab:user:bob");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(graph.file()))) {
            assertArrayEquals(expected, in.readAllBytes());
        }
        assertEquals(ContentHash.of("teleport:lab:user:alice".getBytes(StandardCharsets.UTF_8)),
                read(graph.file()).get(0).keyHash());
    }

    /** Hex groups (only hex digits and spaces) and text, concatenated. */
    private static byte[] bytes(String... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String part : parts) {
            out.writeBytes(part.matches("[0-9a-f ]+") ? HexFormat.of().parseHex(part.replace(" ", ""))
                    : part.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    @Test
    void stateRoundTripsAndReplacesTheRunsOwnFile() {
        GraphFingerprints graph = graph("u:a", "user", "{a}", "r:x|y", "role", "{\"x\":1}");
        List<Read> written = read(graph.file());
        Instant at = Instant.parse("2026-01-02T03:04:05Z");
        state().write("lab", TARGET, "run-1", at, graph);

        FingerprintState.Baseline read = state().read("lab", TARGET).orElseThrow();
        assertEquals("run-1", read.runId());
        assertEquals(at, read.succeededAt());
        assertEquals(2, read.objects());
        assertEquals(targetDir().resolve(FingerprintState.FILE), read.file());
        assertEquals(written, read(read.file()));
        assertTrue(state().read("other", TARGET).isEmpty());
        assertFalse(Files.exists(graph.file()), "the run's own file is gone once it is the baseline");
        assertFalse(Files.exists(targetDir().resolve("." + FingerprintState.HEADER + ".tmp")));
    }

    @Test
    void anEarlierVersionsBaselineCountsAsAFirstRunAndIsReplaced() throws IOException {
        Files.createDirectories(targetDir());
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(targetDir().resolve(FingerprintState.EARLIER_FILE)))) {
            out.write("[\"user\",\"0123456789abcdef\",\"u:a\"]\n".getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(targetDir().resolve(FingerprintState.HEADER),
                "{\"cluster\":\"lab\",\"runId\":\"run-0\",\"succeededAt\":\"2026-01-01T00:00:00Z\",\"objects\":1}");

        LogCapture log = LogCapture.attach();
        try {
            assertTrue(state().read("lab", TARGET).isEmpty());
        } finally {
            log.detach();
        }
        assertTrue(log.lines().stream().anyMatch(line -> line.startsWith("INFO ") && line.contains("Cluster 'lab'")
                && line.contains("in another version's format") && line.contains("reported as a first run")), log.lines().toString());

        ChangeReport report = ChangeReport.compare("lab", "run-1", null, graph("u:a", "user", "{a}"));
        assertTrue(report.firstRun());
        baseline(graph("u:a", "user", "{a}"));
        assertFalse(Files.exists(targetDir().resolve(FingerprintState.EARLIER_FILE)), "the earlier baseline is gone");
        assertEquals(1, state().read("lab", TARGET).orElseThrow().objects());
    }

    @Test
    void aDamagedStateFileSaysHowToRecover() throws Exception {
        Files.createDirectories(targetDir());
        Files.writeString(targetDir().resolve(FingerprintState.FILE), "not gzip");
        Files.writeString(targetDir().resolve(FingerprintState.HEADER), "{not json");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> state().read("lab", TARGET));
        assertTrue(e.getMessage().contains("Delete it"), e.getMessage());
    }

    @Test
    void aDamagedBaselineSaysHowToRecover() throws Exception {
        FingerprintState.Baseline before = baseline(graph("u:a", "user", "{a}"));
        Files.writeString(before.file(), "not gzip");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ChangeReport.compare("lab", "run-2", before, graph("u:a", "user", "{a}")));
        assertTrue(e.getMessage().contains(before.file().toString()) && e.getMessage().contains("delete it"), e.getMessage());
    }

    @Test
    void aBaselineWithMoreObjectsThanItsHeaderSaysIsRefused() throws Exception {
        FingerprintState.Baseline before = baseline(users(20));
        FingerprintState.Baseline lying = new FingerprintState.Baseline(before.runId(), before.succeededAt(), 3, before.file());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ChangeReport.compare("lab", "run-2", lying, users(20)));
        assertTrue(e.getMessage().contains("more objects than the 3 its header counts"), e.getMessage());
    }

    @Test
    void otherFilesAreNotReadAsFingerprints() throws IOException {
        Path json = dir.resolve("lines.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(json))) {
            out.write("[\"user\",\"0123456789abcdef\",\"u:a\"]\n".getBytes(StandardCharsets.UTF_8));
        }
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> FingerprintReader.open(json));
        assertTrue(e.getMessage().contains("not a fingerprint file"), e.getMessage());
    }

    @Test
    void sameContentSameHashDifferentContentDifferentHash() {
        List<Read> all = read(graph("a", "t", "{x}", "b", "t", "{x}", "c", "t", "{y}").file());
        assertEquals(all.get(0).contentHash(), all.get(1).contentHash());
        assertNotEquals(all.get(0).contentHash(), all.get(2).contentHash());
        assertNotEquals(all.get(0).keyHash(), all.get(1).keyHash());
    }

    @Test
    void keysWithSeparatorsAndUnicodeRoundTrip() {
        String key = "k:\"quoted\"\ttab\nline é " + "x".repeat(1000);
        assertEquals(key, read(graph(key, "user", "{a}").file()).get(0).key());
    }

    @Test
    void aFileLargerThanTheReadBufferReadsBack() {
        // records of every size cross the reader's buffer ends; some keys and a type name near the 64 KB limit
        List<Object> objects = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            String key = "teleport:lab:user:" + i + (i % 4000 == 3 ? "k".repeat(60_000) : "x".repeat(i % 97));
            objects.addAll(List.of(key, i == 15_000 ? "t".repeat(60_000) : "type" + i % 7, "{" + i + "}"));
        }
        List<Read> read = read(graph(objects.toArray()).file());
        assertEquals(20_000, read.size());
        for (int i = 0; i < read.size(); i++) {
            assertEquals(objects.get(3 * i), read.get(i).key());
            assertEquals(objects.get(3 * i + 1), read.get(i).type());
            assertEquals(ContentHash.of(objects.get(3 * i + 2).toString().getBytes(StandardCharsets.UTF_8)),
                    read.get(i).contentHash());
        }
    }

    @Test
    void aDiscardedRunLeavesNoFile() {
        GraphFingerprints graph = graph("u:a", "user", "{a}");
        graph.discard();
        assertFalse(Files.exists(graph.file()));
    }
}

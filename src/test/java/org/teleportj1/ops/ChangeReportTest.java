package org.teleportj1.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teleportj1.state.StateDirectory;

/** The comparison, the state file round trip, and the log table. */
class ChangeReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TARGET = "jupiterone";
    @TempDir
    Path dir;
    private int graphs;

    private FingerprintState state() {
        return new FingerprintState(new StateDirectory(dir), JSON);
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

    /** Stores {@code graph} as the baseline of cluster "lab" and reads it back. */
    private FingerprintState.Baseline baseline(GraphFingerprints graph) {
        state().write("lab", TARGET, "run-1", Instant.EPOCH, graph);
        return state().read("lab", TARGET).orElseThrow();
    }

    private static List<GraphFingerprints.Fingerprint> read(Path file, int skip) {
        List<GraphFingerprints.Fingerprint> all = new ArrayList<>();
        GraphFingerprints.forEach(file, skip, all::add);
        return all;
    }

    @Test
    void addedRemovedAndChangedByType() {
        FingerprintState.Baseline before = baseline(graph("u:a", "user", "{a}", "u:b", "user", "{b}", "r:x", "role", "{x}"));
        GraphFingerprints after = graph("u:a", "user", "{a}", "u:c", "user", "{c}", "r:x", "role", "{x2}");
        ChangeReport report = ChangeReport.compare("lab", "run-2", state(), before, after);

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
    void withoutBaselineEverythingIsAddedAndSaidSo() {
        ChangeReport report = ChangeReport.compare("lab", "run-1", state(), null, graph("u:a", "user", "{a}"));
        assertTrue(report.firstRun());
        assertEquals(1, report.added());
        assertTrue(report.table(10).contains("first successful run"));
    }

    @Test
    void theLogListsAFewKeysPerTypeAndCountsTheRest() {
        FingerprintState.Baseline empty = baseline(graph());
        GraphFingerprints after = graph("u:1", "user", "1", "u:2", "user", "2", "u:3", "user", "3");
        ChangeReport report = ChangeReport.compare("lab", "run-2", state(), empty, after);
        String table = report.table(2);
        assertTrue(table.contains("+ u:1") && table.contains("+ u:2") && !table.contains("+ u:3"), table);
        assertTrue(table.contains("+ ... 1 more"), table);
    }

    @Test
    void manyChangesAreCountedInFullButListedUpToALimit() {
        Object[] many = new Object[3 * (ChangeReport.KEYS_LISTED + 5)];
        for (int i = 0; i < ChangeReport.KEYS_LISTED + 5; i++) {
            many[3 * i] = "u:" + i;
            many[3 * i + 1] = "user";
            many[3 * i + 2] = "{" + i + "}";
        }
        ChangeReport report = ChangeReport.compare("lab", "run-2", state(), baseline(graph()), graph(many));
        assertEquals(ChangeReport.KEYS_LISTED + 5, report.byType().get("user").addedCount());
        assertEquals(ChangeReport.KEYS_LISTED, report.byType().get("user").added().size());
    }

    @Test
    void stateRoundTripsAndReplacesTheRunsOwnFile() {
        GraphFingerprints graph = graph("u:a", "user", "{a}", "r:x|y", "role", "{\"x\":1}");
        List<GraphFingerprints.Fingerprint> written = read(graph.file(), 0);
        Instant at = Instant.parse("2026-01-02T03:04:05Z");
        state().write("lab", TARGET, "run-1", at, graph);

        FingerprintState.Baseline read = state().read("lab", TARGET).orElseThrow();
        assertEquals("run-1", read.runId());
        assertEquals(at, read.succeededAt());
        assertEquals(2, read.objects());
        List<GraphFingerprints.Fingerprint> stored = new ArrayList<>();
        state().forEach(read, stored::add);
        assertEquals(written, stored);
        assertTrue(state().read("other", TARGET).isEmpty());
        assertFalse(Files.exists(graph.file()), "the run's own file is gone once it is the baseline");
        assertFalse(Files.exists(dir.resolve("lab").resolve(TARGET).resolve("." + FingerprintState.HEADER + ".tmp")));
    }

    @Test
    void aDamagedStateFileSaysHowToRecover() throws Exception {
        Files.createDirectories(dir.resolve("lab").resolve(TARGET));
        Files.writeString(dir.resolve("lab").resolve(TARGET).resolve(FingerprintState.FILE), "not gzip");
        Files.writeString(dir.resolve("lab").resolve(TARGET).resolve(FingerprintState.HEADER), "{not json");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> state().read("lab", TARGET));
        assertTrue(e.getMessage().contains("Delete it"), e.getMessage());
    }

    @Test
    void sameContentSameHashDifferentContentDifferentHash() {
        List<GraphFingerprints.Fingerprint> all = read(graph("a", "t", "{x}", "b", "t", "{x}", "c", "t", "{y}").file(), 0);
        assertEquals(all.get(0).hash(), all.get(1).hash());
        assertFalse(all.get(0).hash().equals(all.get(2).hash()));
        assertEquals(16, all.get(0).hash().length());
    }

    @Test
    void keysWithSeparatorsAndUnicodeRoundTrip() {
        GraphFingerprints graph = graph("k:\"quoted\"\ttab\nline é", "user", "{a}");
        assertEquals("k:\"quoted\"\ttab\nline é", read(graph.file(), 0).get(0).key());
    }

    @Test
    void aDiscardedRunLeavesNoFile() {
        GraphFingerprints graph = graph("u:a", "user", "{a}");
        graph.discard();
        assertFalse(Files.exists(graph.file()));
    }
}

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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The comparison, the state file round trip, and the log table. */
class ChangeReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    private static GraphFingerprints graph(Object... keyTypeContent) {
        GraphFingerprints graph = new GraphFingerprints();
        for (int i = 0; i < keyTypeContent.length; i += 3) {
            graph.add(Map.of("_key", keyTypeContent[i], "_type", keyTypeContent[i + 1]),
                    keyTypeContent[i + 2].toString().getBytes(StandardCharsets.UTF_8));
        }
        return graph;
    }

    @Test
    void addedRemovedAndChangedByType() {
        GraphFingerprints before = graph("u:a", "user", "{a}", "u:b", "user", "{b}", "r:x", "role", "{x}");
        GraphFingerprints after = graph("u:a", "user", "{a}", "u:c", "user", "{c}", "r:x", "role", "{x2}");
        ChangeReport report = ChangeReport.compare("lab", "run-2",
                new FingerprintState.Baseline("run-1", Instant.EPOCH, before), after);

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
        ChangeReport report = ChangeReport.compare("lab", "run-1", null, graph("u:a", "user", "{a}"));
        assertTrue(report.firstRun());
        assertEquals(1, report.added());
        assertTrue(report.table(10).contains("first successful run"));
    }

    @Test
    void theLogListsAFewKeysPerTypeAndCountsTheRest() {
        GraphFingerprints after = graph("u:1", "user", "1", "u:2", "user", "2", "u:3", "user", "3");
        ChangeReport report = ChangeReport.compare("lab", "run-2",
                new FingerprintState.Baseline("run-1", Instant.EPOCH, new GraphFingerprints()), after);
        String table = report.table(2);
        assertTrue(table.contains("+ u:1") && table.contains("+ u:2") && !table.contains("+ u:3"), table);
        assertTrue(table.contains("+ ... 1 more"), table);
    }

    @Test
    void stateRoundTripsAndItsHeaderReadsAlone() {
        FingerprintState state = new FingerprintState(dir, JSON);
        GraphFingerprints graph = graph("u:a", "user", "{a}", "r:x|y", "role", "{\"x\":1}");
        Instant at = Instant.parse("2026-01-02T03:04:05Z");
        state.write("lab", "run-1", at, graph);

        FingerprintState.Baseline read = state.read("lab").orElseThrow();
        assertEquals("run-1", read.runId());
        assertEquals(at, read.succeededAt());
        assertEquals(graph.objects(), read.graph().objects());
        assertEquals(at, state.lastSuccess("lab").orElseThrow().succeededAt());
        assertTrue(state.read("other").isEmpty());
        assertFalse(Files.exists(dir.resolve("lab").resolve("." + FingerprintState.FILE + ".tmp")));
    }

    @Test
    void aDamagedStateFileSaysHowToRecover() throws Exception {
        Files.createDirectories(dir.resolve("lab"));
        Files.writeString(dir.resolve("lab").resolve(FingerprintState.FILE), "not gzip");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new FingerprintState(dir, JSON).read("lab"));
        assertTrue(e.getMessage().contains("Delete it"), e.getMessage());
    }

    @Test
    void sameContentSameHashDifferentContentDifferentHash() {
        GraphFingerprints graph = graph("a", "t", "{x}", "b", "t", "{x}", "c", "t", "{y}");
        assertEquals(graph.objects().get("a").hash(), graph.objects().get("b").hash());
        assertFalse(graph.objects().get("a").hash().equals(graph.objects().get("c").hash()));
        assertEquals(16, graph.objects().get("a").hash().length());
    }
}

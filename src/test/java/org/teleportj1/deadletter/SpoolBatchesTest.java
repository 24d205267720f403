package org.teleportj1.deadletter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teleportj1.batch.BatchLimits;
import org.teleportj1.batch.FastGzip;
import org.teleportj1.batch.GraphBatch;
import org.teleportj1.batch.GraphBatcher;
import org.teleportj1.batch.GraphKind;
import org.teleportj1.state.RunSpool;

/**
 * A spooled graph is read back whole, in order and byte for byte, and batched again by the
 * limits of the replay: from the upload bodies this version spools, and from the one object a
 * line that earlier versions spooled (their dead letters must still replay after an upgrade).
 */
class SpoolBatchesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BatchLimits REPLAY_LIMITS = new BatchLimits(5_000_000, 5);

    @TempDir
    Path dir;

    @Test
    void theUploadBodiesOfThisVersionReplayWhole() throws IOException {
        Map<GraphKind, List<byte[]>> graph = graph(23, 11);
        RunSpool spool = RunSpool.open(dir);
        for (GraphBatch batch : sealed(graph, new BatchLimits(5_000_000, 3))) {
            spool.append(batch.compressed());
        }
        spool.close();

        assertReplaysAs(graph);
    }

    @Test
    void theLinesOfTheVersionBeforeReplayWhole() throws IOException {
        Map<GraphKind, List<byte[]>> graph = graph(23, 11);
        // as the version before wrote them: one gzip stream per kind, an object a line
        for (GraphKind kind : GraphKind.values()) {
            try (OutputStream out = FastGzip.output(Files.newOutputStream(
                    dir.resolve(kind.field() + SpoolBatches.LINES_SUFFIX)))) {
                for (byte[] object : graph.get(kind)) {
                    out.write(object);
                    out.write('\n');
                }
            }
        }

        assertReplaysAs(graph);
    }

    @Test
    void aKindWithoutBatchesIsAnEmptyFile() throws IOException {
        Map<GraphKind, List<byte[]>> graph = graph(4, 0);
        RunSpool spool = RunSpool.open(dir);
        for (GraphBatch batch : sealed(graph, new BatchLimits(5_000_000, 3))) {
            spool.append(batch.compressed());
        }
        spool.close();
        assertEquals(0, Files.size(dir.resolve(RunSpool.fileName(GraphKind.RELATIONSHIPS))));

        assertReplaysAs(graph);
    }

    @Test
    void aSpoolWithoutItsFilesIsAnError() {
        SpoolBatches batches = new SpoolBatches(dir, new GraphBatcher(REPLAY_LIMITS), JSON);
        UncheckedIOException e = assertThrows(UncheckedIOException.class, batches::next);
        assertTrue(e.getMessage().contains("entities.json.gz"), e.getMessage());
    }

    private void assertReplaysAs(Map<GraphKind, List<byte[]>> graph) {
        GraphBatcher batcher = new GraphBatcher(REPLAY_LIMITS);
        Map<GraphKind, List<byte[]>> replayed = new EnumMap<>(GraphKind.class);
        for (GraphKind kind : GraphKind.values()) {
            replayed.put(kind, new ArrayList<>());
        }
        SpoolBatches batches = new SpoolBatches(dir, batcher, JSON);
        while (batches.hasNext()) {
            for (GraphBatch batch : batches.next()) {
                assertTrue(batch.size() <= REPLAY_LIMITS.maxObjects(), "batched by the replay's limits: " + batch);
                replayed.get(batch.kind()).addAll(batch.objects());
            }
        }
        for (GraphKind kind : GraphKind.values()) {
            List<byte[]> expected = graph.get(kind);
            assertEquals(expected.size(), replayed.get(kind).size(), kind.field());
            for (int i = 0; i < expected.size(); i++) {
                assertArrayEquals(expected.get(i), replayed.get(kind).get(i), kind.field() + " " + i);
            }
        }
        Map<String, Long> counts = new TreeMap<>();
        counts.put("teleport_user", (long) graph.get(GraphKind.ENTITIES).size());
        if (!graph.get(GraphKind.RELATIONSHIPS).isEmpty()) {
            counts.put("teleport_user_assigned_role", (long) graph.get(GraphKind.RELATIONSHIPS).size());
        }
        assertEquals(counts, batcher.countsByType(), "every object counted by its _type");
    }

    /** The serialized objects of a small graph, as the batcher writes them. */
    private static Map<GraphKind, List<byte[]>> graph(int users, int assignments) {
        GraphBatcher batcher = new GraphBatcher(new BatchLimits(5_000_000, 1_000));
        for (int i = 0; i < users; i++) {
            batcher.entity(Map.of("_key", "teleport:c:user:user-" + i + "@example.com", "_type", "teleport_user",
                    "_class", "User", "name", "user " + i + " «ü»", "active", i % 3 != 0, "createdOn", 1_733_000_000_000L + i));
        }
        for (int i = 0; i < assignments; i++) {
            batcher.relationship(Map.of("_key", "teleport:c:user:user-" + i + "|assigned|role-" + i, "_type",
                    "teleport_user_assigned_role", "_class", "ASSIGNED", "_fromEntityKey", "teleport:c:user:user-" + i,
                    "_toEntityKey", "teleport:c:role:role-" + i, "via", List.of("direct")));
        }
        Map<GraphKind, List<byte[]>> graph = new EnumMap<>(GraphKind.class);
        for (GraphKind kind : GraphKind.values()) {
            graph.put(kind, new ArrayList<>());
        }
        for (GraphBatch batch : batcher.flush()) {
            graph.get(batch.kind()).addAll(batch.objects());
        }
        return graph;
    }

    /** The graph sealed into batches by {@code limits}, as a run seals it. */
    private static List<GraphBatch> sealed(Map<GraphKind, List<byte[]>> graph, BatchLimits limits) {
        GraphBatcher batcher = new GraphBatcher(limits);
        List<GraphBatch> batches = new ArrayList<>();
        for (GraphKind kind : GraphKind.values()) {
            for (byte[] object : graph.get(kind)) {
                batcher.add(kind, object, "-");
                batches.addAll(batcher.takeReady());
            }
        }
        batches.addAll(batcher.flush());
        return batches;
    }
}

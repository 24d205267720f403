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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.teleportj1.run.RunResult;
import org.teleportj1.run.SyncRun;
import org.teleportj1.sandbox.SandboxCluster;
import org.teleportj1.sandbox.SandboxOptions;

/**
 * Sending every batch somewhere else too takes one YAML file and no Java: the shipped example
 * config/examples/batch-copies.camel.yaml (the one the README shows), dropped next to a cluster
 * file, copies every batch of a dry run, and together the copies are exactly the dry-run output.
 */
class BatchCopiesTest extends AppTestSupport {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Path EXAMPLE = Path.of("config/examples/batch-copies.camel.yaml");
    private static final Path WORK = TestDirectories.create("batch-copies");
    private static final SandboxCluster CLUSTER = SandboxCluster.start(SandboxOptions.defaults(WORK.resolve("sandbox")));
    private static final Path ROUTES = routes();
    private static final Path COPIES = WORK.resolve("copies");
    private static final Path OUTPUT = WORK.resolve("output");

    private static Path routes() {
        Path dir = ClusterFiles.write(WORK.resolve("routes"), Map.of("lab", CLUSTER)).getParent();
        try {
            Files.copy(EXAMPLE, dir.resolve(EXAMPLE.getFileName()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return dir;
    }

    @AfterAll
    static void stopCluster() {
        CLUSTER.close();
    }

    @Override
    protected void settings(Properties properties) {
        properties.put("camel.main.routes-include-pattern", ClusterFiles.includePattern(ROUTES));
        properties.put("sync.output-dir", OUTPUT.toString());
        properties.put("sync.state-dir", WORK.resolve("state").toString());
        properties.put("batch-copies.dir", COPIES.toString());
    }

    @Test
    void theCopiesTogetherAreExactlyTheDryRunOutput() throws Exception {
        delete(COPIES);
        assertTrue(context.getRoute("batch-copies") != null, "the example route is loaded");

        SyncRun run = syncOnce();
        assertEquals(RunResult.SUCCEEDED, run.result(), run.failure());

        Path runDir = COPIES.resolve("lab").resolve(run.runId());
        List<Path> copies = TestDirectories.regularFiles(COPIES);
        assertTrue(copies.size() >= 2, "one file per batch, entities and relationships apart: " + copies);
        Map<String, List<JsonNode>> copied = new HashMap<>(Map.of("entities", new ArrayList<>(),
                "relationships", new ArrayList<>()));
        for (Path copy : copies) {
            assertEquals(runDir, copy.getParent(), "files under <dir>/<cluster>/<run id>/");
            JsonNode request = JSON.readTree(copy.toFile());
            List<String> fields = new ArrayList<>();
            request.fieldNames().forEachRemaining(fields::add);
            assertEquals(1, fields.size(), "a J1 upload request has one field: " + fields);
            assertTrue(copied.containsKey(fields.get(0)), "entities or relationships, not " + fields);
            JsonNode objects = request.get(fields.get(0));
            assertTrue(objects.isArray() && !objects.isEmpty(), copy + " holds no objects");
            objects.forEach(copied.get(fields.get(0))::add);
        }

        Path dir = OUTPUT.resolve("lab");
        assertSameObjects(ndjson(dir.resolve("entities.ndjson")), copied.get("entities"), "entities");
        assertSameObjects(ndjson(dir.resolve("relationships.ndjson")), copied.get("relationships"), "relationships");
        JsonNode summary = JSON.readTree(dir.resolve("summary.json").toFile());
        assertEquals(summary.path("objects").asLong(), copied.get("entities").size() + copied.get("relationships").size());
    }

    /**
     * README: a failing copy fails the run. The copy route cannot write (its cluster directory is
     * a regular file): the run fails, and the dry-run target applies nothing of it (the files of
     * the last good run stay, summary.json says failed).
     */
    @Test
    void aCopyThatFailsFailsTheRun() throws Exception {
        delete(COPIES);
        SyncRun good = syncOnce();
        assertEquals(RunResult.SUCCEEDED, good.result(), good.failure());
        Path entities = OUTPUT.resolve("lab").resolve("entities.ndjson");
        List<String> before = Files.readAllLines(entities);

        delete(COPIES);
        Files.createDirectories(COPIES);
        Files.writeString(COPIES.resolve("lab"), "not a directory");
        try {
            SyncRun failed = syncOnce();
            assertEquals(RunResult.FAILED, failed.result(), "a copy that cannot be written fails the run");
            assertEquals(1, OneShotSync.exitCode(List.of(failed)));
            assertEquals(before, Files.readAllLines(entities), "the failed run replaced no dry-run file");
            JsonNode summary = JSON.readTree(OUTPUT.resolve("lab").resolve("summary.json").toFile());
            assertEquals("failed", summary.path("result").asText(), summary.toString());
        } finally {
            delete(COPIES);
        }
    }

    private SyncRun syncOnce() {
        List<SyncRun> runs = OneShotSync.runAll(context, Set.of("lab"));
        assertEquals(1, runs.size());
        return runs.get(0);
    }

    private static void assertSameObjects(List<JsonNode> written, List<JsonNode> copied, String what) {
        assertFalse(written.isEmpty(), "dry run wrote no " + what);
        assertEquals(written.size(), copied.size(), what + ": as many copied as written");
        assertEquals(sortedKeys(written), sortedKeys(copied), what + ": the same _keys, each as often");
        Map<String, JsonNode> byKey = new HashMap<>();
        written.forEach(object -> byKey.put(object.path("_key").asText(), object));
        for (JsonNode object : copied) {
            assertEquals(byKey.get(object.path("_key").asText()), object, what + ": the copy is the object as written");
        }
    }

    private static List<String> sortedKeys(List<JsonNode> objects) {
        List<String> keys = new ArrayList<>();
        for (JsonNode object : objects) {
            assertTrue(object.hasNonNull("_key"), "no _key: " + object);
            keys.add(object.get("_key").asText());
        }
        keys.sort(Comparator.naturalOrder());
        return keys;
    }

    private static List<JsonNode> ndjson(Path file) throws IOException {
        List<JsonNode> objects = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                objects.add(JSON.readTree(line));
            }
        }
        return objects;
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}

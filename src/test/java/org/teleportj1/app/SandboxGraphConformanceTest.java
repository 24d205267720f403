package org.teleportj1.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.teleportj1.graph.EntityType;
import org.teleportj1.graph.GraphAssertions;
import org.teleportj1.graph.MappedRelationshipType;
import org.teleportj1.graph.RelationshipType;
import org.teleportj1.run.RunResult;
import org.teleportj1.run.SyncRun;

/**
 * The sandbox cluster's full sync, in dry-run mode, through the shipped routes: every _type of
 * the data model, every entity valid against the J1 data-model schema of its class, no duplicate
 * keys, no dangling relationships.
 */
class SandboxGraphConformanceTest extends AppTestSupport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path OUTPUT = TestDirectories.create("sandbox-graph");

    @Override
    protected void settings(Properties properties) {
        properties.put("sync.output-dir", OUTPUT.resolve("output").toString());
        properties.put("sync.state-dir", OUTPUT.resolve("state").toString());
        properties.put("sync.dead-letter-dir", OUTPUT.resolve("dead-letters").toString());
        properties.put("teleport.account-name", "Sandbox account");
    }

    @Test
    void fullSandboxSyncIsAValidCompleteGraph() throws IOException {
        List<SyncRun> runs = OneShotSync.runAll(context, Set.of());
        assertEquals(RunResult.SUCCEEDED, runs.get(0).result(), runs.get(0).failure());

        List<Map<String, Object>> entities = read(OUTPUT.resolve("output/default/entities.ndjson"));
        List<Map<String, Object>> relationships = read(OUTPUT.resolve("output/default/relationships.ndjson"));

        GraphAssertions.assertValidGraph(entities, relationships);
        Set<String> expected = Stream.of(Arrays.stream(EntityType.values()).map(EntityType::type),
                Arrays.stream(RelationshipType.values()).map(RelationshipType::type),
                Arrays.stream(MappedRelationshipType.values()).map(MappedRelationshipType::type))
                .flatMap(s -> s).collect(Collectors.toCollection(TreeSet::new));
        Set<String> emitted = Stream.concat(entities.stream(), relationships.stream())
                .map(o -> (String) o.get("_type")).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, emitted, "every _type of the data model, and nothing else");
        entities.forEach(e -> assertEquals("Sandbox account", e.get("tag.AccountName"), "tag.AccountName on " + e.get("_key")));
    }

    private static List<Map<String, Object>> read(Path file) throws IOException {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            objects.add(JSON.readValue(line, new TypeReference<Map<String, Object>>() { }));
        }
        return objects;
    }
}

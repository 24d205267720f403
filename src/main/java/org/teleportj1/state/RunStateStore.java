package org.teleportj1.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A small JSON file per cluster, {@code <state-dir>/<cluster>.state.json}, remembering its last
 * applied run: the deletion guard compares against its counts, and replay refuses snapshots older
 * than it.
 */
public class RunStateStore {
    private final Path dir;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public RunStateStore(Path dir) {
        this.dir = dir;
    }

    public synchronized Optional<LastSuccess> lastSuccess(String cluster) throws IOException {
        Path file = file(cluster);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JsonNode last = json.readTree(file.toFile()).path("lastSuccess");
        if (last.isMissingNode()) {
            return Optional.empty();
        }
        TreeMap<String, Long> counts = new TreeMap<>();
        last.path("countsByType").fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
        return Optional.of(new LastSuccess(last.path("runId").asText(), last.path("jobId").asText(null),
                Instant.parse(last.path("snapshotAt").asText()), Instant.parse(last.path("appliedAt").asText()),
                last.path("objects").asLong(), counts));
    }

    public synchronized void recordSuccess(String cluster, LastSuccess success) throws IOException {
        ObjectNode root = json.createObjectNode();
        root.put("cluster", cluster);
        ObjectNode last = root.putObject("lastSuccess");
        last.put("runId", success.runId());
        last.put("jobId", success.jobId());
        last.put("snapshotAt", success.snapshotAt().toString());
        last.put("appliedAt", success.appliedAt().toString());
        last.put("objects", success.objects());
        ObjectNode counts = last.putObject("countsByType");
        new TreeMap<>(success.countsByType()).forEach(counts::put);
        OwnerOnlyFiles.directories(dir);
        OwnerOnlyFiles.write(file(cluster), json.writeValueAsBytes(root));
    }

    public Path file(String cluster) {
        return dir.resolve(ClusterNames.checked(cluster) + ".state.json");
    }
}

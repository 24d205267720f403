package org.teleportj1.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.teleportj1.state.ClusterState;
import org.teleportj1.state.OwnerOnlyFiles;
import org.teleportj1.state.StateDirectory;

/**
 * The change-report baseline of a cluster and delivery target: the graph of its last successful
 * run, kept in the target's directory of the cluster state ({@link ClusterState#changeReportDir})
 * as {@code last-success.ndjson.gz}, one {@code [type, hash, key]} line per object, and
 * {@code last-success.json}, the run id, time and object count. Written only after a successful
 * run, atomically, so a failed or interrupted run never becomes the baseline of the next change
 * report; a dry run never replaces the J1 target's baseline.
 */
public final class FingerprintState {
    static final String FILE = "last-success.ndjson.gz";
    static final String HEADER = "last-success.json";

    /** A stored baseline; its objects are streamed from {@code file}. */
    public record Baseline(String runId, Instant succeededAt, long objects, Path file) {
    }

    private final StateDirectory state;
    private final ObjectMapper json;

    public FingerprintState(StateDirectory state, ObjectMapper json) {
        this.state = state;
        this.json = json;
    }

    public Path dir(String cluster, String target) {
        return state.cluster(cluster).changeReportDir(target);
    }

    /** Where a run in progress writes its fingerprints. */
    public Path runFile(String cluster, String target, String runId) {
        return state.cluster(cluster).fingerprints(target, runId);
    }

    /** The cluster's baseline (its header; objects via {@link #forEach}), if there is one. */
    public Optional<Baseline> read(String cluster, String target) {
        Path file = dir(cluster, target).resolve(FILE);
        Path header = dir(cluster, target).resolve(HEADER);
        if (!Files.isRegularFile(file) || !Files.isRegularFile(header)) {
            return Optional.empty();
        }
        try {
            JsonNode node = json.readTree(header.toFile());
            if (node == null || !node.hasNonNull("succeededAt")) {
                throw new IOException("no run in " + header);
            }
            return Optional.of(new Baseline(node.path("runId").asText(null),
                    Instant.parse(node.path("succeededAt").asText()), node.path("objects").asLong(), file));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("The change-report state " + header + " cannot be read (" + e.getMessage()
                    + "). Delete it: the next run then reports every object as added and starts a new baseline.", e);
        }
    }

    /** Streams the objects of a baseline. */
    public void forEach(Baseline baseline, Consumer<GraphFingerprints.Fingerprint> action) {
        GraphFingerprints.forEach(baseline.file(), 0, action);
    }

    /**
     * Makes {@code graph} the cluster's baseline: its file is renamed into place (no copy of a
     * million lines), then the small header naming the run is replaced.
     */
    public void write(String cluster, String target, String runId, Instant succeededAt, GraphFingerprints graph) {
        Path dir = dir(cluster, target);
        graph.close();
        try {
            OwnerOnlyFiles.directories(dir);
            Map<String, Object> header = new LinkedHashMap<>();
            header.put("cluster", cluster);
            header.put("runId", runId);
            header.put("succeededAt", succeededAt.toString());
            header.put("objects", graph.size());
            Files.move(graph.file(), dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            OwnerOnlyFiles.write(dir.resolve(HEADER), json.writeValueAsBytes(header));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the change-report state of cluster '" + cluster + "' to "
                    + dir + " (set sync.state-dir / SYNC_STATE_DIR to a writable directory)", e);
        }
    }
}

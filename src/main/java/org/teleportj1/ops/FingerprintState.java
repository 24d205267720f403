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

/**
 * The graph of a cluster's last successful run, kept between runs as
 * {@code <state-dir>/<cluster>/last-success.ndjson.gz}, one {@code [type, hash, key]} line per
 * object, and {@code last-success.json}, the run id, time and object count. Written only after a successful run,
 * atomically, so a failed or interrupted run never becomes the baseline of the next change report.
 */
public final class FingerprintState {
    static final String FILE = "last-success.ndjson.gz";
    static final String HEADER = "last-success.json";

    /** A stored baseline; its objects are streamed from {@code file}. */
    public record Baseline(String runId, Instant succeededAt, long objects, Path file) {
    }

    private final Path stateDir;
    private final ObjectMapper json;

    public FingerprintState(Path stateDir, ObjectMapper json) {
        this.stateDir = stateDir;
        this.json = json;
    }

    public Path stateDir() {
        return stateDir;
    }

    public Path clusterDir(String cluster) {
        return stateDir.resolve(cluster);
    }

    /** Where a run in progress writes its fingerprints. */
    public Path runFile(String cluster, String runId) {
        return clusterDir(cluster).resolve(".fingerprints-" + runId + ".ndjson.gz");
    }

    /** The cluster's baseline (its header; objects via {@link #forEach}), if there is one. */
    public Optional<Baseline> read(String cluster) {
        Path file = clusterDir(cluster).resolve(FILE);
        Path header = clusterDir(cluster).resolve(HEADER);
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

    /** Id and time of the cluster's last successful run; empty when unknown or unreadable. */
    public Optional<Baseline> lastSuccess(String cluster) {
        try {
            return read(cluster);
        } catch (IllegalStateException e) {
            return Optional.empty();
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
    public void write(String cluster, String runId, Instant succeededAt, GraphFingerprints graph) {
        Path dir = clusterDir(cluster);
        Path temp = dir.resolve("." + HEADER + ".tmp");
        graph.close();
        try {
            Files.createDirectories(dir);
            Map<String, Object> header = new LinkedHashMap<>();
            header.put("cluster", cluster);
            header.put("runId", runId);
            header.put("succeededAt", succeededAt.toString());
            header.put("objects", graph.size());
            json.writeValue(temp.toFile(), header);
            Files.move(graph.file(), dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.move(temp, dir.resolve(HEADER), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the change-report state of cluster '" + cluster + "' to "
                    + dir + " (set sync.state-dir / SYNC_STATE_DIR to a writable directory)", e);
        }
    }
}

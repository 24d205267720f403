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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.teleportj1.state.ClusterState;
import org.teleportj1.state.OwnerOnlyFiles;
import org.teleportj1.state.StateDirectory;

/**
 * The change-report baseline of a cluster and delivery target: the graph of its last successful
 * run, kept in the target's directory of the cluster state ({@link ClusterState#changeReportDir})
 * as {@value #FILE}, a record per object ({@link GraphFingerprints}), and {@value #HEADER}, the
 * run id, time, object count and the file's format. Written only after a successful run,
 * atomically, so a failed or interrupted run never becomes the baseline of the next change report;
 * a dry run never replaces the J1 target's baseline.
 *
 * <p>Earlier versions kept JSON lines in {@value #EARLIER_FILE}, with a header without a format.
 * A baseline of another format is not read (a reader of its own, for one run after an upgrade)
 * but treated as absent with an INFO line: that run reports as a first run, and its baseline
 * replaces the old one.
 */
public final class FingerprintState {
    static final String FILE = "last-success.fingerprints.gz";
    static final String HEADER = "last-success.json";
    static final String EARLIER_FILE = "last-success.ndjson.gz";
    private static final Logger LOG = LoggerFactory.getLogger(FingerprintState.class);

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

    /** The cluster's baseline (its header; objects via {@link FingerprintReader}), if there is one. */
    public Optional<Baseline> read(String cluster, String target) {
        Path file = dir(cluster, target).resolve(FILE);
        Path header = dir(cluster, target).resolve(HEADER);
        if (!Files.isRegularFile(header)) {
            return Optional.empty();
        }
        try {
            JsonNode node = json.readTree(header.toFile());
            if (node == null || !node.hasNonNull("succeededAt")) {
                throw new IOException("no run in " + header);
            }
            if (node.path("format").asInt(0) != GraphFingerprints.VERSION) {
                LOG.info("Cluster '{}': the change-report baseline in {} is in another version's format (earlier"
                        + " versions wrote {}); this run is reported as a first run and becomes the new baseline",
                        cluster, dir(cluster, target), EARLIER_FILE);
                return Optional.empty();
            }
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            return Optional.of(new Baseline(node.path("runId").asText(null),
                    Instant.parse(node.path("succeededAt").asText()), node.path("objects").asLong(), file));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("The change-report state " + header + " cannot be read (" + e.getMessage()
                    + "). Delete it: the next run then reports every object as added and starts a new baseline.", e);
        }
    }

    /**
     * Makes {@code graph} the cluster's baseline: its file is renamed into place (no copy of a
     * million records), then the small header naming the run is replaced; an earlier version's
     * baseline goes.
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
            header.put("format", GraphFingerprints.VERSION);
            Files.move(graph.file(), dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            OwnerOnlyFiles.write(dir.resolve(HEADER), json.writeValueAsBytes(header));
            Files.deleteIfExists(dir.resolve(EARLIER_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the change-report state of cluster '" + cluster + "' to "
                    + dir + " (set sync.state-dir / SYNC_STATE_DIR to a writable directory)", e);
        }
    }
}

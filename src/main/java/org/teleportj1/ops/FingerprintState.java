package org.teleportj1.ops;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.teleportj1.delivery.FastGzip;

/**
 * The graph of a cluster's last successful run, kept between runs as
 * {@code <state-dir>/<cluster>/last-success.ndjson.gz}: a header line (run id, time, object count),
 * then one {@code [type, hash, key]} line per object. Written only after a successful run,
 * atomically, so a failed or interrupted run never becomes the baseline of the next change report.
 */
public final class FingerprintState {
    static final String FILE = "last-success.ndjson.gz";

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
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            JsonNode header = json.readTree(in.readLine());
            if (header == null || !header.hasNonNull("succeededAt")) {
                throw new IOException("no header line");
            }
            return Optional.of(new Baseline(header.path("runId").asText(null),
                    Instant.parse(header.path("succeededAt").asText()), header.path("objects").asLong(), file));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("The change-report state " + file + " cannot be read (" + e.getMessage()
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
        GraphFingerprints.forEach(baseline.file(), 1, action);
    }

    /** Makes {@code graph} (closed) the cluster's baseline, and deletes the run's own file. */
    public void write(String cluster, String runId, Instant succeededAt, GraphFingerprints graph) {
        Path dir = clusterDir(cluster);
        Path temp = dir.resolve("." + FILE + ".tmp");
        graph.close();
        try {
            Files.createDirectories(dir);
            try (OutputStream out = FastGzip.output(Files.newOutputStream(temp));
                 JsonGenerator generator = json.getFactory().createGenerator(out)) {
                generator.setRootValueSeparator(null);
                generator.writeStartObject();
                generator.writeStringField("cluster", cluster);
                generator.writeStringField("runId", runId);
                generator.writeStringField("succeededAt", succeededAt.toString());
                generator.writeNumberField("objects", graph.size());
                generator.writeEndObject();
                generator.writeRaw('\n');
                GraphFingerprints.forEach(graph.file(), 0, fingerprint -> {
                    try {
                        GraphFingerprints.writeLine(generator, fingerprint);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
            Files.move(temp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            graph.discard();
        } catch (IOException | UncheckedIOException e) {
            throw new UncheckedIOException("cannot write the change-report state of cluster '" + cluster + "' to "
                    + dir + " (set sync.state-dir / SYNC_STATE_DIR to a writable directory)",
                    e instanceof IOException io ? io : ((UncheckedIOException) e).getCause());
        }
    }
}

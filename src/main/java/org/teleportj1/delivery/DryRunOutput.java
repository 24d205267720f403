package org.teleportj1.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.teleportj1.run.RunSummary;
import org.teleportj1.run.SyncRun;
import org.teleportj1.state.OwnerOnlyFiles;
import org.teleportj1.batch.GraphBatch;
import org.teleportj1.batch.GraphKind;

/**
 * The dry-run target: {@code <output>/<cluster>/entities.ndjson}, {@code relationships.ndjson}
 * (one object a line, exactly what would be uploaded) and {@code summary.json}. Files are written
 * under temporary names and renamed when the run succeeds, so a reader never sees half a run.
 */
public class DryRunOutput {
    private final Path outputDir;
    private final ObjectMapper json;
    private final Map<String, Map<GraphKind, OutputStream>> openFiles = new ConcurrentHashMap<>();

    public DryRunOutput(Path outputDir, ObjectMapper json) {
        this.outputDir = outputDir;
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }

    public void open(@ExchangeProperty(SyncRun.PROPERTY) SyncRun run) throws IOException {
        Path dir = Files.createDirectories(outputDir.resolve(run.cluster()));
        Map<GraphKind, OutputStream> files = new EnumMap<>(GraphKind.class);
        for (GraphKind kind : GraphKind.values()) {
            files.put(kind, Files.newOutputStream(temporary(dir, kind)));
        }
        openFiles.put(run.runId() + "/" + run.cluster(), files);
    }

    /** Body: a {@link GraphBatch}. */
    public void write(@ExchangeProperty(SyncRun.PROPERTY) SyncRun run, @Body GraphBatch batch) throws IOException {
        OutputStream out = files(run).get(batch.kind());
        synchronized (out) {
            for (byte[] object : batch.objects()) {
                out.write(object);
                out.write('\n');
            }
        }
        run.delivered(batch.size());
    }

    public void close(@ExchangeProperty(SyncRun.PROPERTY) SyncRun run) throws IOException {
        Path dir = outputDir.resolve(run.cluster());
        for (Map.Entry<GraphKind, OutputStream> file : files(run).entrySet()) {
            file.getValue().close();
            Files.move(temporary(dir, file.getKey()), dir.resolve(file.getKey().field() + ".ndjson"),
                    StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        openFiles.remove(key(run));
    }

    /** Removes the partial files; the summary written afterwards says why. */
    public void abort(@ExchangeProperty(SyncRun.PROPERTY) SyncRun run) throws IOException {
        Map<GraphKind, OutputStream> files = openFiles.remove(key(run));
        if (files == null) {
            return;
        }
        Path dir = outputDir.resolve(run.cluster());
        for (Map.Entry<GraphKind, OutputStream> file : files.entrySet()) {
            file.getValue().close();
            Files.deleteIfExists(temporary(dir, file.getKey()));
        }
    }

    /** summary.json: counts per _type, duration, cluster, result. */
    public void writeSummary(@ExchangeProperty(SyncRun.PROPERTY) SyncRun run) throws IOException {
        Path dir = Files.createDirectories(outputDir.resolve(run.cluster()));
        OwnerOnlyFiles.write(dir.resolve("summary.json"), json.writeValueAsBytes(RunSummary.of(run)));
    }

    private Map<GraphKind, OutputStream> files(SyncRun run) {
        Map<GraphKind, OutputStream> files = openFiles.get(key(run));
        if (files == null) {
            throw new IllegalStateException("dry-run output of run " + run.runId() + " is not open");
        }
        return files;
    }

    private static String key(SyncRun run) {
        return run.runId() + "/" + run.cluster();
    }

    private static Path temporary(Path dir, GraphKind kind) {
        return dir.resolve("." + kind.field() + ".ndjson.tmp");
    }

}

package org.teleportj1.state;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumMap;
import java.util.Map;
import org.teleportj1.batch.GraphBatch;
import org.teleportj1.batch.GraphKind;

/**
 * A run's complete graph on disk as it is produced: {@code entities.json.gz} and
 * {@code relationships.json.gz}, each its kind's gzip upload bodies one after another, the very
 * bytes uploaded (a batch is compressed once: GraphBatch). Concatenated gzip members are one valid
 * gzip file ({@code zcat} shows {"entities":[...]}{"entities":[...]}...). The spool costs no
 * compression and no memory of its own, and it is what makes a failed run's dead letter whole
 * even when J1 failed before the last page was read.
 */
public final class RunSpool {
    private final Path dir;
    private final Map<GraphKind, OutputStream> files = new EnumMap<>(GraphKind.class);
    private final Map<GraphKind, Long> counts = new EnumMap<>(GraphKind.class);
    private boolean closed;

    private RunSpool(Path dir) throws IOException {
        this.dir = dir;
        OwnerOnlyFiles.directories(dir);
        for (GraphKind kind : GraphKind.values()) {
            Path file = OwnerOnlyFiles.file(dir.resolve(fileName(kind)));
            // bodies are written whole, so there is nothing to buffer
            files.put(kind, Files.newOutputStream(file));
        }
    }

    public static RunSpool open(Path dir) throws IOException {
        return new RunSpool(dir);
    }

    public static String fileName(GraphKind kind) {
        return kind.field() + ".json.gz";
    }

    public Path dir() {
        return dir;
    }

    /** Appends a compressed batch's gzip body, the bytes its upload sends. */
    public synchronized void append(GraphBatch batch) {
        try {
            files.get(batch.kind()).write(batch.gzipBody());
            counts.merge(batch.kind(), (long) batch.size(), Long::sum);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spool the graph to " + dir + ": " + e.getMessage(), e);
        }
    }

    public synchronized long count(GraphKind kind) {
        return counts.getOrDefault(kind, 0L);
    }

    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        for (OutputStream out : files.values()) {
            out.close();
        }
    }

    /** Closes the spool and moves it to {@code target} (a dead letter); returns the new place. */
    public synchronized Path moveTo(Path target) throws IOException {
        close();
        OwnerOnlyFiles.directories(target.toAbsolutePath().getParent());
        try {
            Files.move(dir, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException otherFileSystem) {
            OwnerOnlyFiles.directories(target);
            for (GraphKind kind : GraphKind.values()) {
                Files.copy(dir.resolve(fileName(kind)), OwnerOnlyFiles.file(target.resolve(fileName(kind))),
                        StandardCopyOption.REPLACE_EXISTING);
            }
            OwnerOnlyFiles.deleteTree(dir);
        }
        return target;
    }

    /** The run succeeded or read only part of the cluster: the spool has no further use. */
    public synchronized void discard() throws IOException {
        close();
        OwnerOnlyFiles.deleteTree(dir);
    }
}

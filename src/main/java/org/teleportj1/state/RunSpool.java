package org.teleportj1.state;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumMap;
import java.util.Map;
import org.teleportj1.batch.FastGzip;
import org.teleportj1.batch.GraphBatcher;
import org.teleportj1.batch.GraphKind;

/**
 * A run's complete graph on disk as it is produced: {@code entities.ndjson.gz} and
 * {@code relationships.ndjson.gz}, one serialized object a line, exactly as uploaded. It costs a
 * gzip stream per kind, not memory, and it is what makes a failed run's dead letter whole even
 * when J1 failed before the last page was read.
 */
public final class RunSpool implements GraphBatcher.ObjectTap {
    private final Path dir;
    private final Map<GraphKind, OutputStream> files = new EnumMap<>(GraphKind.class);
    private final Map<GraphKind, Long> counts = new EnumMap<>(GraphKind.class);
    private boolean closed;

    private RunSpool(Path dir) throws IOException {
        this.dir = dir;
        OwnerOnlyFiles.directories(dir);
        for (GraphKind kind : GraphKind.values()) {
            Path file = OwnerOnlyFiles.file(dir.resolve(fileName(kind)));
            files.put(kind, FastGzip.output(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)));
        }
    }

    public static RunSpool open(Path dir) throws IOException {
        return new RunSpool(dir);
    }

    public static String fileName(GraphKind kind) {
        return kind.field() + ".ndjson.gz";
    }

    public Path dir() {
        return dir;
    }

    @Override
    public synchronized void accept(GraphKind kind, byte[] serialized) {
        try {
            OutputStream out = files.get(kind);
            out.write(serialized);
            out.write('\n');
            counts.merge(kind, 1L, Long::sum);
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

package org.teleportj1.state;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.UnaryOperator;
import org.teleportj1.batch.GraphBatch;
import org.teleportj1.batch.GraphKind;
import org.teleportj1.concurrent.Background;

/**
 * A run's complete graph on disk as it is produced: {@code entities.json.gz} and
 * {@code relationships.json.gz}, each its kind's gzip upload bodies one after another, the very
 * bytes uploaded (a batch is compressed once: GraphBatch). Concatenated gzip members are one valid
 * gzip file ({@code zcat} shows {"entities":[...]}{"entities":[...]}...). The spool adds no
 * compression of its own (the upload sends the same body) and no memory, and it is what makes a
 * failed run's dead letter whole even when J1 failed before the last page was read.
 *
 * <p>A run hands its batches over plain ({@link #appendLater}): a spool thread compresses and
 * appends them one after another, in the order handed over, while the run goes on mapping (the
 * compression was about a quarter of the run thread's CPU). The spool thread is not Camel's: a
 * stopping Camel context does not leave a batch out. Closing, moving and discarding wait for it.
 */
public final class RunSpool {
    /** Batches handed over and not yet appended before the run waits: bounds their memory. */
    private static final int WAITING = 2;
    private static final ExecutorService SPOOLERS = Background.threads("run-spool");

    private final Path dir;
    /** Guards {@link #last} and {@link #waiting}; never held while waiting. */
    private final Object order = new Object();
    private CompletableFuture<?> last = CompletableFuture.completedFuture(null);
    private final Deque<CompletableFuture<?>> waiting = new ArrayDeque<>();
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

    /**
     * Compresses {@code plain} with {@code compression} and appends it on a spool thread, after
     * every batch handed over before it. The future is the compressed batch, for its upload. With
     * {@value #WAITING} batches still waiting, waits for the oldest first. After a failure every
     * later batch fails the same way, and so does {@link #awaitAppended}.
     */
    public CompletableFuture<GraphBatch> appendLater(GraphBatch plain, UnaryOperator<GraphBatch> compression) {
        CompletableFuture<?> oldest;
        synchronized (order) {
            waiting.removeIf(CompletableFuture::isDone);
            oldest = waiting.size() >= WAITING ? waiting.peekFirst() : null;
        }
        if (oldest != null) {
            Background.settle(oldest);
        }
        synchronized (order) {
            CompletableFuture<GraphBatch> next = last.thenApplyAsync(previous -> {
                GraphBatch compressed = compression.apply(plain);
                append(compressed);
                return compressed;
            }, SPOOLERS);
            last = next;
            waiting.add(next);
            return next;
        }
    }

    /** Waits until every batch handed to {@link #appendLater} is appended; throws the first failure. */
    public void awaitAppended() {
        Background.join(last());
    }

    /** The step of the batch handed over last: it ends after every one before it. */
    private CompletableFuture<?> last() {
        synchronized (order) {
            return last;
        }
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

    /** Closes the files once every batch handed over is appended (or failed). */
    public void close() throws IOException {
        Background.settle(last());
        closeFiles();
    }

    private synchronized void closeFiles() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        for (OutputStream out : files.values()) {
            out.close();
        }
    }

    /** Closes the spool and moves it to {@code target} (a dead letter); returns the new place. */
    public Path moveTo(Path target) throws IOException {
        close();
        return move(target);
    }

    private synchronized Path move(Path target) throws IOException {
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
    public void discard() throws IOException {
        close();
        synchronized (this) {
            OwnerOnlyFiles.deleteTree(dir);
        }
    }
}

package org.teleportj1.state;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One run per cluster at a time. Quartz {@code stateful} keeps a schedule from overlapping itself;
 * this also covers a manual {@code sync} or {@code dead-letters replay} started while the service
 * runs: an OS file lock on {@code <state-dir>/<cluster>/run.lock} across processes, a map within one
 * (the JVM refuses a second lock on the same file with OverlappingFileLockException).
 */
public class ClusterLocks {
    private final Path dir;
    private final Map<String, Lease> held = new ConcurrentHashMap<>();

    public ClusterLocks(Path dir) {
        this.dir = dir;
    }

    /** A held lock; closing it is idempotent. */
    public final class Lease implements AutoCloseable {
        private final String cluster;
        private final FileChannel channel;
        private final FileLock lock;
        private final String holder;

        private Lease(String cluster, FileChannel channel, FileLock lock, String holder) {
            this.cluster = cluster;
            this.channel = channel;
            this.lock = lock;
            this.holder = holder;
        }

        @Override
        public synchronized void close() {
            if (held.remove(cluster, this)) {
                try {
                    lock.release();
                    channel.close();
                } catch (IOException ignored) {
                    // the lock goes with the channel and the process anyway
                }
            }
        }
    }

    /** Takes the cluster's lock, or says who holds it. */
    public Lease acquire(String cluster, String holder) throws IOException {
        Lease[] created = new Lease[1];
        IOException[] failure = new IOException[1];
        Lease existing = held.computeIfAbsent(ClusterNames.checked(cluster), name -> {
            try {
                created[0] = lockFile(name, holder);
            } catch (IOException e) {
                failure[0] = e;
            }
            return created[0];
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        if (existing != created[0]) {
            throw new RunOverlapException("cluster '" + cluster + "' is already being synced in this process by "
                    + existing.holder + "; this run is skipped");
        }
        return existing;
    }

    private Lease lockFile(String cluster, String holder) throws IOException {
        OwnerOnlyFiles.directories(dir);
        Path file = OwnerOnlyFiles.file(dir.resolve(cluster).resolve("run.lock"));
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException sameProcess) {
            lock = null;
        }
        if (lock == null) {
            String other = new String(java.nio.file.Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
            channel.close();
            throw new RunOverlapException("cluster '" + cluster + "' is already being synced by another process ("
                    + (other.isEmpty() ? "lock " + file : other) + "); this run is skipped");
        }
        String description = holder + ", pid " + ProcessHandle.current().pid() + ", since " + Instant.now();
        channel.truncate(0);
        channel.write(java.nio.ByteBuffer.wrap(description.getBytes(StandardCharsets.UTF_8)));
        return new Lease(cluster, channel, lock, description);
    }
}

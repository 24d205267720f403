package org.teleportj1.run;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.teleportj1.state.RunSpool;

/**
 * What happened to a run's delivery, shared by the parallel upload exchanges. The first failure
 * wins and stops further uploads; reading Teleport carries on so the complete graph is spooled
 * and can be dead-lettered whole.
 */
public final class DeliveryState {
    private final AtomicReference<DeliveryFailure> failure = new AtomicReference<>();
    private final AtomicLong trimmedObjects = new AtomicLong();
    private final Set<String> partialTypes = new ConcurrentSkipListSet<>();
    private final Set<String> unreadTypes = new ConcurrentSkipListSet<>();
    private volatile RunSpool spool;
    private volatile Path deadLetter;
    private volatile boolean graphRead;
    private volatile String jobStatus;
    private volatile Map<String, Long> jobCounts = Map.of();
    /** Batches handed to the upload queue whose upload has not ended (delivered, failed or skipped). */
    private int uploadsPending;

    /** Records a failure unless an earlier one is already recorded; true when this one was first. */
    public boolean fail(DeliveryFailure failure) {
        return this.failure.compareAndSet(null, failure);
    }

    public boolean isFailed() {
        return failure.get() != null;
    }

    public DeliveryFailure failure() {
        return failure.get();
    }

    public void trimmed() {
        trimmedObjects.incrementAndGet();
    }

    public long trimmedObjects() {
        return trimmedObjects.get();
    }

    /** _types J1 must not delete from at finalize: their resource could not be read (partialDatasets). */
    public void partial(Set<String> types) {
        partialTypes.addAll(types);
    }

    /**
     * _types of optional resources this run did not read (switched off, or denied in auto mode):
     * J1 keeps them like partial ones, but the run is complete as configured.
     */
    public void unread(Set<String> types) {
        unreadTypes.addAll(types);
    }

    /** Every _type J1 must keep at finalize: partial ones and those of unread optional resources. */
    public Set<String> partialTypes() {
        TreeSet<String> all = new TreeSet<>(partialTypes);
        all.addAll(unreadTypes);
        return all;
    }

    /** True when a tolerated failure (not an optional resource left unread) made types partial. */
    public boolean hasFailedTypes() {
        return !partialTypes.isEmpty();
    }

    public RunSpool spool() {
        return spool;
    }

    public void spool(RunSpool spool) {
        this.spool = spool;
    }

    public Path deadLetter() {
        return deadLetter;
    }

    public void deadLetter(Path deadLetter) {
        this.deadLetter = deadLetter;
    }

    /** Every resource was read and the graph completed: a dead letter of it is a whole snapshot. */
    public boolean isGraphRead() {
        return graphRead;
    }

    public void graphRead() {
        this.graphRead = true;
    }

    public String jobStatus() {
        return jobStatus;
    }

    /** J1's final word on the job: its status and created/updated/deleted counts. */
    public void jobOutcome(String status, Map<String, Long> counts) {
        this.jobStatus = status;
        this.jobCounts = Map.copyOf(counts);
    }

    public Map<String, Long> jobCounts() {
        return jobCounts;
    }

    public synchronized void uploadQueued() {
        uploadsPending++;
    }

    public synchronized void uploadEnded() {
        if (--uploadsPending == 0) {
            notifyAll();
        }
    }

    public synchronized int uploadsPending() {
        return uploadsPending;
    }

    /** Waits up to {@code millis} for every queued upload to end; true when none is pending. */
    public synchronized boolean awaitUploads(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (uploadsPending > 0) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }
}

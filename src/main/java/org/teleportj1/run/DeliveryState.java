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
    private volatile RunSpool spool;
    private volatile Path deadLetter;
    private volatile boolean graphRead;
    private volatile String jobStatus;
    private volatile Map<String, Long> jobCounts = Map.of();

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

    public Set<String> partialTypes() {
        return new TreeSet<>(partialTypes);
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
}

package org.teleportj1.run;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import org.teleportj1.run.DeliveryState;
import org.teleportj1.batch.GraphBatcher;
import org.teleportj1.graph.ClusterInfo;
import org.teleportj1.graph.GraphBuilder;
import org.teleportj1.graph.GraphOptions;
import org.teleportj1.graph.GraphStats;
import org.teleportj1.run.RunProgress;

/**
 * The state of one sync of one cluster, carried through the route in exchange property
 * {@link #PROPERTY}. Split sub-exchanges share it (Camel copies the property map shallowly).
 */
public final class SyncRun {
    public static final String PROPERTY = "syncRun";
    /** Exchange property: the J1 sync job a run of the same cluster left open when its process died. */
    public static final String DEAD_RUN_JOB = "deadRunJobId";
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final String cluster;
    private final String accountName;
    private final DeliveryMode mode;
    private final Instant startedAt;
    private final String runId;
    private final GraphBatcher batcher;
    private final AtomicLong batchesDelivered = new AtomicLong();
    private final AtomicLong objectsDelivered = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final DeliveryState delivery = new DeliveryState();
    private final RunProgress progress;
    private final Replay replay;
    private final Map<String, String> partialResources = new ConcurrentSkipListMap<>();
    private final Map<String, String> unreadResources = new ConcurrentSkipListMap<>();
    private volatile ClusterInfo clusterInfo;
    private volatile GraphBuilder graph;
    /** The graph's counts once the graph itself was released. */
    private volatile GraphStats releasedStats;
    private volatile String jobId;
    private volatile RunResult result = RunResult.RUNNING;
    private volatile String failure;
    private volatile Instant finishedAt;

    public SyncRun(String cluster, String accountName, DeliveryMode mode, GraphBatcher batcher, Instant startedAt) {
        this(cluster, accountName, mode, batcher, startedAt, null);
    }

    /** @param replay what it replays, or null for a sync */
    public SyncRun(String cluster, String accountName, DeliveryMode mode, GraphBatcher batcher, Instant startedAt,
                   Replay replay) {
        this.replay = replay;
        this.cluster = cluster;
        this.accountName = accountName == null || accountName.isBlank() ? null : accountName;
        this.mode = mode;
        this.batcher = batcher;
        this.startedAt = startedAt;
        this.runId = RUN_ID.format(startedAt);
        this.progress = new RunProgress(cluster);
    }

    /** Starts the graph once Ping told us the cluster's name. */
    public GraphBuilder startGraph(ClusterInfo info, GraphOptions options) {
        this.clusterInfo = info;
        this.graph = new GraphBuilder(info, options, batcher);
        return graph;
    }

    public GraphBuilder graph() {
        if (graph == null) {
            throw new IllegalStateException("the graph of run " + runId + (releasedStats != null
                    ? " was released when the run finished" : " is not started: ping the cluster first"));
        }
        return graph;
    }

    /**
     * The run is finished and its graph applied: the graph's names and sets (about 200 MB at a
     * million users) are let go before the change report, which needs its own hundreds of MB.
     */
    public void releaseGraph() {
        GraphBuilder finished = graph;
        if (finished != null) {
            releasedStats = finished.stats();
            graph = null;
        }
    }

    /** The graph's counts, also after {@link #releaseGraph()}. */
    public GraphStats graphStats() {
        GraphBuilder current = graph;
        return current != null ? current.stats() : releasedStats;
    }

    public void delivered(int objects) {
        batchesDelivered.incrementAndGet();
        objectsDelivered.addAndGet(objects);
    }

    /** Counts one retried request (Teleport or J1). */
    public void retried() {
        retries.incrementAndGet();
    }

    public long retries() {
        return retries.get();
    }

    /** Pages and objects read per resource. */
    public RunProgress progress() {
        return progress;
    }

    public void succeeded() {
        result = RunResult.SUCCEEDED;
        finishedAt = Instant.now();
    }

    /** Delivered, but without some resources (their types were finalized as partial datasets). */
    public void partiallySucceeded() {
        result = RunResult.PARTIAL;
        finishedAt = Instant.now();
    }

    /** A listing that failed and was tolerated: its URI name and why. */
    public void partialResource(String resource, String reason) {
        partialResources.put(resource, reason);
    }

    /** The tolerated failed listings, by URI name (empty for a complete run and for replays). */
    public Map<String, String> partialResources() {
        return new TreeMap<>(partialResources);
    }

    /** Some _types are finalized as partial datasets (a tolerated listing failure, or a replay of one). */
    public boolean isPartial() {
        return delivery.hasFailedTypes();
    }

    /** An optional resource that was not read (switched off, denied or unimplemented) and why. */
    public void unreadResource(String resource, String reason) {
        unreadResources.put(resource, reason);
    }

    /** The optional resources not read, by URI name. */
    public Map<String, String> unreadResources() {
        return new TreeMap<>(unreadResources);
    }

    public void failed(String reason) {
        result = RunResult.FAILED;
        failure = reason;
        finishedAt = Instant.now();
    }

    public Duration duration() {
        return Duration.between(startedAt, finishedAt == null ? Instant.now() : finishedAt);
    }

    public String cluster() {
        return cluster;
    }

    public String accountName() {
        return accountName;
    }

    public DeliveryMode mode() {
        return mode;
    }

    public boolean isDryRun() {
        return mode == DeliveryMode.DRY_RUN;
    }

    public Instant startedAt() {
        return startedAt;
    }

    /** The dead letter this run replays; empty for a sync. */
    public Optional<Replay> replay() {
        return Optional.ofNullable(replay);
    }

    /** When the graph was read from Teleport: now for a sync, the dead letter's time for a replay. */
    public Instant snapshotAt() {
        return replay == null ? startedAt : replay.snapshotAt();
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public String runId() {
        return runId;
    }

    public GraphBatcher batcher() {
        return batcher;
    }

    public ClusterInfo clusterInfo() {
        return clusterInfo;
    }

    public String jobId() {
        return jobId;
    }

    /** A J1 job was started (routes test this; Simple cannot pick between the two jobId methods). */
    public boolean hasJob() {
        return jobId != null;
    }

    public void jobId(String jobId) {
        this.jobId = jobId;
    }

    public RunResult result() {
        return result;
    }

    public String failure() {
        return failure;
    }

    public long batchesDelivered() {
        return batchesDelivered.get();
    }

    /** Delivery to J1: failure, spool, dead letter, J1's outcome. */
    public DeliveryState delivery() {
        return delivery;
    }

    public long objectsDelivered() {
        return objectsDelivered.get();
    }
}

package org.teleportj1.batch;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.teleportj1.graph.GraphSink;

/**
 * Serializes graph objects as they are produced and cuts them into batches by bytes and count.
 * Only the open batches and the sealed-but-not-yet-delivered ones are held, so memory is bounded
 * by the batches in flight, not by the cluster.
 */
public final class GraphBatcher implements GraphSink {
    /** Room for {"relationships":[ ... ]} around the objects. */
    private static final int ENVELOPE_BYTES = 24;

    private final BatchLimits limits;
    private final Map<GraphKind, OpenBatch> open = new EnumMap<>(GraphKind.class);
    private final Deque<GraphBatch> ready = new ArrayDeque<>();
    private final SortedMap<String, Long> countsByType = new TreeMap<>();
    private long objects;
    private long bytes;
    private BiConsumer<Map<String, Object>, byte[]> observer = (object, serialized) -> { };

    public GraphBatcher(BatchLimits limits) {
        this.limits = limits;
        for (GraphKind kind : GraphKind.values()) {
            open.put(kind, new OpenBatch());
        }
    }

    @Override
    public void entity(Map<String, Object> entity) {
        add(GraphKind.ENTITIES, entity);
    }

    @Override
    public void relationship(Map<String, Object> relationship) {
        add(GraphKind.RELATIONSHIPS, relationship);
    }

    private void add(GraphKind kind, Map<String, Object> object) {
        byte[] serialized = GraphJson.bytes(object);
        synchronized (this) {
            observer.accept(object, serialized);
            add(kind, serialized, String.valueOf(object.get("_type")));
        }
    }

    /** Adds an object serialized earlier (one of a replayed dead letter). */
    public synchronized void add(GraphKind kind, byte[] serialized, String type) {
        OpenBatch batch = open.get(kind);
        // +1 for the comma between objects
        if (!batch.objects.isEmpty() && (batch.bytes + serialized.length + 1 + ENVELOPE_BYTES > limits.maxBytes()
                || batch.objects.size() >= limits.maxObjects())) {
            seal(kind);
            batch = open.get(kind);
        }
        batch.objects.add(serialized);
        batch.bytes += serialized.length + 1;
        countsByType.merge(type, 1L, Long::sum);
        objects++;
        bytes += serialized.length;
    }

    /** Sees every object with its serialized bytes, once (the change report hashes them: ops.TrackChanges). */
    public synchronized void observe(BiConsumer<Map<String, Object>, byte[]> objectObserver) {
        this.observer = objectObserver;
    }

    private void seal(GraphKind kind) {
        OpenBatch batch = open.put(kind, new OpenBatch());
        if (batch != null && !batch.objects.isEmpty()) {
            ready.add(new GraphBatch(kind, batch.objects, batch.bytes));
        }
    }

    /** The batches that are full, removed from the batcher. */
    public synchronized List<GraphBatch> takeReady() {
        List<GraphBatch> batches = new ArrayList<>(ready);
        ready.clear();
        return batches;
    }

    /** Seals the partly filled batches and returns every remaining batch. */
    public synchronized List<GraphBatch> flush() {
        for (GraphKind kind : GraphKind.values()) {
            seal(kind);
        }
        return takeReady();
    }

    public synchronized SortedMap<String, Long> countsByType() {
        return new TreeMap<>(countsByType);
    }

    public synchronized long objectCount() {
        return objects;
    }

    public synchronized long byteCount() {
        return bytes;
    }

    private static final class OpenBatch {
        final List<byte[]> objects = new ArrayList<>();
        long bytes;
    }
}

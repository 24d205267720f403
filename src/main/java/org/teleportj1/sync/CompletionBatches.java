package org.teleportj1.sync;

import java.io.Closeable;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.teleportj1.batch.GraphBatch;
import org.teleportj1.batch.GraphBatcher;
import org.teleportj1.graph.GraphBuilder;

/**
 * Turns the graph's completion, which pushes objects through a checkpoint callback, into an
 * iterator a Camel split can pull: completion runs on its own thread and hands over the batches
 * that filled up at each checkpoint through a queue of one, so it is never more than one list of
 * batches ahead of delivery. Camel closes the iterator when the split ends, early or not; closing
 * stops the completion.
 */
final class CompletionBatches implements Iterator<List<GraphBatch>>, Closeable {
    private final BlockingQueue<Step> handover = new ArrayBlockingQueue<>(1);
    private final Thread completion;
    private final Runnable whenRead;
    private boolean done;

    /** One hand-over: batches, or the end (the last batches) or the failure of the completion. */
    private record Step(List<GraphBatch> batches, RuntimeException failure, boolean last) {
    }

    CompletionBatches(String cluster, GraphBuilder graph, GraphBatcher batcher, Runnable whenRead) {
        this.whenRead = whenRead;
        this.completion = new Thread(() -> {
            Step end;
            try {
                graph.complete(() -> {
                    List<GraphBatch> ready = batcher.takeReady();
                    if (!ready.isEmpty()) {
                        put(new Step(ready, null, false));
                    }
                });
                end = new Step(batcher.flush(), null, true);
            } catch (StoppedException stopped) {
                return;
            } catch (RuntimeException e) {
                end = new Step(List.of(), e, true);
            } catch (Error e) {
                end = new Step(List.of(), new IllegalStateException("completing the graph failed: " + e, e), true);
            }
            put(end);
        }, "graph-completion-" + cluster);
        completion.setDaemon(true);
        completion.start();
    }

    @Override
    public boolean hasNext() {
        return !done;
    }

    @Override
    public List<GraphBatch> next() {
        if (done) {
            throw new NoSuchElementException();
        }
        Step next;
        try {
            next = handover.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("interrupted while completing the graph", e);
        }
        if (next.failure() != null) {
            done = true;
            throw next.failure();
        }
        if (next.last()) {
            done = true;
            whenRead.run();
        }
        return next.batches();
    }

    @Override
    public void close() {
        done = true;
        completion.interrupt();
    }

    private void put(Step step) {
        try {
            handover.put(step);
        } catch (InterruptedException e) {
            throw new StoppedException();
        }
    }

    /** The split ended before the completion did: the thread just ends. */
    private static final class StoppedException extends RuntimeException {
        StoppedException() {
            super(null, null, false, false);
        }
    }
}

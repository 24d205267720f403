package org.teleportj1.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teleportj1.batch.BatchLimits;
import org.teleportj1.batch.GraphBatch;
import org.teleportj1.batch.GraphBatcher;
import org.teleportj1.batch.GraphKind;

/** The spool thread: batches handed over plain are compressed and appended in order, bounded, failures kept. */
class RunSpoolTest {
    @TempDir
    Path dir;
    private final List<GraphBatch> plain = batches();
    /** Opens to let the compression of the first batch finish ({@link #holdingTheFirst}). */
    private final CountDownLatch release = new CountDownLatch(1);
    private RunSpool spool;

    @BeforeEach
    void openSpool() throws Exception {
        spool = RunSpool.open(dir);
    }

    /** Five entity batches of two users each, in the order a run seals them. */
    private static List<GraphBatch> batches() {
        GraphBatcher batcher = new GraphBatcher(new BatchLimits(5_000_000, 2));
        for (int i = 0; i < 10; i++) {
            batcher.entity(Map.of("_key", "teleport:c:user:u" + i, "_type", "teleport_user", "_class", "User"));
        }
        return batcher.flush();
    }

    /** Compresses, but holds the first batch until {@link #release} opens. */
    private UnaryOperator<GraphBatch> holdingTheFirst() {
        return batch -> {
            if (batch == plain.get(0)) {
                try {
                    assertTrue(release.await(10, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return batch.compressed();
        };
    }

    @Test
    void batchesAreSpooledInTheOrderHandedOverWhileTheRunGoesOn() throws Exception {
        UnaryOperator<GraphBatch> compression = holdingTheFirst();
        CompletableFuture<GraphBatch> first = spool.appendLater(plain.get(0), compression);
        CompletableFuture<GraphBatch> second = spool.appendLater(plain.get(1), compression);
        assertFalse(first.isDone() || second.isDone(), "handed over without waiting for the compression");
        release.countDown();
        List<CompletableFuture<GraphBatch>> all = new ArrayList<>(List.of(first, second));
        for (GraphBatch batch : plain.subList(2, plain.size())) {
            all.add(spool.appendLater(batch, compression));
        }
        spool.close();

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (CompletableFuture<GraphBatch> batch : all) {
            assertTrue(batch.isDone(), "close waited for every batch");
            expected.writeBytes(batch.join().gzipBody());
        }
        assertArrayEquals(expected.toByteArray(), Files.readAllBytes(dir.resolve(RunSpool.fileName(GraphKind.ENTITIES))));
        assertEquals(10, spool.count(GraphKind.ENTITIES));
    }

    @Test
    void aThirdBatchWaitsUntilTheOldestIsSpooled() throws Exception {
        UnaryOperator<GraphBatch> compression = holdingTheFirst();
        spool.appendLater(plain.get(0), compression);
        spool.appendLater(plain.get(1), compression);
        CompletableFuture<CompletableFuture<GraphBatch>> third = CompletableFuture.supplyAsync(
                () -> spool.appendLater(plain.get(2), compression));
        // memory holds at most two batches waiting: the third hand-over cannot return yet
        assertThrows(java.util.concurrent.TimeoutException.class, () -> third.get(200, TimeUnit.MILLISECONDS));
        release.countDown();
        third.get(10, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS);
        spool.awaitAppended();
        assertEquals(6, spool.count(GraphKind.ENTITIES));
        spool.close();
    }

    @Test
    void aFailureFailsItsBatchEveryLaterOneAndTheWaitBeforeClose() throws Exception {
        IllegalStateException diskFull = new IllegalStateException("cannot spool the graph: no space left");
        UnaryOperator<GraphBatch> compression = batch -> {
            if (batch == plain.get(1)) {
                throw diskFull;
            }
            return batch.compressed();
        };
        CompletableFuture<GraphBatch> ok = spool.appendLater(plain.get(0), compression);
        CompletableFuture<GraphBatch> failed = spool.appendLater(plain.get(1), compression);
        CompletableFuture<GraphBatch> after = spool.appendLater(plain.get(2), compression);

        assertSame(diskFull, assertThrows(IllegalStateException.class, spool::awaitAppended));
        assertEquals(2, ok.join().size());
        assertSame(diskFull, assertThrows(CompletionException.class, failed::join).getCause());
        assertSame(diskFull, assertThrows(CompletionException.class, after::join).getCause());
        assertEquals(2, spool.count(GraphKind.ENTITIES), "nothing after the failure was appended");
        spool.discard();
        assertFalse(Files.exists(dir));
    }
}

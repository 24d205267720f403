package org.teleportj1.delivery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teleportj1.batch.BatchLimits;
import org.teleportj1.batch.GraphBatch;
import org.teleportj1.batch.GraphBatcher;
import org.teleportj1.batch.GraphKind;
import org.teleportj1.jupiterone.SyncJobApi;
import org.teleportj1.run.DeliveryMode;
import org.teleportj1.run.Replay;
import org.teleportj1.run.SyncRun;
import org.teleportj1.state.RunSpool;
import org.teleportj1.state.StateDirectory;

/**
 * Each batch of a J1 run is compressed exactly once: the spool step compresses it (counted
 * through RunSpools' compression seam), the spool holds that gzip body and the upload sends the
 * very same array, gzip on or off the spool stays compressed; a replay, which has no spool, leaves
 * its batches plain for the upload to compress.
 */
class CompressOnceTest {
    private final CamelContext camel = new DefaultCamelContext();
    private final AtomicInteger compressions = new AtomicInteger();

    @TempDir
    Path dir;

    @AfterEach
    void stopCamel() throws Exception {
        camel.close();
    }

    @Test
    void theSpoolHoldsTheBytesTheUploadSendsCompressedOnce() throws IOException {
        SyncRun run = run(null);
        RunSpools spools = countingSpools();
        spools.open(run);
        List<GraphBatch> sealed = sealedBatches(run.batcher());

        List<GraphBatch> spooled = compressed(spools, spools.spool(run, sealed));

        assertEquals(sealed.size(), compressions.get(), "one compression per batch");
        ByteArrayOutputStream uploadedEntities = new ByteArrayOutputStream();
        ByteArrayOutputStream uploadedRelationships = new ByteArrayOutputStream();
        for (GraphBatch batch : spooled) {
            byte[] sent = upload(run, batch, true);
            assertSame(batch.gzipBody(), sent, "the upload sends the spooled array, not a new compression");
            (batch.kind() == GraphKind.ENTITIES ? uploadedEntities : uploadedRelationships).writeBytes(sent);
        }
        assertEquals(sealed.size(), compressions.get(), "the uploads compressed nothing");
        run.delivery().spool().close();
        assertArrayEquals(uploadedEntities.toByteArray(), spooled(run, GraphKind.ENTITIES), "bytes uploaded = bytes spooled");
        assertArrayEquals(uploadedRelationships.toByteArray(), spooled(run, GraphKind.RELATIONSHIPS));
        assertEquals(run.batcher().objectCount(), run.delivery().spool().count(GraphKind.ENTITIES)
                + run.delivery().spool().count(GraphKind.RELATIONSHIPS));
    }

    @Test
    void withoutGzipTheUploadIsPlainAndTheSpoolStillCompressed() throws IOException {
        SyncRun run = run(null);
        RunSpools spools = countingSpools();
        spools.open(run);
        List<GraphBatch> sealed = sealedBatches(run.batcher());
        List<byte[]> plainBodies = new ArrayList<>();
        sealed.forEach(batch -> plainBodies.add(batch.requestBody()));

        List<GraphBatch> spooled = compressed(spools, spools.spool(run, sealed));

        for (int i = 0; i < spooled.size(); i++) {
            Exchange exchange = uploadExchange(run, spooled.get(i), false);
            assertArrayEquals(plainBodies.get(i), exchange.getMessage().getBody(byte[].class));
            assertNull(exchange.getMessage().getHeader("Content-Encoding"));
        }
        assertEquals(sealed.size(), compressions.get());
        run.delivery().spool().close();
        assertTrue(Files.size(spoolFile(run, GraphKind.ENTITIES)) > 0);
        assertEquals(0x1f, spooled(run, GraphKind.ENTITIES)[0] & 0xff, "gzip");
    }

    @Test
    void aReplayHasNoSpoolAndItsUploadCompressesEachBatchOnce() throws IOException {
        SyncRun replay = run(new Replay("default/20260101T000000Z", Instant.now(), false));
        RunSpools spools = countingSpools();
        spools.open(replay);
        List<GraphBatch> sealed = sealedBatches(replay.batcher());

        List<GraphBatch> delivered = compressed(spools, spools.spool(replay, sealed));

        assertNull(replay.delivery().spool());
        assertEquals(0, compressions.get());
        assertTrue(delivered.stream().noneMatch(GraphBatch::isCompressed), "plain, for the upload to compress");
        assertFalse(Files.exists(dir.resolve("default").resolve("spool")));
    }

    /** What the upload route does with each pending batch: waits for the spool thread's batch. */
    private static List<GraphBatch> compressed(RunSpools spools, List<PendingBatch> pending) {
        return pending.stream().map(spools::compressed).toList();
    }

    private RunSpools countingSpools() {
        return new RunSpools(new StateDirectory(dir), batch -> {
            compressions.incrementAndGet();
            return batch.compressed();
        });
    }

    private SyncRun run(Replay replay) {
        GraphBatcher batcher = new GraphBatcher(new BatchLimits(5_000_000, 4));
        SyncRun run = replay == null ? new SyncRun("default", null, DeliveryMode.JUPITERONE, batcher, Instant.now())
                : new SyncRun("default", null, DeliveryMode.JUPITERONE, batcher, Instant.now(), replay);
        run.jobId("job-1");
        return run;
    }

    /** Ten entities and seven relationships, sealed four at a time. */
    private static List<GraphBatch> sealedBatches(GraphBatcher batcher) {
        for (int i = 0; i < 10; i++) {
            batcher.entity(Map.of("_key", "teleport:c:user:u" + i, "_type", "teleport_user", "_class", "User",
                    "name", "u" + i));
        }
        for (int i = 0; i < 7; i++) {
            batcher.relationship(Map.of("_key", "teleport:c|has|u" + i, "_type", "teleport_account_has_user",
                    "_class", "HAS", "_fromEntityKey", "teleport:c", "_toEntityKey", "teleport:c:user:u" + i));
        }
        List<GraphBatch> batches = batcher.flush();
        assertEquals(5, batches.size());
        return batches;
    }

    private byte[] upload(SyncRun run, GraphBatch batch, boolean gzip) {
        return uploadExchange(run, batch, gzip).getMessage().getBody(byte[].class);
    }

    private Exchange uploadExchange(SyncRun run, GraphBatch batch, boolean gzip) {
        SyncJobApi api = new SyncJobApi(new ObjectMapper(), gzip, Duration.ofSeconds(1), Duration.ofSeconds(10),
                Clock.systemUTC());
        Exchange exchange = new DefaultExchange(camel);
        exchange.setProperty(SyncRun.PROPERTY, run);
        exchange.getMessage().setBody(batch);
        api.upload(exchange);
        return exchange;
    }

    private Path spoolFile(SyncRun run, GraphKind kind) {
        return run.delivery().spool().dir().resolve(RunSpool.fileName(kind));
    }

    private byte[] spooled(SyncRun run, GraphKind kind) throws IOException {
        return Files.readAllBytes(spoolFile(run, kind));
    }
}

package org.teleportj1.deadletter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teleportj1.batch.BatchLimits;
import org.teleportj1.batch.GraphBatcher;
import org.teleportj1.delivery.RunSpools;
import org.teleportj1.run.DeliveryMode;
import org.teleportj1.run.SyncRun;
import org.teleportj1.state.StateDirectory;

class DeadLetterStoreTest {
    @TempDir
    Path dir;

    /** Run ids count seconds: two runs of a cluster dead-lettered from the same second keep both letters. */
    @Test
    void twoRunsThatStartedInTheSameSecondKeepTheirOwnLetters() throws Exception {
        DeadLetterStore store = new DeadLetterStore(dir.resolve("dead-letters"));
        RunSpools spools = new RunSpools(new StateDirectory(dir.resolve("state")));
        Instant second = Instant.parse("2026-12-01T12:00:00.100Z");

        store.store(failedRun(spools, second, 3));
        store.store(failedRun(spools, second.plusMillis(800), 5));

        List<DeadLetter> letters = store.list();
        assertEquals(List.of("default/20261201T120000Z", "default/20261201T120000Z-2"),
                letters.stream().map(DeadLetter::id).toList());
        assertEquals(List.of(3L, 5L), letters.stream().map(DeadLetter::objects).toList());
    }

    /** A run that read its whole graph ({@code users} users), spooled it and could not deliver it. */
    private static Exchange failedRun(RunSpools spools, Instant startedAt, int users) throws Exception {
        GraphBatcher batcher = new GraphBatcher(new BatchLimits(5_000_000, 100));
        SyncRun run = new SyncRun("default", null, DeliveryMode.JUPITERONE, batcher, startedAt);
        spools.open(run);
        for (int i = 0; i < users; i++) {
            batcher.entity(Map.of("_key", "teleport:c:user:u" + i, "_type", "teleport_user", "_class", "User"));
        }
        spools.spool(run, batcher.flush());
        spools.awaitSpooled(run);
        run.delivery().graphRead();
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(SyncRun.PROPERTY, run);
        return exchange;
    }
}

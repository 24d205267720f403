package org.teleportj1.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.teleportj1.jupiterone.J1StandIn;
import org.teleportj1.sandbox.SandboxLauncher;
import org.teleportj1.run.RunResult;
import org.teleportj1.run.SyncRun;

/**
 * A cluster big enough that completing the graph (effective access, escalation paths) fills many
 * batches, which are delivered while completion goes on: still one job, every object exactly once.
 */
class LargeClusterSyncTest extends AppTestSupport {
    private static final J1StandIn J1 = new J1StandIn();
    private static final Path DIR = TestDirectories.create("large-cluster");

    @AfterAll
    static void stopJ1() {
        J1.close();
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        SandboxLauncher launcher = new SandboxLauncher();
        launcher.setUsers(3000);
        registry.bind(SandboxLauncher.BEAN_NAME, launcher);
    }

    @Override
    protected void settings(Properties properties) {
        properties.put("teleport.address", "sandbox");
        properties.put("j1.api-base-url", J1.baseUrl());
        properties.put("j1.api-key", "api-key-for-test-only");
        properties.put("j1.account-id", "account-1");
        properties.put("j1.batch.max-objects", "500");
        properties.put("j1.job.poll-interval-ms", "10");
        properties.put("sync.state-dir", DIR.resolve("state").toString());
        properties.put("sync.dead-letter-dir", DIR.resolve("dead-letters").toString());
    }

    @Test
    void completionBatchesAreDeliveredExactlyOnce() {
        SyncRun run = OneShotSync.runAll(context, Set.of()).get(0);

        assertEquals(RunResult.SUCCEEDED, run.result(), run.failure());
        List<J1StandIn.Job> jobs = J1.jobs();
        assertEquals(1, jobs.size());
        J1StandIn.Job job = jobs.get(0);
        assertEquals("FINISHED", job.status);
        assertEquals(1, job.finalizes.get());
        Set<String> keys = new HashSet<>(job.entityKeys);
        keys.addAll(job.relationshipKeys);
        assertEquals(job.objects(), keys.size(), "no object uploaded twice");
        assertEquals(run.batcher().objectCount(), job.objects(), "every object uploaded");
        assertTrue(run.graphStats().relationships() > 10_000,
                "completion emitted more than a checkpoint's worth: " + run.graphStats());
    }
}

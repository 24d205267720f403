package org.teleportj1.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.teleportj1.run.RunResult;
import org.teleportj1.run.SyncRun;
import org.teleportj1.sandbox.SandboxBehaviour;
import org.teleportj1.sandbox.SandboxLauncher;

/** {@code on}: a denied optional resource aborts the run; {@code off}: it is never asked for. */
class OptionalResourcesSettingsTest extends AppTestSupport {
    private static final Path OUTPUT = TestDirectories.create("optional-settings");

    @Override
    protected void settings(Properties properties) {
        properties.put("sync.output-dir", OUTPUT.toString());
        properties.put("sync.state-dir", OUTPUT.resolve("state").toString());
        properties.put("teleport.resources.locks", "on");
        properties.put("teleport.resources.bots", "off");
    }

    @Test
    void onAbortsWhenDeniedAndOffNeverReads() {
        SandboxLauncher.of(context).cluster().behaviour(SandboxBehaviour.normal().withPermissionDenied("lock"));

        List<SyncRun> runs = OneShotSync.runAll(context, Set.of());

        assertEquals(RunResult.FAILED, runs.get(0).result());
        assertTrue(runs.get(0).failure().contains("GetLocks") && runs.get(0).failure().contains("lock"),
                runs.get(0).failure());
        assertEquals(0, SandboxLauncher.of(context).cluster().calls("ListBots"), "bots are off");
    }

    @Test
    void offKeepsTheTypesInJ1AndTheRunSucceeds() {
        SandboxLauncher.of(context).cluster().behaviour(SandboxBehaviour.normal());

        SyncRun run = OneShotSync.runAll(context, Set.of()).get(0);

        assertEquals(RunResult.SUCCEEDED, run.result(), run.failure());
        assertEquals(0, SandboxLauncher.of(context).cluster().calls("ListBots"));
        assertEquals("teleport.resources.bots = off", run.unreadResources().get("bots"));
        assertTrue(run.delivery().partialTypes().contains("teleport_bot"), run.delivery().partialTypes().toString());
        assertTrue(run.delivery().partialTypes().stream().noneMatch(t -> t.contains("lock")));
    }
}

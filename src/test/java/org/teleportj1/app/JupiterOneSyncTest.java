package org.teleportj1.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.teleportj1.jupiterone.J1StandIn;
import org.teleportj1.run.RunResult;
import org.teleportj1.run.SyncRun;

/** A full sync of the sandbox cluster into a J1 stand-in: one job, every object uploaded once, one finalize. */
class JupiterOneSyncTest extends AppTestSupport {
    // CamelTestSupport asks for properties from its constructor, before instance fields exist
    private static final J1StandIn J1 = new J1StandIn();

    @AfterAll
    static void stopJ1() {
        J1.close();
    }

    @Override
    protected void settings(Properties properties) {
        properties.put("teleport.address", "sandbox");
        properties.put("j1.api-base-url", J1.baseUrl());
        properties.put("j1.api-key", "api-key-for-test-only");
        properties.put("j1.account-id", "account-1");
        properties.put("j1.scope", "teleport-sandbox-test");
        properties.put("j1.batch.max-objects", "7");
        properties.put("sync.state-dir", TestDirectories.create("j1-sync-state").toString());
    }

    @Test
    void uploadsEveryObjectOnceAndFinalizesOnce() {
        List<SyncRun> runs = OneShotSync.runAll(context, Set.of("default"));

        SyncRun run = runs.get(0);
        assertEquals(RunResult.SUCCEEDED, run.result(), run.failure());
        List<J1StandIn.Request> starts = J1.requests("/persister/synchronization/jobs");
        assertEquals(1, starts.size());
        assertEquals("teleport-sandbox-test", starts.get(0).json().path("scope").asText());
        Set<String> keys = new HashSet<>();
        long uploaded = 0;
        for (J1StandIn.Request request : J1.requests()) {
            if (request.path().endsWith("/entities") || request.path().endsWith("/relationships")) {
                String field = request.path().endsWith("/entities") ? "entities" : "relationships";
                JsonNode objects = request.json().path(field);
                assertTrue(objects.size() <= 7, "batch limit respected");
                for (JsonNode object : objects) {
                    assertTrue(keys.add(object.path("_key").asText()), "uploaded twice: " + object.path("_key"));
                    uploaded++;
                }
                assertEquals("Bearer api-key-for-test-only", request.header("Authorization"));
                assertEquals("account-1", request.header("JupiterOne-Account"));
            }
        }
        assertEquals(run.batcher().objectCount(), uploaded);
        assertTrue(uploaded > 20);
        assertEquals(1, J1.requests("/finalize").size());
        assertEquals(0, J1.requests("/abort").size());
    }
}

package org.teleportj1.jupiterone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.teleportj1.app.AppTestSupport;
import org.teleportj1.app.TestDirectories;
import org.teleportj1.batch.BatchLimits;
import org.teleportj1.batch.GraphBatch;
import org.teleportj1.batch.GraphBatcher;
import org.teleportj1.run.DeliveryMode;
import org.teleportj1.run.SyncRun;

/** The J1 routes against a real HTTP server on loopback: headers, bodies, retries. */
class JupiterOneRoutesTest extends AppTestSupport {
    private static final J1StandIn J1 = new J1StandIn();
    private static final String API_KEY = "test-api-key-0123456789";
    private static final Path STATE = TestDirectories.create("j1-routes");

    @AfterAll
    static void stopJ1() {
        J1.close();
    }

    @Override
    protected void settings(Properties properties) {
        properties.put("teleport.address", "sandbox");
        // nothing in the project directory: state and dead letters go to a temporary one
        properties.put("sync.state-dir", STATE.resolve("state").toString());
        properties.put("sync.dead-letter-dir", STATE.resolve("dead-letters").toString());
        properties.put("j1.api-base-url", J1.baseUrl());
        properties.put("j1.api-key", API_KEY);
        properties.put("j1.account-id", "acct-1234");
        properties.put("j1.retry.initial-delay-ms", "10");
        properties.put("j1.retry.max-delay-ms", "50");
    }

    private Exchange runExchange(SyncRun run) {
        Exchange exchange = new DefaultExchange(context);
        exchange.setProperty(SyncRun.PROPERTY, run);
        exchange.setProperty(SyncJobApi.SCOPE, "teleport-test");
        return exchange;
    }

    private static SyncRun newRun(GraphBatcher batcher) {
        return new SyncRun("test", null, DeliveryMode.JUPITERONE, batcher, Instant.now());
    }

    @Test
    void startUploadFinalizeSendsJ1HeadersAndBodies() throws Exception {
        GraphBatcher batcher = new GraphBatcher(new BatchLimits(5_000_000, 1000));
        batcher.entity(Map.of("_key", "teleport:test:user:alice", "_type", "teleport_user", "_class", "User",
                "name", "alice", "displayName", "alice"));
        batcher.relationship(Map.of("_key", "teleport:test|has|teleport:test:user:alice", "_type",
                "teleport_account_has_user", "_class", "HAS", "_fromEntityKey", "teleport:test",
                "_toEntityKey", "teleport:test:user:alice"));
        SyncRun run = newRun(batcher);
        Exchange exchange = runExchange(run);

        template.send("direct:j1-start-job", exchange);
        assertNull(exchange.getException());
        assertNotNull(run.jobId());
        for (GraphBatch batch : batcher.flush()) {
            exchange.getMessage().setBody(batch);
            template.send("direct:j1-upload", exchange);
            assertNull(exchange.getException());
        }
        template.send("direct:j1-finalize", exchange);
        assertNull(exchange.getException());

        List<J1StandIn.Request> requests = J1.requests().stream()
                .filter(r -> r.path().contains(run.jobId()) || r.path().endsWith("/jobs")).toList();
        J1StandIn.Request start = requests.get(0);
        assertEquals("/persister/synchronization/jobs", start.path());
        assertEquals("Bearer " + API_KEY, start.header("Authorization"));
        assertEquals("acct-1234", start.header("JupiterOne-Account"));
        assertTrue(start.header("Content-Type").startsWith("application/json"));
        JsonNode startBody = start.json();
        assertEquals("api", startBody.path("source").asText());
        assertEquals("teleport-test", startBody.path("scope").asText());
        assertEquals("DIFF", startBody.path("syncMode").asText());

        J1StandIn.Request entities = J1.requests("/" + run.jobId() + "/entities").get(0);
        assertEquals("alice", entities.json().path("entities").get(0).path("name").asText());
        assertEquals("Bearer " + API_KEY, entities.header("Authorization"));
        assertNotNull(entities.header("JupiterOne-Correlation-Id"));
        J1StandIn.Request relationships = J1.requests("/" + run.jobId() + "/relationships").get(0);
        assertEquals("HAS", relationships.json().path("relationships").get(0).path("_class").asText());
        assertEquals(1, J1.requests("/" + run.jobId() + "/finalize").size());
        assertEquals(2, run.objectsDelivered());
        // nothing the route picked up on the way leaks into J1 requests
        assertFalse(entities.headers().keySet().stream().anyMatch(h -> h.startsWith("camel")));
    }

    @Test
    void retriesServerErrorsAndHonoursRetryAfter() {
        SyncRun run = newRun(new GraphBatcher(new BatchLimits(5_000_000, 1000)));
        Exchange exchange = runExchange(run);
        J1.failNext("/jobs", 503, Map.of());
        J1.failNext("/jobs", 429, Map.of("Retry-After", "0"));
        int before = J1.requests("/jobs").size();

        template.send("direct:j1-start-job", exchange);

        assertNull(exchange.getException());
        assertNotNull(run.jobId());
        assertEquals(before + 3, J1.requests("/jobs").size(), "two failures retried, third attempt succeeds");
    }

    @Test
    void clientErrorsFailAtOnceWithJ1sAnswer() {
        SyncRun run = newRun(new GraphBatcher(new BatchLimits(5_000_000, 1000)));
        Exchange exchange = runExchange(run);
        J1.failNext("/jobs", 401, Map.of());
        int before = J1.requests("/jobs").size();

        template.send("direct:j1-start-job", exchange);

        assertNotNull(exchange.getException());
        assertEquals(before + 1, J1.requests("/jobs").size(), "a 401 is not retried");
    }

    @Test
    void anObjectTooLargeEvenAloneIsTrimmedAndTheOperatorToldWhich() throws Exception {
        GraphBatcher batcher = new GraphBatcher(new BatchLimits(5_000_000, 1000));
        SyncRun run = newRun(batcher);
        Exchange exchange = runExchange(run);
        template.send("direct:j1-start-job", exchange);
        assertNull(exchange.getException());
        batcher.entity(Map.of("_key", "teleport:test:user:huge", "_type", "teleport_user", "_class", "User",
                "name", "huge", "displayName", "huge", "description", "x".repeat(12_000)));
        J1.rejectBodiesOver(4000);
        try {
            exchange.getMessage().setBody(batcher.flush().get(0));
            template.send("direct:j1-upload-batch", exchange);
        } finally {
            J1.rejectBodiesOver(Integer.MAX_VALUE);
        }

        assertNull(run.delivery().failure());
        assertEquals(1, run.delivery().trimmedObjects());
        J1StandIn.Request accepted = J1.requests("/" + run.jobId() + "/entities").stream()
                .filter(r -> r.status() == 200).findFirst().orElseThrow();
        JsonNode entity = accepted.json().path("entities").get(0);
        assertEquals("teleport:test:user:huge", entity.path("_key").asText());
        assertTrue(entity.path("description").asText().endsWith("...[trimmed]"));
        assertTrue(accepted.body().length <= 4000);
    }

    private static void assertNull(Object value) {
        org.junit.jupiter.api.Assertions.assertNull(value, () -> String.valueOf(value));
    }
}

package org.teleportj1.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.teleportj1.sandbox.SandboxCluster;
import org.teleportj1.sandbox.SandboxOptions;
import org.teleportj1.run.RunResult;

/** With management enabled, health and Prometheus metrics answer over HTTP with identity expiry and last sync. */
class ManagementEndpointsTest extends AppTestSupport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Path WORK = TestDirectories.create("management");
    private static final SandboxCluster CLUSTER = SandboxCluster.start(SandboxOptions.defaults(WORK.resolve("sandbox")));
    private static final Path ROUTES = ClusterFiles.write(WORK.resolve("routes"), Map.of("lab", CLUSTER)).getParent();
    private static final int PORT = freePort();

    @AfterAll
    static void stopCluster() {
        CLUSTER.close();
    }

    @Override
    protected void settings(Properties properties) {
        properties.put("camel.main.routes-include-pattern", ClusterFiles.includePattern(ROUTES));
        properties.put("sync.output-dir", WORK.resolve("output").toString());
        properties.put("sync.state-dir", WORK.resolve("state").toString());
        properties.put("camel.management.enabled", "true");
        properties.put("camel.management.port", String.valueOf(PORT));
    }

    @Test
    void healthAndMetricsShowIdentityExpiryAndTheLastSync() throws Exception {
        assertEquals(RunResult.SUCCEEDED, OneShotSync.runAll(context, Set.of("lab")).get(0).result());

        HttpResponse<String> health = get("/observe/health?data=true");
        JsonNode checks = JSON.readTree(health.body()).path("checks");
        JsonNode identity = check(checks, "identity");
        assertEquals("UP", identity.path("status").asText(), health.body());
        long secondsToExpiry = identity.path("data").path("lab.identity.secondsToExpiry").asLong();
        assertTrue(secondsToExpiry > 3600 && secondsToExpiry <= SandboxOptions.DEFAULT_VALIDITY.getSeconds(),
                health.body());
        JsonNode lastSync = check(checks, "last-sync");
        assertEquals("UP", lastSync.path("status").asText(), health.body());
        assertEquals("succeeded", lastSync.path("data").path("lab.lastResult").asText(), health.body());
        assertTrue(lastSync.path("data").has("lab.lastSuccessAt"), health.body());
        assertEquals("dry-run", check(checks, "jupiterone").path("data").path("mode").asText(), health.body());

        HttpResponse<String> metrics = get("/observe/metrics");
        assertEquals(200, metrics.statusCode());
        String text = metrics.body();
        assertTrue(text.contains("teleport_j1_identity_expiry_seconds{cluster=\"lab\"}"), text);
        assertTrue(text.contains("teleport_j1_last_success_age_seconds{cluster=\"lab\"}"), text);
        assertTrue(text.contains("teleport_j1_runs_total{cluster=\"lab\",result=\"succeeded\"} 1.0"), text);
        assertTrue(text.contains("teleport_j1_pages_total{cluster=\"lab\",resource=\"users\"}"), text);
        assertTrue(text.contains("teleport_j1_run_duration_seconds_count{cluster=\"lab\",result=\"succeeded\"} 1"),
                text);
        assertTrue(text.contains("teleport_j1_dead_letters_total{cluster=\"lab\"} 0.0"), text);
    }

    @Test
    void aFailedRunTurnsTheLastSyncCheckDown() throws Exception {
        CLUSTER.behaviour(org.teleportj1.sandbox.SandboxBehaviour.normal().withPermissionDenied("user"));
        try {
            assertEquals(RunResult.FAILED, OneShotSync.runAll(context, Set.of("lab")).get(0).result());
        } finally {
            CLUSTER.behaviour(org.teleportj1.sandbox.SandboxBehaviour.normal());
        }
        HttpResponse<String> health = get("/observe/health?data=true");
        JsonNode lastSync = check(JSON.readTree(health.body()).path("checks"), "last-sync");
        assertEquals("DOWN", lastSync.path("status").asText(), health.body());
        assertTrue(lastSync.path("data").path("lab.lastFailure").asText().contains("user"), health.body());
        assertEquals(503, health.statusCode());
    }

    private static JsonNode check(JsonNode checks, String name) {
        for (JsonNode check : checks) {
            if (check.path("name").asText().equals(name)) {
                return check;
            }
        }
        throw new AssertionError("no health check '" + name + "' in " + checks);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
